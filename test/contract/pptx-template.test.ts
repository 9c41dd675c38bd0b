// The PowerPoint on an organisation's template (issue 22, item 4), read back from its XML: on a
// 4:3 and a 16:9 template the tests make (other faces, colours and placeholder positions),
// the deck takes the template's slide size, layouts and theme; every heading is in the
// template layout's title placeholder, every text in a placeholder, charts and tables inside
// the template's body area, nothing off the slide, the template's own slide gone, the same
// bytes twice. A broken template is refused with a message naming what is wrong, by
// renderPptx and by `briefing build --pptx-template` (exit 2). Each check is shown failing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { report } from '@briefing/content';
import { type PptxFacts, readPptx } from '@briefing/inspect';
import { type DeckPlan, PptxTemplateError, planDeck, planPptx, renderPptx } from '@briefing/slides';
import { freshDir, runCli } from '@briefing/testkit';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  makeTemplate,
  TEMPLATE_43,
  TEMPLATE_169,
  type TemplateSpec,
  withParts,
  withSecondMaster,
  zipWithoutPresentation,
} from '../helpers/pptx-template.js';

const EMU = 914400;

/** PowerPoint's names for the four layouts the deck uses, which the tests' templates take. */
const POWERPOINT_LAYOUTS = ['Title Slide', 'Title and Content', 'Title Only', 'Section Header'];

/**
 * What is wrong with a deck built on the template `spec` describes, whose layouts the deck's
 * slides should use are `layouts` and whose theme is the part `theme`: one line per problem.
 */
export function templateProblems(
  facts: PptxFacts,
  bytes: Uint8Array,
  spec: TemplateSpec,
  plan: DeckPlan,
  { layouts = POWERPOINT_LAYOUTS, theme: themePart = 'ppt/theme/theme1.xml' } = {},
): string[] {
  const problems: string[] = [];
  const width = Math.round(spec.width * EMU);
  const height = Math.round(spec.height * EMU);
  if (Math.abs(facts.size.width - width) > 1 || Math.abs(facts.size.height - height) > 1)
    problems.push(`slide size ${facts.size.width}×${facts.size.height}, template ${width}×${height}`);
  const body = {
    left: spec.body.x * EMU,
    right: (spec.body.x + spec.body.w) * EMU,
    top: spec.title.y * EMU,
    bottom: (spec.body.y + spec.body.h) * EMU,
  };
  const files = unzipSync(bytes);
  plan.slides.forEach((planned, i) => {
    const slide = facts.slides[i];
    if (!slide) {
      problems.push(`slide ${i + 1} missing`);
      return;
    }
    const titles = slide.shapes.filter((s) => s.placeholder === 'title' || s.placeholder === 'ctrTitle');
    const want = (planned.heading + (planned.continued ? ' (continued)' : '')).replace(/\s+/gu, ' ').trim();
    if (titles.length !== 1 || slide.heading !== want) problems.push(`slide ${i + 1}: title "${slide.heading}"`);
    if (!layouts.includes(slide.layout)) problems.push(`slide ${i + 1}: layout "${slide.layout}"`);
    for (const shape of slide.shapes) {
      const b = shape.box;
      if (!shape.placeholder && shape.paragraphs.join('').trim() !== '')
        problems.push(`slide ${i + 1}: "${shape.name}" is a text box`);
      if (!b) continue;
      if (b.x < 0 || b.y < 0 || b.x + b.w > facts.size.width + 1 || b.y + b.h > facts.size.height + 1)
        problems.push(`slide ${i + 1}: "${shape.name}" leaves the slide`);
      const frame = /^(Chart|Table)/u.test(shape.name);
      if (
        frame &&
        (b.x < body.left - 1 || b.x + b.w > body.right + 1 || b.y < body.top - 1 || b.y + b.h > body.bottom + 1)
      )
        problems.push(`slide ${i + 1}: "${shape.name}" outside the template's body area`);
    }
    // A chart panel's title whole, in smaller type where the panel is narrow, never cut short.
    for (const chart of slide.charts)
      if (chart.title.endsWith('\u2026')) problems.push(`slide ${i + 1}: chart title "${chart.title}" cut short`);
  });
  if (facts.slides.length !== plan.slides.length)
    problems.push(`${facts.slides.length} slides for ${plan.slides.length} planned`);
  const theme = strFromU8(files[themePart] ?? new Uint8Array());
  if (!theme.includes(`<a:latin typeface="${spec.faces.heading}"`) || !theme.includes(spec.colours.accent1))
    problems.push("the template's theme is not the deck's");
  const slidesXml = Object.entries(files)
    .filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/u.test(n))
    .map(([, d]) => strFromU8(d))
    .join('');
  // Every run and bullet in the theme's faces (+mj-lt headings, +mn-lt text), none in a face of ours.
  const named = new Set([...slidesXml.matchAll(/<a:(?:latin|buFont) typeface="([^"]*)"/gu)].map(([, face]) => face));
  const ours = [...named].filter((face) => !face?.startsWith('+'));
  if (ours.length > 0) problems.push(`text names ${ours.join(', ')}, not the theme's faces`);
  if (slidesXml.includes('A sample slide of the template')) problems.push("the template's own slide is still there");
  return problems;
}

/** Shapes whose type the deck sets at its fixed sizes (tables shrink to fit; these never do). */
const FIXED_TYPE = ['Slide title', 'Kicker', 'List', 'Lead', 'Paragraph', 'Callout', 'Caption'];

/** The type sizes (hundredths of a point) of each shape's runs in a deck's slides, by shape name. */
function typeSizes(bytes: Uint8Array): Map<string, Set<number>> {
  const sizes = new Map<string, Set<number>>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/^ppt\/slides\/slide\d+\.xml$/u.test(name)) continue;
    for (const [shape] of strFromU8(data).matchAll(/<p:sp>[\s\S]*?<\/p:sp>/gu)) {
      const shapeName = /<p:cNvPr [^>]*name="([^"]*)"/u.exec(shape)?.[1] ?? '';
      const set = sizes.get(shapeName) ?? new Set<number>();
      for (const [, sz] of shape.matchAll(/<a:rPr\b[^>]*\bsz="(\d+)"/gu)) set.add(Number(sz));
      sizes.set(shapeName, set);
    }
  }
  return sizes;
}

/**
 * Type on a template at a size our own deck (`own`) never sets it at: one line per shape name.
 * The deck keeps its type sizes on any template (the plan is laid out for the body area at its
 * real size), so the body text is 19.5 pt there as on our slide.
 */
export function typeProblems(bytes: Uint8Array, own: Uint8Array): string[] {
  const ours = typeSizes(own);
  const theirs = typeSizes(bytes);
  return FIXED_TYPE.flatMap((name) => {
    const want = ours.get(name) ?? new Set<number>();
    const odd = [...(theirs.get(name) ?? [])].filter((sz) => !want.has(sz));
    return odd.length > 0
      ? [
          `"${name}" at ${odd.map((sz) => sz / 100).join(', ')} pt, ours at ${[...want].map((sz) => sz / 100).join(', ')} pt`,
        ]
      : [];
  });
}

const own = await renderPptx(report);

/** How far (EMU) the middle of the title slide's text is from the middle of the slide's height. */
export function titleOffCentre(facts: PptxFacts): number {
  const boxes = (facts.slides[0]?.shapes ?? []).flatMap((s) => (s.box && s.paragraphs.join('').trim() ? [s.box] : []));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return Math.abs((top + bottom) / 2 - facts.size.height / 2);
}

const built = await Promise.all(
  (
    [
      ['4:3', TEMPLATE_43],
      ['16:9', TEMPLATE_169],
    ] as const
  ).map(async ([name, spec]) => {
    const template = await makeTemplate(spec);
    const warnings: string[] = [];
    const bytes = await renderPptx(report, { template, onWarning: (w) => warnings.push(w) });
    // The plan laid out for the template's body area, as renderPptx lays it out.
    const plan = planPptx(report, { template });
    return { name, spec, template, bytes, warnings, plan, facts: await readPptx(bytes) };
  }),
);

describe('the PowerPoint on an organisation’s template', () => {
  for (const { name, spec, bytes, facts, plan } of built) {
    it(`builds on the ${name} template: its size, layouts, theme; titles in its title placeholders; charts and tables in its body area; nothing off the slide`, () => {
      expect(facts.illFormed).toEqual([]);
      expect(templateProblems(facts, bytes, spec, plan)).toEqual([]);
      expect(facts.notesCount).toBe(plan.slides.length);
      expect(facts.slides.some((s) => s.charts.length > 0) && facts.slides.some((s) => s.tables.length > 0)).toBe(true);
    });
  }

  for (const { name, plan } of built) {
    it(`puts the chart under the bullet before it on the ${name} template, as on our own slide, not a slide of one bullet before a slide of the chart`, () => {
      const at = plan.slides.findIndex((s) => s.elements.some((e) => e.type === 'chart'));
      expect(plan.slides[at]?.kind).toBe('content');
      expect(plan.slides[at]?.elements.map((e) => e.type)).toEqual(['bullets', 'chart']);
    });
  }

  for (const { name, bytes } of built) {
    it(`sets the deck’s type at its own sizes on the ${name} template: body text at 19.5 pt, not scaled to the area`, () => {
      expect(typeSizes(bytes).get('List')).toContain(1950);
      expect(typeProblems(bytes, own)).toEqual([]);
    });
  }

  for (const { name, spec, facts } of built) {
    it(`centres the title slide in the ${name} template’s height`, () => {
      expect(titleOffCentre(facts)).toBeLessThan(0.02 * spec.height * EMU);
    });
  }

  it('lays a body area narrower than the floor out at the floor’s width and scales it in, type included', async () => {
    // 4.2 in (403 px) across, under the least width (560 px): laid out at 560 px, scaled by 0.72.
    const spec = {
      ...TEMPLATE_43,
      title: { ...TEMPLATE_43.title, w: 4.2 },
      body: { ...TEMPLATE_43.body, w: 4.2 },
    };
    const template = await makeTemplate(spec);
    const bytes = await renderPptx(report, { template });
    const plan = planPptx(report, { template });
    expect(plan.metrics?.room?.width).toBe(560);
    // At the floor's width the two chart panels are 256 px each: "Share of the population" does
    // not fit one line of half a panel even at the least label size (12 px), and is cut there.
    expect(templateProblems(await readPptx(bytes), bytes, spec, plan)).toEqual([
      'slide 5: chart title "Share of the popul…" cut short',
    ]);
    expect([...(typeSizes(bytes).get('List') ?? [])]).toContain(Math.round(1950 * ((4.2 * 96) / 560)));
  });

  it('the type check finds text scaled down into the body area', () => {
    const files = unzipSync(built[0]!.bytes);
    const part = 'ppt/slides/slide4.xml';
    files[part] = strToU8(
      strFromU8(files[part]!).replace(/\bsz="(\d+)"/gu, (_m, sz: string) => `sz="${Math.round(Number(sz) * 0.75)}"`),
    );
    expect(typeProblems(zipSync(files), own)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^"List" at 14\.63 pt, ours at .*19\.5/u)]),
    );
  });

  it('is the same bytes for the same report and template', async () => {
    const [first] = built;
    expect(Buffer.from(await renderPptx(report, { template: first!.template })).equals(Buffer.from(first!.bytes))).toBe(
      true,
    );
  });

  it('says which template faces it cannot measure, and what it does instead', () => {
    // DejaVu (the 4:3 template's) is the substitute every box leaves room for: measured.
    expect(built[0]!.warnings).toEqual([]);
    // Liberation Sans has Arial's widths; Liberation Serif (Times New Roman's) is not measured.
    expect(built[1]!.warnings).toEqual([
      expect.stringMatching(/heading face "Liberation Serif" is not one briefing measures: .* line breaks of Georgia/u),
    ]);
  });

  it('measures in the template’s faces where it can, whatever faces were asked for', async () => {
    const on = async (heading: string, body: string, faces: 'office' | 'design') => {
      const template = await makeTemplate({ ...TEMPLATE_169, faces: { heading, body } });
      const warnings: string[] = [];
      await renderPptx(planPptx(report, { template, faces }), { template, onWarning: (w) => warnings.push(w) });
      return { faces: planPptx(report, { template, faces }).metrics?.faces, warnings };
    };
    expect(await on('Source Serif 4', 'Inter', 'office')).toEqual({ faces: 'design', warnings: [] });
    expect(await on('Georgia', 'Arial', 'design')).toEqual({ faces: 'office', warnings: [] });
    expect(await on('Gelasio', 'Arimo', 'design')).toEqual({ faces: 'office', warnings: [] });
    expect(await on('DejaVu Serif', 'DejaVu Sans', 'design')).toEqual({ faces: 'design', warnings: [] });
    // Faces of two sets: the body's set wins, and the heading is said to keep its line breaks.
    expect(await on('Georgia', 'Inter', 'office')).toEqual({
      faces: 'design',
      warnings: [expect.stringMatching(/heading face "Georgia" is measured, but not with .* Source Serif 4/u)],
    });
    expect(await on('Cambria', 'Calibri', 'design')).toEqual({
      faces: 'design',
      warnings: [
        expect.stringMatching(/heading face "Cambria" is not one briefing measures: .* Source Serif 4/u),
        expect.stringMatching(/body face "Calibri" is not one briefing measures: .* Inter/u),
      ],
    });
  });

  it('the check finds a wrong size, a text box, a table outside the body area, a title not in place and a chart title cut short', async () => {
    const [first] = built;
    const facts = structuredClone(first!.facts);
    facts.size.width += EMU;
    const slide = facts.slides.find((s) => s.tables.length > 0)!;
    const table = slide.shapes.find((s) => s.name === 'Table')!;
    table.box = { ...table.box!, y: 0 };
    const list = facts.slides.flatMap((s) => s.shapes).find((s) => s.name === 'List')!;
    delete list.placeholder;
    facts.slides[1]!.heading = 'Another heading';
    const chart = facts.slides.flatMap((s) => s.charts).at(-1)!;
    chart.title = 'Share of the pop\u2026';
    const xml = unzipSync(first!.bytes);
    const slide1 = 'ppt/slides/slide2.xml';
    xml[slide1] = strToU8(
      strFromU8(xml[slide1]!).replace('<a:latin typeface="+mn-lt"/>', '<a:latin typeface="Arial"/>'),
    );
    expect(templateProblems(facts, zipSync(xml), first!.spec, first!.plan)).toContain(
      "text names Arial, not the theme's faces",
    );
    xml[slide1] = strToU8(
      strFromU8(unzipSync(first!.bytes)[slide1]!).replace(
        /<a:buFont typeface="[^"]*"\/>/u,
        '<a:buFont typeface="Georgia"/>',
      ),
    );
    expect(templateProblems(facts, zipSync(xml), first!.spec, first!.plan)).toContain(
      "text names Georgia, not the theme's faces",
    );
    // The title slide's text moved down by a tenth of the slide: off centre.
    const title = structuredClone(first!.facts);
    for (const shape of title.slides[0]!.shapes) if (shape.box) shape.box.y += title.size.height / 10;
    expect(titleOffCentre(title)).toBeGreaterThan(0.02 * title.size.height);
    const problems = templateProblems(facts, first!.bytes, first!.spec, first!.plan);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^slide size/u),
        expect.stringMatching(/"Table" outside the template's body area/u),
        expect.stringMatching(/"List" is a text box/u),
        'slide 2: title "Another heading"',
        expect.stringMatching(/chart title "Share of the pop…" cut short$/u),
      ]),
    );
    // Built on the template's size but placed as on our own slide: the chart and table leave its body area.
    const own = await readPptx(await renderPptx(report));
    expect(
      templateProblems(own, await renderPptx(report), first!.spec, planPptx(report)).some((p) =>
        p.includes('body area'),
      ),
    ).toBe(true);
  });
});

/** A template's bytes with its ppt/presentation.xml changed. */
const withPresentation = (template: Uint8Array, change: (xml: string) => string) =>
  withParts(template, (parts) => parts.edit('ppt/presentation.xml', change));

/** The names of the presentation element's children, in order. */
const presentationChildren = (pptx: Uint8Array) =>
  [...strFromU8(unzipSync(pptx)['ppt/presentation.xml'] as Uint8Array).matchAll(/<(p:\w+)[ />]/gu)]
    .map((m) => m[1])
    .filter((name, i, all) => name !== all[i - 1] && /Lst$|Sz$/u.test(name ?? ''));

describe('a template from PowerPoint, with a handout master', () => {
  it('lists the slides after the handout master, where the schema puts them (PowerPoint would offer to repair it)', async () => {
    const template = withPresentation(built[0]!.template, (xml) =>
      xml.replace(
        '</p:sldMasterIdLst>',
        '</p:sldMasterIdLst><p:handoutMasterIdLst><p:handoutMasterId r:id="rIdHandout"/></p:handoutMasterIdLst>',
      ),
    );
    const bytes = await renderPptx(report, { template });
    expect(presentationChildren(bytes).slice(0, 5)).toEqual([
      'p:sldMasterIdLst',
      'p:notesMasterIdLst',
      'p:handoutMasterIdLst',
      'p:sldIdLst',
      'p:sldSz',
    ]);
    // The order the check reads, on the template as made: no handout master there.
    expect(presentationChildren(built[0]!.bytes).slice(0, 4)).toEqual([
      'p:sldMasterIdLst',
      'p:notesMasterIdLst',
      'p:sldIdLst',
      'p:sldSz',
    ]);
  });
});

describe('a template whose lists are written in another form', () => {
  it('has its own slides, custom shows and sections replaced all the same: one slide list, ours', async () => {
    const template = withPresentation(built[0]!.template, (xml) =>
      xml
        .replace(/<p:sldIdLst>/u, '<p:sldIdLst xmlns:x="urn:x" >')
        .replace('</p:sldMasterIdLst>', '</p:sldMasterIdLst ><p:custShowLst ></p:custShowLst>'),
    );
    const bytes = await renderPptx(report, { template });
    const xml = strFromU8(unzipSync(bytes)['ppt/presentation.xml'] as Uint8Array);
    expect(xml.match(/<p:sldIdLst\b/gu)).toHaveLength(1);
    expect(xml).not.toContain('custShowLst');
    expect(presentationChildren(bytes).slice(0, 4)).toEqual([
      'p:sldMasterIdLst',
      'p:notesMasterIdLst',
      'p:sldIdLst',
      'p:sldSz',
    ]);
    const facts = await readPptx(bytes);
    expect(facts.illFormed).toEqual([]);
    expect(facts.slides.length).toBe(planPptx(report, { template }).slides.length);
  });
});

describe('a template whose layouts write their shapes with attributes and their lengths in another order', () => {
  it('is read as it is written otherwise: the same layouts, boxes and deck', async () => {
    const template = withParts(built[0]!.template, (parts) => {
      for (const name of parts.names().filter((n) => /^ppt\/slide(Layout|Master)s\/[^/]+\.xml$/u.test(n)))
        parts.edit(name, (xml) =>
          xml
            .replaceAll('<p:sp>', '<p:sp useBgFill="0">')
            .replace(/<a:off x="(-?\d+)" y="(-?\d+)"\/>/gu, '<a:off  y="$2"\nx="$1" />'),
        );
    });
    // Our slides, laid out in the area read from the layouts and placed by them, are as on the template as made.
    const slides = (bytes: Uint8Array) =>
      Object.entries(unzipSync(bytes))
        .filter(([name]) => /^ppt\/slides\//u.test(name))
        .map(([name, data]) => [name, strFromU8(data)]);
    const ours = slides(await renderPptx(report, { template }));
    expect(ours.length).toBeGreaterThan(20);
    expect(ours).toEqual(slides(built[0]!.bytes));
  });
});

describe('a template saved by LibreOffice Impress (test/fixtures/template-impress.pptx)', () => {
  it('takes its "Title, Content" layout, whose content placeholder Impress writes as <p:ph/> (index 0), and keeps every check', async () => {
    const template = readFileSync(new URL('../fixtures/template-impress.pptx', import.meta.url));
    const bytes = await renderPptx(report, { template });
    const facts = await readPptx(bytes);
    expect(facts.illFormed).toEqual([]);
    // Impress kept the 4:3 template's slide size and placeholder positions; it has no section
    // header layout, so the dividers take its content layout.
    // Its theme is Impress's rewrite of the template's: Arial for both faces, the colours kept.
    const spec = {
      ...TEMPLATE_43,
      faces: { heading: 'Arial', body: 'Arial' },
      colours: { accent1: '7a1f3d', accent2: '2e8b57' },
    };
    const layouts = ['Title Slide', 'Title, Content', 'Title Only'];
    expect(templateProblems(facts, bytes, spec, planPptx(report, { template }), { layouts })).toEqual([]);
    // The report has no slide of a chart alone, which would take Title Only.
    expect(new Set(facts.slides.map((s) => s.layout))).toEqual(new Set(['Title Slide', 'Title, Content']));
    // Each slide's first list is in the layout's content placeholder, as the slide writes it: <p:ph/>.
    const lists = facts.slides.flatMap((s) => s.shapes.find((shape) => shape.name === 'List') ?? []);
    expect(lists.length).toBeGreaterThan(5);
    expect(new Set(lists.map((l) => l.placeholder))).toEqual(new Set(['obj']));
    const slide = strFromU8(unzipSync(bytes)['ppt/slides/slide3.xml'] as Uint8Array);
    expect(slide).toMatch(/name="List"[\s\S]*?<p:nvPr><p:ph\/><\/p:nvPr>/u);
  });
});

/** The 4:3 template with every layout's body placeholder moved to the top of the slide, half an inch tall. */
async function bodiesAboveTitles(): Promise<Uint8Array> {
  return withParts(await makeTemplate(TEMPLATE_43), ({ names, text, put }) => {
    for (const name of names().filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(n))) {
      const moved = text(name).replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="body"[\s\S]*?<\/p:sp>/gu, (sp) =>
        sp.replace(
          /<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)" cy="\d+"\/>/u,
          '<a:off x="$1" y="0"/><a:ext cx="$2" cy="457200"/>',
        ),
      );
      put(name, moved);
    }
  });
}

describe('a macro-enabled template (.potm)', () => {
  it('is used without its macros, with a note: a VBA project has no place in a .pptx, the macro-free format', async () => {
    // As PowerPoint saves a .potm: the project, its relationship and its content type.
    const template = withParts(await makeTemplate(TEMPLATE_43), ({ put, edit }) => {
      put('ppt/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
      edit('ppt/_rels/presentation.xml.rels', (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
      );
      edit('[Content_Types].xml', (xml) =>
        xml
          .replace(
            '<Default ',
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
          )
          .replace(
            /(PartName="\/ppt\/presentation\.xml" ContentType=")[^"]*"/u,
            '$1application/vnd.ms-powerpoint.template.macroEnabled.main+xml"',
          ),
      );
    });
    const notes: string[] = [];
    const bytes = await renderPptx(report, { template, onWarning: (w) => notes.push(w) });
    expect(notes).toContain("the template's macros are left out: the deck is a .pptx, which holds none");
    const parts = unzipSync(bytes);
    expect(Object.keys(parts).filter((n) => /vba/iu.test(n))).toEqual([]);
    for (const name of ['[Content_Types].xml', 'ppt/_rels/presentation.xml.rels'])
      expect(strFromU8(parts[name] as Uint8Array), name).not.toMatch(/vbaProject|macroEnabled/u);
    expect((await readPptx(bytes)).illFormed).toEqual([]);
    // The same template without macros gives no such note.
    const plain: string[] = [];
    await renderPptx(report, { template: await makeTemplate(TEMPLATE_43), onWarning: (w) => plain.push(w) });
    expect(plain.some((w) => w.includes('macros'))).toBe(false);
  });
});

describe('a template with two slide masters', () => {
  it('finds the content layout under the second, and takes that master’s theme for the deck', async () => {
    const template = withSecondMaster(await makeTemplate(TEMPLATE_43), (xml) =>
      xml.replace(`<a:srgbClr val="${TEMPLATE_43.colours.accent1}"/>`, '<a:srgbClr val="123456"/>'),
    );
    const bytes = await renderPptx(report, { template });
    const facts = await readPptx(bytes);
    expect(facts.illFormed).toEqual([]);
    const spec = { ...TEMPLATE_43, colours: { ...TEMPLATE_43.colours, accent1: '123456' } };
    // The theme is the second master's.
    const plan = planPptx(report, { template });
    expect(templateProblems(facts, bytes, spec, plan, { theme: 'ppt/theme/theme2.xml' })).toEqual([]);
    expect(new Set(facts.slides.map((s) => s.layout))).toEqual(new Set(['Title Slide', 'Title and Content']));
    // The content slides point at the layout under the second master; the notes at its theme.
    const rels = (name: string) => strFromU8(unzipSync(bytes)[name] as Uint8Array);
    expect(rels('ppt/slides/_rels/slide3.xml.rels')).toContain('Target="../slideLayouts/slideLayout3.xml"');
    expect(rels('ppt/slideLayouts/_rels/slideLayout3.xml.rels')).toContain('slideMaster2.xml');
    expect(rels('ppt/notesMasters/_rels/notesMaster1.xml.rels')).toContain('Target="../theme/theme2.xml"');
  });
});

describe('a template the deck cannot use', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['not a zip', () => new TextEncoder().encode('not a presentation at all'), /not a zip file/u],
    ['a zip without a presentation', zipWithoutPresentation, /not a presentation \(no ppt\/presentation\.xml/u],
    [
      'a layout that is not well-formed XML',
      () =>
        withParts(built[0]!.template, (parts) =>
          parts.edit('ppt/slideLayouts/slideLayout2.xml', (xml) => xml.replace('</p:cSld>', '</p:cSLD>')),
        ),
      /ppt\/slideLayouts\/slideLayout2\.xml is not well-formed XML \(.*unexpected close tag/u,
    ],
    [
      // Impress writes such layouts when it saves a deck whose master has a text box above the
      // title (ours, the kicker): the deck would have no room there, and came out blank.
      'a presentation whose bodies all sit above their titles',
      bodiesAboveTitles,
      /no usable layout: .*"Title and Content" \(title, body, the body not below the title\)/u,
    ],
    [
      'a presentation without a title and body layout',
      () => makeTemplate({ ...TEMPLATE_43, noBody: true }),
      /no usable layout: the deck needs a layout with a title and a body placeholder .*the template has .*"Title and Content" \(title\)/u,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`is refused: ${what}`, async () => {
      const template = await make();
      await expect(renderPptx(report, { template })).rejects.toThrow(PptxTemplateError);
      await expect(renderPptx(report, { template })).rejects.toThrow(message);
    });
  }

  it('is refused with a plan made for another slide: ours, another template’s, or a template’s given without it', async () => {
    const [on43, on169] = built;
    // A plan made for the template renders as the report does.
    expect(
      Buffer.from(await renderPptx(on43!.plan, { template: on43!.template, date: report.meta.date })).equals(
        Buffer.from(on43!.bytes),
      ),
    ).toBe(true);
    await expect(renderPptx(planPptx(report), { template: on43!.template })).rejects.toThrow(
      /^the PowerPoint template: the deck plan was laid out for our own 16:9 slide, not this template's \(845 × 557 px\): plan it with planPptx\(report, \{ template \}\)/u,
    );
    await expect(renderPptx(on169!.plan, { template: on43!.template })).rejects.toThrow(
      /laid out for another body area \(1008 × 605 px\), not this template's \(845 × 557 px\)/u,
    );
    await expect(renderPptx(on43!.plan)).rejects.toThrow(PptxTemplateError);
    await expect(renderPptx(on43!.plan)).rejects.toThrow(
      /none was given, but the deck plan was laid out for a template/u,
    );
  });

  it('stops `briefing build --pptx-template` with exit 2 and one line naming the file, writing nothing; builds on a good one and counts its slides', async () => {
    const dir = freshDir('briefing-template-');
    const bad = join(dir, 'brand.potx');
    writeFileSync(bad, await makeTemplate({ ...TEMPLATE_169, noBody: true }));
    const out = join(dir, 'out');
    const failed = await runCli(['build', '--format', 'pptx', '--out', out, '--pptx-template', bad]);
    expect(failed.code).toBe(2);
    expect(failed.stderr.trim()).toMatch(/^briefing build: .*brand\.potx: the PowerPoint template: no usable layout/u);
    expect(failed.stderr).not.toMatch(/\n\s+at /u);
    expect(existsSync(join(out, 'slides.pptx'))).toBe(false);
    const good = join(dir, 'brand.pptx');
    writeFileSync(good, await makeTemplate(TEMPLATE_169));
    const done = await runCli(['build', '--format', 'pptx', '--out', out, '--pptx-template', good]);
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('note: the template\'s heading face "Liberation Serif"');
    const file = new Uint8Array(readFileSync(join(out, 'slides.pptx')));
    const written = await readPptx(file);
    expect(written.size.width).toBe(Math.round(TEMPLATE_169.width * EMU));
    // The summary counts the PowerPoint's own slides where its template gives it more than the deck's.
    const deckSlides = planDeck(report).slides.length;
    expect(written.slides.length).toBeGreaterThan(deckSlides);
    expect(done.stdout).toMatch(
      new RegExp(`^Slides: ${deckSlides} \\(${written.slides.length} in slides\\.pptx\\), a talk of about`, 'mu'),
    );
    const json = await runCli(['build', '--format', 'pptx', '--out', out, '--pptx-template', good, '--json']);
    expect(JSON.parse(json.stdout).deck).toMatchObject({ slides: deckSlides, pptxSlides: written.slides.length });
    // The CLI's plan is laid out for the template, as renderPptx's is: the same bytes.
    const template = new Uint8Array(readFileSync(good));
    expect(Buffer.from(file).equals(Buffer.from(await renderPptx(report, { template })))).toBe(true);
  });
});
