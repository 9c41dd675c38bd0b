// The PPTX's faces, headings and properties, read from its XML: the faces it names (the
// office set by default, the design set on request) with their classes in the theme and on
// every run; no box that shrinks its text; every heading broken where the plan balanced it,
// in the PPTX and in the Markdown of the HTML deck; and properties that say what the file is.
// LibreOffice draws these files in pptx-faces.test.ts (robustness).
import { type Report, report } from '@briefing/content';
import {
  type DeckPlan,
  deckMarkdown,
  escapeMarkdown,
  NAMED_FACES,
  planDeck,
  planPptx,
  renderPptx,
} from '@briefing/slides';
import { scaledReport, stressReport } from '@briefing/testkit';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const partsOf = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
const slideParts = (parts: Record<string, string>) =>
  Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/u.test(n))
    .sort((a, b) => Number(/\d+/u.exec(a)?.[0]) - Number(/\d+/u.exec(b)?.[0]))
    .map((n) => parts[n] as string);

const office = partsOf(await renderPptx(report));
const design = partsOf(await renderPptx(report, { faces: 'design' }));

/** Every Latin face a part names, with its class. */
const latinFaces = (xml: string) => [
  ...new Set([...xml.matchAll(/<a:latin [^>]*\/>/gu)].map((m) => m[0].replace(/ charset="\d+"/u, ''))),
];

/**
 * Lines of planned headings that leave a word, or "(continued)", on a line of its own. A
 * heading of one line, or of one word, has nothing to balance.
 */
export function loneLines(plan: DeckPlan): string[] {
  return plan.slides.flatMap((slide, i) => {
    const lines = slide.headingLines ?? [];
    if (lines.length < 2) return [];
    return lines
      .filter((line) => line.trim().split(/\s+/u).length < 2)
      .map((line) => `slide ${i + 1}: "${line}" alone in "${lines.join(' / ')}"`);
  });
}

/** The slides and their layouts, whose placeholders give the text and the bullets their faces. */
const withLayouts = (parts: Record<string, string>) => [
  ...slideParts(parts),
  ...Object.keys(parts)
    .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(n))
    .map((n) => parts[n] as string),
];

describe('the faces the PPTX names', () => {
  it('are Georgia and Arial by default, with their classes, in the theme and on every run', () => {
    const { sans, serif } = NAMED_FACES.office;
    const theme = office['ppt/theme/theme1.xml'] as string;
    expect(theme).toContain(
      `<a:majorFont><a:latin typeface="Georgia" panose="${serif.panose}" pitchFamily="${serif.pitchFamily}"/>`,
    );
    expect(theme).toContain(
      `<a:minorFont><a:latin typeface="Arial" panose="${sans.panose}" pitchFamily="${sans.pitchFamily}"/>`,
    );
    const named = new Set(withLayouts(office).flatMap(latinFaces));
    expect([...named].sort()).toEqual(
      [
        `<a:latin typeface="Arial" panose="${sans.panose}" pitchFamily="${sans.pitchFamily}"/>`,
        `<a:latin typeface="Georgia" panose="${serif.panose}" pitchFamily="${serif.pitchFamily}"/>`,
      ].sort(),
    );
  });

  it('are Inter and Source Serif 4 with faces: design', () => {
    const theme = design['ppt/theme/theme1.xml'] as string;
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Source Serif 4" panose="\d{20}"/u);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Inter" panose="\d{20}"/u);
    const families = new Set(
      withLayouts(design).flatMap((xml) =>
        [...xml.matchAll(/<a:(?:latin|buFont) typeface="([^"]*)"/gu)].map((m) => m[1]),
      ),
    );
    expect([...families].sort()).toEqual(['Inter', 'Source Serif 4']);
  });

  it('are never shrunk to fit: no box of any slide autofits its text', () => {
    for (const xml of [...slideParts(office), ...slideParts(design)]) expect(xml).not.toMatch(/normAutofit/u);
  });
});

describe('headings', () => {
  const reports: [string, Report][] = [
    ['the packaged report', report],
    ['ten times it', scaledReport(10)],
    ['the stress report', stressReport()],
  ];

  it('are balanced by the plan: no word and no "(continued)" alone on a line, in either face set or the HTML deck’s plan', () => {
    for (const [name, r] of reports) {
      for (const plan of [planPptx(r), planPptx(r, { faces: 'design' }), planDeck(r)])
        expect(loneLines(plan), name).toEqual([]);
    }
  });

  it('break in the PPTX and in the HTML deck where the plan broke them', () => {
    const plan = planPptx(report);
    const slides = slideParts(office);
    const broken = plan.slides.filter((s) => (s.headingLines?.length ?? 0) > 1);
    expect(broken.length).toBeGreaterThan(0);
    plan.slides.forEach((slide, i) => {
      const lines = slide.headingLines;
      if (!lines || lines.length < 2) return;
      // The title slide's title is its centred title (ctrTitle), every other slide's its title.
      const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*<p:ph type="(?:ctrTitle|title)"\/>[\s\S]*?<\/p:sp>/u.exec(
        slides[i] ?? '',
      )?.[0];
      const shown = [...(title ?? '').matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\/>/gu)].map((m) => m[1] ?? '\n').join('');
      expect(shown.split('\n'), `slide ${i + 1}`).toEqual(lines);
    });
    // The HTML deck's Markdown: a line's words held together, a plain space only between lines.
    const html = planDeck(report);
    const markdown = deckMarkdown(html);
    for (const slide of html.slides.filter((s) => (s.headingLines?.length ?? 0) > 1)) {
      const lines = slide.headingLines as string[];
      const level = slide.kind === 'title' || slide.kind === 'divider' ? '#' : '##';
      expect(markdown).toContain(
        `${level} ${escapeMarkdown(lines.map((l) => l.replace(/ /gu, '\u00a0')).join(' '))}\n`,
      );
    }
  });

  it('the check finds a word left alone', () => {
    const plan = planPptx(report);
    const greedy = {
      ...plan,
      slides: [
        { ...(plan.slides[1] as DeckPlan['slides'][number]), headingLines: ['Priorities that could', '(continued)'] },
      ],
    };
    expect(loneLines(greedy)).toEqual(['slide 1: "(continued)" alone in "Priorities that could / (continued)"']);
  });
});

describe('the document properties', () => {
  it('name briefing as the application, the real slide titles, and our theme', () => {
    const app = office['docProps/app.xml'] as string;
    expect(app).toMatch(/<Application>briefing\/\d+\.\d+\.\d+<\/Application>/u);
    expect(app).not.toMatch(/Microsoft|PptxGenJS|<vt:lpstr>Slide \d+<\/vt:lpstr>/u);
    const plan = planPptx(report);
    const titles = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/gu)].map((m) => m[1]?.replace(/&amp;/gu, '&'));
    const slideTitles = plan.slides.map((s) =>
      s.kind === 'title' ? plan.title : `${s.heading}${s.continued ? ' (continued)' : ''}`,
    );
    expect(titles).toEqual(['Fonts Used', 'Theme', 'Slide Titles', 'Arial', 'Georgia', 'Briefing', ...slideTitles]);
    expect(app).toContain(`<Slides>${plan.slides.length}</Slides>`);
    const core = office['docProps/core.xml'] as string;
    expect(core).toContain(`<dc:language>${report.meta.lang}</dc:language>`);
    expect(core).toContain(`<dc:title>${report.meta.title}</dc:title>`);
    const theme = office['ppt/theme/theme1.xml'] as string;
    expect(theme).toMatch(/<a:theme [^>]*name="Briefing"/u);
    expect(theme).not.toMatch(/Office Theme|themeFamily/u);
  });
});
