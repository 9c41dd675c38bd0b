// The package pass fails loudly: each of its expectations about pptxgenjs's XML, broken on
// purpose in a real pptxgenjs package, stops the render with an internal error naming it.
import { report } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { NAMED_FACES } from '../src/layout/faces.js';
import { buildPresentation, KICKER_SHAPE, TITLE_SHAPE } from '../src/pptx/build.js';
import { renderPptx } from '../src/pptx/index.js';
import { finishPackage, finishParts, type PackageInfo } from '../src/pptx/package.js';
import { PptxPassError } from '../src/pptx/pass.js';
import { roomFor } from '../src/pptx/template/fit.js';
import { graft } from '../src/pptx/template/graft.js';
import { readTemplate } from '../src/pptx/template/read.js';
import { readZip, writeZip } from '../src/pptx/zip.js';
import { planDeck } from '../src/render.js';

const plan = planDeck(report);
const { pres, chartFormats } = buildPresentation(plan);
const written = (await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
const date = new Date('2026-01-01T00:00:00Z');
const info: PackageInfo = {
  lang: 'en-GB',
  title: 't',
  subject: 's',
  keywords: [],
  date,
  chartFormats,
  kinds: plan.slides.map((s) => s.kind),
  footer: plan.footer,
  faces: NAMED_FACES.design,
  slideTitles: plan.slides.map((s) => s.heading),
};
const parts = readZip(written);
const text = (name: string) => new TextDecoder().decode(parts.find((p) => p.name === name)?.data);
const first = (pattern: RegExp) => parts.find((p) => pattern.test(p.name))?.name as string;

/** pptxgenjs's package with one part's text changed (or the part removed, with `null`). */
function doctored(name: string, change: ((xml: string) => string) | null): Uint8Array {
  const out = parts.flatMap((p) => {
    if (p.name !== name) return [p];
    if (change === null) return [];
    const after = change(text(name));
    expect(after, `the doctoring of ${name} changes it`).not.toBe(text(name));
    return [{ name, data: new TextEncoder().encode(after) }];
  });
  return writeZip(out, date);
}

const slideWith = (needle: string) =>
  parts.find((p) => /^ppt\/slides\/slide\d+\.xml$/u.test(p.name) && text(p.name).includes(needle))?.name as string;

describe('the package pass', () => {
  it('finishes pptxgenjs’s own package', async () => {
    await expect(finishPackage(written, info)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('asks every client to show every category label: a label frequency of 1, the labels unrotated', async () => {
    // PowerPoint reads the frequency; LibreOffice reads none, and shows every label only when
    // the axis says its labels are not rotated (it skips every other one that would crowd).
    const charts = readZip(await finishPackage(written, info)).filter((p) =>
      /^ppt\/charts\/chart\d+\.xml$/u.test(p.name),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const part of charts) {
      const axis = /<c:catAx>[\s\S]*?<\/c:catAx>/u.exec(new TextDecoder().decode(part.data))?.[0] ?? '';
      expect(axis, part.name).toContain('<c:tickLblSkip val="1"/>');
      expect(axis, part.name).toContain('<a:bodyPr rot="0" vert="horz"/>');
    }
  });

  const cases: [string, () => Uint8Array, RegExp][] = [
    ['a missing core properties part', () => doctored('docProps/core.xml', null), /a part docProps\/core\.xml/u],
    ['a chart too few', () => doctored(first(/^ppt\/charts\/chart\d+\.xml$/u), null), /chart parts, found/u],
    [
      'a paragraph with attributes',
      () => doctored(first(/^ppt\/slides\/slide\d+\.xml$/u), (x) => x.replace('<a:p>', '<a:p dir="x">')),
      /bare <a:p>/u,
    ],
    [
      'a heading shape written another way',
      () =>
        doctored(slideWith(`name="${TITLE_SHAPE}"`), (x) =>
          x.replace(
            new RegExp(`(name="${TITLE_SHAPE}"[^>]*>)(</p:cNvPr>)?<p:cNvSpPr/>`, 'u'),
            '$1$2<p:cNvSpPr txBox="1"/>',
          ),
        ),
      /empty shape properties and list style on "Slide title"/u,
    ],
    [
      'a kicker without run properties',
      () =>
        doctored(slideWith(`name="${KICKER_SHAPE}"`), (x) =>
          x.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="Kicker"[\s\S]*?<\/p:sp>/u, (shape) =>
            shape.replaceAll('<a:rPr ', '<a:rPr\t'),
          ),
        ),
      /runs in the kicker/u,
    ],
    [
      'a bullet sized another way',
      () =>
        doctored(slideWith('<a:buChar'), (x) =>
          x.replaceAll('<a:buSzPct val="100000"/><a:buChar', '<a:buSzPct val="90000"/><a:buChar'),
        ),
      /every bullet character/u,
    ],
    [
      'a shape id written another way',
      () => doctored(first(/^ppt\/slides\/slide\d+\.xml$/u), (x) => x.replace('<p:cNvPr id="', '<p:cNvPr  id="')),
      /shape ids/u,
    ],
    [
      'notes in another shape',
      () =>
        doctored(first(/^ppt\/notesSlides\/notesSlide\d+\.xml$/u), (x) =>
          x.replace('<a:endParaRPr lang="en-US" dirty="0"/></a:p>', '</a:p>'),
        ),
      /notes as one run/u,
    ],
    [
      'a chart without data labels',
      () => doctored(first(/^ppt\/charts\/chart\d+\.xml$/u), (x) => x.replaceAll('<c:dLbls>', '<c:dLblz>')),
      /data labels/u,
    ],
    [
      'label text properties with a filled body',
      () =>
        doctored(first(/^ppt\/charts\/chart\d+\.xml$/u), (x) =>
          x.replace(/(<c:dLbls>[\s\S]*?)<a:bodyPr\s*\/>/u, '$1<a:bodyPr rot="0"/>'),
        ),
      /empty <a:bodyPr\/>/u,
    ],
    [
      'category axis text properties with a filled body',
      () =>
        doctored(first(/^ppt\/charts\/chart\d+\.xml$/u), (x) =>
          x.replace(/(<c:catAx>[\s\S]*?)<a:bodyPr\s*\/>/u, '$1<a:bodyPr rot="-5400000"/>'),
        ),
      /category axis text properties with an empty <a:bodyPr\/>/u,
    ],
    [
      'a chart without a category axis',
      () => doctored(first(/^ppt\/charts\/chart\d+\.xml$/u), (x) => x.replaceAll('c:catAx>', 'c:dateAx>')),
      /category axis \(<c:catAx>\)/u,
    ],
    [
      'a face written another way',
      () =>
        doctored(first(/^ppt\/slides\/slide\d+\.xml$/u), (x) =>
          x.replace('<a:latin typeface="Inter"', '<a:latin  typeface="Inter"'),
        ),
      /every Inter face/u,
    ],
    [
      'a complex-script face written another way',
      () =>
        doctored(first(/^ppt\/slides\/slide\d+\.xml$/u), (x) =>
          x.replace('<a:cs typeface="Inter"', '<a:cs pitchFamily="34" typeface="Inter"'),
        ),
      /every East Asian and complex-script Inter face/u,
    ],
    [
      'a run property with no attributes',
      // The pass marks every run regular that does not say otherwise; one it cannot mark would
      // take the placeholder's bold in LibreOffice.
      () => doctored(first(/^ppt\/slides\/slide\d+\.xml$/u), (x) => x.replace(/<a:rPr [^>]*?(\/?)>/u, '<a:rPr$1>')),
      /every run property as <a:rPr with attributes/u,
    ],
    [
      'a run in another language',
      () => doctored(first(/^ppt\/slides\/slide\d+\.xml$/u), (x) => x.replace('lang="en-US"', 'lang="en-us"')),
      /every language as lang="en-US", found lang="en-us"/u,
    ],
    [
      'a layout in another language',
      // pptxgenjs's runs on our layouts go with the shapes the pass replaces; a run it kept
      // in another language must still stop the pass.
      () =>
        doctored('ppt/slideLayouts/slideLayout2.xml', (x) =>
          x.replace(
            '</p:spTree>',
            '<p:sp><p:txBody><a:p><a:r><a:rPr lang="de-DE"/><a:t>x</a:t></a:r></a:p></p:txBody></p:sp></p:spTree>',
          ),
        ),
      /found lang="de-DE"/u,
    ],
    [
      "a second copy of the master's slide number on a layout",
      // The pass drops the one pptxgenjs copies from the master; a second would be left behind.
      () => {
        const stray = '<p:sp><p:nvSpPr><p:nvPr><p:ph type="sldNum" idx="4294967295"/></p:nvPr></p:nvSpPr></p:sp>';
        return doctored('ppt/slideLayouts/slideLayout2.xml', (x) =>
          x.replace('</p:spTree>', `${stray}${stray}</p:spTree>`),
        );
      },
      /the master's slide number copied once/u,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`stops with an internal error on ${what}`, async () => {
      await expect(finishPackage(make(), info)).rejects.toThrow(message);
    });
  }

  it('stops with an internal error, on a template, on a slide that names its layout otherwise', async () => {
    // Our own deck serves as the template: it has the four layouts.
    const template = readTemplate(await renderPptx(report));
    const options = { lang: 'en-GB', faces: info.faces, room: roomFor(template) };
    const finished = finishParts(written, info);
    expect(graft(finished, template, options).length).toBeGreaterThan(finished.length / 2);
    const rels = 'ppt/slides/_rels/slide1.xml.rels';
    const doctoredRels = finished.map((p) => {
      if (p.name !== rels) return p;
      const xml = new TextDecoder().decode(p.data);
      const after = xml.replace('Target="../slideLayouts/', 'Target="/ppt/slideLayouts/');
      expect(after).not.toBe(xml);
      return { name: p.name, data: new TextEncoder().encode(after) };
    });
    expect(() => graft(doctoredRels, template, options)).toThrow(PptxPassError);
    expect(() => graft(doctoredRels, template, options)).toThrow(
      /slide1\.xml\.rels.*a layout the slide uses, found 0/u,
    );
  });
});
