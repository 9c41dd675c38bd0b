// The PowerPoint on the tests' two templates (4:3 and 16:9, other faces and colours) opened in
// a real client: LibreOffice Impress converts the decks in one headless run; each must have
// a page per slide of the template's size, every section title and item on its section's
// pages in order, and no word outside the page or the template's body area (pdftotext -bbox).
// A report with a long list on the 4:3 template shows the plan laid out for the body area's
// shape: the fullest slide of the list reaches into the lowest fifth of the body area. The type
// LibreOffice draws is the deck's own size on both templates (the body text 19.5 pt, as on our
// slide), read from the PDF's text operators.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReport, type Report, type ReportInput, report, reportInput } from '@briefing/content';
import { readPptx } from '@briefing/inspect';
import { type DeckPlan, planPptx, renderPptx } from '@briefing/slides';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, type PdfPageWords, pdfWords, sofficeOrReason } from '../helpers/libreoffice.js';
import { missingText, outsideWords } from '../helpers/pdf-checks.js';
import { makeTemplate, TEMPLATE_43, TEMPLATE_169, type TemplateSpec } from '../helpers/pptx-template.js';

const soffice = sofficeOrReason();

/**
 * The packaged report with its list of six conditions run on to 24 items (the six over and
 * over): on the 4:3 template, at the deck's type size, the plan puts four on each of six
 * slides, each nearly full.
 */
function longListReport(): Report {
  const input = structuredClone(reportInput) as ReportInput;
  const list = input.sections.flatMap((s) => s.blocks).find((b) => b.type === 'list');
  if (list?.type !== 'list') throw new Error('the packaged report has no list');
  const six = list.items;
  list.items = Array.from({ length: 24 }, (_, i) => structuredClone(six[i % six.length] as (typeof six)[number]));
  return assertReport(input);
}

/** The template's body area on the page, in points: from its title's top to its body's foot. */
const bodyArea = (spec: TemplateSpec) => ({
  left: spec.body.x * 72,
  right: (spec.body.x + spec.body.w) * 72,
  top: spec.title.y * 72,
  bottom: (spec.body.y + spec.body.h) * 72,
});

/** Words (by more than a point) outside the template's body area. */
export function outsideBodyArea(pages: readonly PdfPageWords[], spec: TemplateSpec): string[] {
  const area = bodyArea(spec);
  return pages.flatMap((page, i) =>
    page.words
      .filter(
        (w) => w.xMin < area.left - 1 || w.xMax > area.right + 1 || w.yMin < area.top - 1 || w.yMax > area.bottom + 1,
      )
      .map((w) => `page ${i + 1}: "${w.text}" at [${w.xMin}, ${w.yMin}, ${w.xMax}, ${w.yMax}]`),
  );
}

/**
 * Runs of slides the plan split one section's text over (a slide and its continuations) whose
 * fullest slide ends above the lowest fifth of the body area: room the plan left empty. A plan
 * laid out for our 16:9 content box and scaled into the 4:3 area never reaches that fifth (the
 * box ends at 78% of the area's height). Each as "page n: at p%" of the area's height; only the
 * runs whose heading `heading` accepts (every run by default).
 */
export function emptyFeet(
  plan: DeckPlan,
  pages: readonly PdfPageWords[],
  spec: TemplateSpec,
  heading = (_heading: string) => true,
): string[] {
  const area = bodyArea(spec);
  const reach = (i: number) =>
    (Math.max(...(pages[i]?.words ?? []).map((w) => w.yMax)) - area.top) / (area.bottom - area.top);
  const runs: number[][] = [];
  plan.slides.forEach((slide, i) => {
    const prev = plan.slides[i - 1];
    if (slide.continued && prev?.heading === slide.heading) runs.at(-1)?.push(i);
    else runs.push([i]);
  });
  return runs
    .filter((run) => run.length > 1 && heading(plan.slides[run[0] as number]?.heading ?? ''))
    .flatMap((run) => {
      const fullest = run.reduce((a, b) => (reach(b) > reach(a) ? b : a));
      return reach(fullest) < 0.8 ? [`page ${fullest + 1}: at ${Math.round(reach(fullest) * 100)}%`] : [];
    });
}

/**
 * The type sizes (pt, to a tenth) a PDF sets its text in, each with how many times it is set
 * (the content streams' Tf operators, uncompressed by qpdf).
 */
export function pdfTypeSizes(pdf: string): Map<number, number> {
  const content = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], {
    maxBuffer: 256 * 1024 * 1024,
  }).toString('latin1');
  const sizes = new Map<number, number>();
  for (const [, size] of content.matchAll(/\/[^\s/<>[\]()]+ (\d+(?:\.\d+)?) Tf\b/gu)) {
    const pt = Math.round(Number(size) * 10) / 10;
    sizes.set(pt, (sizes.get(pt) ?? 0) + 1);
  }
  return sizes;
}

/** The size most of a PDF's text is set in (pt): the body text's. */
export const mostUsedSize = (sizes: ReadonlyMap<number, number>): number | undefined =>
  [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];

describe.skipIf(!('path' in soffice))(
  `LibreOffice Impress opens the deck on each template${'reason' in soffice ? ` (skipped: ${soffice.reason})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-pptx-template-lo-'));
    const cases = [
      { name: 'template-43', spec: TEMPLATE_43, report },
      { name: 'template-169', spec: TEMPLATE_169, report },
      { name: 'template-43-long', spec: TEMPLATE_43, report: longListReport() },
    ];
    const plans = new Map<string, DeckPlan>();
    const pages = new Map<string, PdfPageWords[]>();
    const drawn = new Map<string, PdfPageWords[]>();
    const sizes = new Map<string, Map<number, number>>();
    const kickers = new Map<string, string[]>();

    beforeAll(async () => {
      const files: string[] = [];
      for (const c of cases) {
        const template = await makeTemplate(c.spec);
        plans.set(c.name, planPptx(c.report, { template }));
        const bytes = await renderPptx(c.report, { template });
        kickers.set(
          c.name,
          (await readPptx(bytes)).slides.map((s) => s.kicker),
        );
        const file = join(dir, `${c.name}.pptx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
      const pdfs = await convertWithLibreOffice('path' in soffice ? soffice.path : '', files);
      for (const [i, c] of cases.entries()) {
        pages.set(c.name, pdfWords(pdfs[i] as string));
        drawn.set(c.name, pdfWords(pdfs[i] as string, true));
        sizes.set(c.name, pdfTypeSizes(pdfs[i] as string));
      }
    }, 300_000);

    it('converts each deck, a page per slide of the template’s size, every section title and item on its pages in order', () => {
      for (const c of cases) {
        const shown = pages.get(c.name) ?? [];
        const plan = plans.get(c.name) as DeckPlan;
        expect(missingText(c.report, plan, shown, kickers.get(c.name) ?? [], drawn.get(c.name) ?? []), c.name).toEqual(
          [],
        );
        for (const page of shown) {
          expect(page.width, c.name).toBeCloseTo(c.spec.width * 72, 0);
          expect(page.height, c.name).toBeCloseTo(c.spec.height * 72, 0);
        }
      }
    });

    it('leaves no word outside the slide or the template’s body area', () => {
      for (const c of cases) {
        expect(outsideWords(pages.get(c.name) ?? []), c.name).toEqual([]);
        expect(outsideBodyArea(pages.get(c.name) ?? [], c.spec), c.name).toEqual([]);
      }
    });

    it('draws the deck’s type at its own size on each template: most text at the body’s 19.5 pt, none scaled down', () => {
      for (const c of cases) {
        expect(mostUsedSize(sizes.get(c.name) ?? new Map()), c.name).toBe(19.5);
        // The smallest type is the table's or the chart labels' (their least sizes), not a scaled body.
        expect(Math.min(...(sizes.get(c.name) ?? new Map()).keys()), c.name).toBeGreaterThanOrEqual(9);
      }
    });

    it('lays the plan out for the 4:3 body area: the fullest slide of the long list reaches into its lowest fifth', () => {
      const plan = plans.get('template-43-long') as DeckPlan;
      expect(plan.slides.some((s) => s.continued)).toBe(true);
      // The long list's run (its other runs are as the packer divides them: a short list over
      // three slides, evenly, may leave each half full).
      const long = (heading: string) => heading.startsWith('Six conditions');
      expect(emptyFeet(plan, pages.get('template-43-long') ?? [], TEMPLATE_43, long)).toEqual([]);
    });

    it('the checks find a page of the wrong size, a lost item, a word off the page or the body area, an empty foot', () => {
      const shown = pages.get('template-43') ?? [];
      const plan = plans.get('template-43') as DeckPlan;
      // The 4:3 deck's pages read as if they were the 16:9 template's.
      expect(shown[0]!.width).not.toBeCloseTo(TEMPLATE_169.width * 72, 0);
      const lost = shown.map((p) => ({ ...p, words: p.words.filter((w) => w.text !== 'Myanmar,') }));
      expect(missingText(report, plan, lost, kickers.get('template-43') ?? [], lost).length).toBeGreaterThan(0);
      const moved = shown.map((p, i) =>
        i === 1
          ? { ...p, words: [...p.words, { text: 'off', xMin: p.width - 5, yMin: 10, xMax: p.width + 20, yMax: 20 }] }
          : p,
      );
      expect(outsideWords(moved)).toEqual([expect.stringMatching(/^page 2: "off"/u)]);
      const low = shown.map((p, i) =>
        i === 1
          ? {
              ...p,
              words: [...p.words, { text: 'low', xMin: 100, yMin: p.height - 20, xMax: 120, yMax: p.height - 10 }],
            }
          : p,
      );
      expect(outsideBodyArea(low, TEMPLATE_43)).toEqual([expect.stringMatching(/^page 2: "low"/u)]);
      // The long deck's full slides with their lowest fifth emptied.
      const long = plans.get('template-43-long') as DeckPlan;
      const area = bodyArea(TEMPLATE_43);
      const cut = (pages.get('template-43-long') ?? []).map((p) => ({
        ...p,
        words: p.words.filter((w) => w.yMax < area.top + 0.75 * (area.bottom - area.top)),
      }));
      expect(emptyFeet(long, cut, TEMPLATE_43, (h) => h.startsWith('Six conditions')).length).toBeGreaterThan(0);
      // Body text scaled into the 4:3 area (as a plan for our 16:9 box was): 14.6 pt the most used.
      const scaled = new Map([...(sizes.get('template-43') ?? [])].map(([pt, n]) => [Math.round(pt * 7.5) / 10, n]));
      expect(mostUsedSize(scaled)).not.toBe(19.5);
    });
  },
);
