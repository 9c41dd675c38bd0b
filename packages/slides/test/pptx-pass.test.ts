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
      'a part that is not well-formed',
      () => doctored(first(/^ppt\/slides\/slide\d+\.xml$/u), (x) => x.replace('</p:cSld>', '</p:cSLD>')),
      /slide\d+\.xml unlike this pass expects \(well-formed XML/u,
    ],
    [
      'a heading shape without its placeholder properties',
      () => doctored(slideWith(`name="${TITLE_SHAPE}"`), (x) => x.replace(/<p:nvPr><\/p:nvPr>/u, '')),
      /one <p:nvPr> in <p:nvSpPr> of "Slide title", found 0/u,
    ],
    [
      "a copy of the master's placeholder other than its slide number",
      () =>
        doctored(slideWith('idx="4294967295"'), (x) =>
          x.replace('type="sldNum" sz="quarter" idx="4294967295"', 'type="dt" sz="quarter" idx="4294967295"'),
        ),
      /the master's slide number as the one placeholder with its index/u,
    ],
    [
      'a kicker without runs',
      () =>
        doctored(slideWith(`name="${KICKER_SHAPE}"`), (x) =>
          x.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="Kicker"[\s\S]*?<\/p:sp>/u, (shape) =>
            shape.replace(/<a:r>[\s\S]*<\/a:r>/u, ''),
          ),
        ),
      /runs in the kicker/u,
    ],
    [
      'notes in two paragraphs',
      () =>
        doctored(first(/^ppt\/notesSlides\/notesSlide\d+\.xml$/u), (x) =>
          x.replace('<a:endParaRPr lang="en-US" dirty="0"/></a:p>', '</a:p><a:p><a:r><a:t>x</a:t></a:r></a:p>'),
        ),
      /notes as one run in one paragraph/u,
    ],
    [
      'a chart without data labels',
      () =>
        doctored(first(/^ppt\/charts\/chart\d+\.xml$/u), (x) =>
          x.replaceAll('<c:dLbls>', '<c:dLblz>').replaceAll('</c:dLbls>', '</c:dLblz>'),
        ),
      /the series' data labels \(<c:dLbls>\)/u,
    ],
    [
      'a chart without a category axis',
      () => doctored(first(/^ppt\/charts\/chart\d+\.xml$/u), (x) => x.replaceAll('c:catAx>', 'c:dateAx>')),
      /exactly one category axis \(<c:catAx>\), found 0/u,
    ],
    [
      'a theme outside Office’s theme family',
      () => doctored('ppt/theme/theme1.xml', (x) => x.replace(/<thm15:themeFamily [^>]*\/>/u, '')),
      /Office's theme family/u,
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
  ];
  for (const [what, make, message] of cases) {
    it(`stops with an internal error on ${what}`, async () => {
      await expect(finishPackage(make(), info)).rejects.toThrow(message);
    });
  }

  // What the pass needs, written another way than pptxgenjs writes it today: the pass finds
  // it in the parsed part all the same, and finishes the part exactly as it finishes
  // pptxgenjs's own (up to the spacing inside a tag the pass leaves alone).
  const finished = finishPackage(written, info).then(readZip);
  // A chart part's name once finished: pptxgenjs's counter has moved on in a process that
  // made charts before, and the pass numbers them from 1.
  const charts = parts
    .map((p) => p.name)
    .filter((n) => /^ppt\/charts\/chart\d+\.xml$/u.test(n))
    .sort((a, b) => Number(/\d+/u.exec(a)?.[0]) - Number(/\d+/u.exec(b)?.[0]));
  const renamed = (name: string) => (charts.includes(name) ? `ppt/charts/chart${charts.indexOf(name) + 1}.xml` : name);
  const finishedText = (from: readonly { name: string; data: Uint8Array }[], name: string) =>
    new TextDecoder().decode(from.find((p) => p.name === renamed(name))?.data);
  const spacing = (xml: string) =>
    xml.replace(/<[^>]+>/gu, (tag) => tag.replace(/\s+/gu, ' ').replace(/ (\/?>)$/u, '$1'));
  const alike: [string, string, (xml: string) => string][] = [
    ['a paragraph with attributes', first(/^ppt\/slides\/slide\d+\.xml$/u), (x) => x.replace('<a:p>', '<a:p >')],
    [
      'a heading shape marked as a text box',
      slideWith(`name="${TITLE_SHAPE}"`),
      (x) =>
        x.replace(
          new RegExp(`(name="${TITLE_SHAPE}"[^>]*>)(</p:cNvPr>)?<p:cNvSpPr/>`, 'u'),
          '$1$2<p:cNvSpPr txBox="1"/>',
        ),
    ],
    [
      'run properties spaced with tabs in the kicker',
      slideWith(`name="${KICKER_SHAPE}"`),
      (x) =>
        x.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="Kicker"[\s\S]*?<\/p:sp>/u, (shape) =>
          shape.replaceAll('<a:rPr ', '<a:rPr\t'),
        ),
    ],
    [
      'a bullet sized another way',
      slideWith('<a:buChar'),
      (x) => x.replaceAll('<a:buSzPct val="100000"/><a:buChar', '<a:buSzPct val="90000"/><a:buChar'),
    ],
    [
      'a shape id spaced another way',
      first(/^ppt\/slides\/slide\d+\.xml$/u),
      (x) => x.replaceAll('<p:cNvPr id="', '<p:cNvPr  id="'),
    ],
    [
      'a face spaced another way',
      first(/^ppt\/slides\/slide\d+\.xml$/u),
      (x) => x.replace('<a:latin typeface="Inter"', '<a:latin  typeface="Inter"'),
    ],
    [
      'a complex-script face with its attributes in another order',
      first(/^ppt\/slides\/slide\d+\.xml$/u),
      (x) => x.replace(/<a:cs typeface="Inter"([^/>]*)\/>/u, '<a:cs$1 typeface="Inter"/>'),
    ],
    [
      'notes without their paragraph’s end properties',
      first(/^ppt\/notesSlides\/notesSlide\d+\.xml$/u),
      (x) => x.replace('<a:endParaRPr lang="en-US" dirty="0"/></a:p>', '</a:p>'),
    ],
    [
      'category axis labels with a rotation',
      first(/^ppt\/charts\/chart\d+\.xml$/u),
      (x) => x.replace(/(<c:catAx>[\s\S]*?)<a:bodyPr\s*\/>/u, '$1<a:bodyPr rot="-5400000"/>'),
    ],
    [
      "two copies of the master's slide number on a layout",
      'ppt/slideLayouts/slideLayout2.xml',
      (x) => {
        const stray = '<p:sp><p:nvSpPr><p:nvPr><p:ph type="sldNum" idx="4294967295"/></p:nvPr></p:nvSpPr></p:sp>';
        return x.replace('</p:spTree>', `${stray}${stray}</p:spTree>`);
      },
    ],
  ];
  for (const [what, name, change] of alike) {
    it(`finishes ${what} as it finishes pptxgenjs’s own`, async () => {
      const from = readZip(await finishPackage(doctored(name, change), info));
      const mine = finishedText(from, name);
      expect(mine).not.toBe('');
      expect(spacing(mine)).toBe(spacing(finishedText(await finished, name)));
    });
  }

  it('marks a run regular whose properties pptxgenjs wrote with no attributes', async () => {
    // A run the pass could not mark would take the placeholder's bold in LibreOffice.
    const name = first(/^ppt\/slides\/slide\d+\.xml$/u);
    const from = readZip(
      await finishPackage(
        doctored(name, (x) => x.replace(/<a:rPr [^>]*?(\/?)>/u, '<a:rPr$1>')),
        info,
      ),
    );
    const runs = [...finishedText(from, name).matchAll(/<a:rPr\b[^>]*>/gu)].map((m) => m[0]);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.filter((run) => !/ b="[01]"/u.test(run))).toEqual([]);
    expect(runs.filter((run) => /^<a:rPr b="0"\/?>$/u.test(run)).length).toBeGreaterThan(0);
  });

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
