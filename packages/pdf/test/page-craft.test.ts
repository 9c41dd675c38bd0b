// Page-level craft, checked on the real PDF read back (pdf.js for text, pdftoppm for ink):
// no widows or orphans, headings kept with what follows, tables and figures floated to the
// top of the next page while the text fills the room, long tables split with their header
// and "(continued)", every page filled to within 8% of its foot, a cover with no blank band.
// Each check is shown failing once with its feature switched off (renderWith's features).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReport, itemLead, type Report, type ReportInput, report, reportInput } from '@briefing/content';
import { compact, openPdf, readPages, readPdf } from '@briefing/inspect';
import { scaledReport } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { ALL_FEATURES, type Features } from '../src/builder.js';
import { geometry } from '../src/index.js';
import { renderWith } from '../src/render.js';
import { emptyBelow, largestBlankBand, readInk } from './ink.js';
import { strandedHeadings } from './layout-checks.js';
import { continuedTable, overfullPages, paragraphSplits } from './page-checks.js';

const a4 = geometry('a4');
const H2 = 15;

async function render(r: Report | ReportInput, off: Partial<Features> = {}) {
  const bytes = await renderWith(assertReport(r), {}, { ...ALL_FEATURES, ...off });
  const doc = await openPdf(bytes);
  try {
    return { bytes, pages: await readPages(doc), facts: await readPdf(bytes) };
  } finally {
    await doc.destroy();
  }
}

/** A word per paragraph ("amberbirch"), repeated: every line says which paragraph it is from. */
const WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'heath', 'inlet', 'juniper'];
const tag = (k: number) => `${WORDS[Math.floor(k / WORDS.length) % WORDS.length]}${WORDS[k % WORDS.length]}`;

/**
 * Sections of paragraphs two to eight lines long, so that page breaks fall everywhere; `shift`
 * one-line list items first move every break by that many lines.
 */
function paragraphsReport(shift = 0): ReportInput {
  const input = structuredClone(reportInput) as ReportInput;
  const lengths = [14, 30, 9, 44, 20, 37, 12, 48, 26, 17, 40, 11, 33, 22, 46, 15];
  let k = 0;
  input.sections = Array.from({ length: 6 }, (_, s) => ({
    id: `part-${s + 1}`,
    title: `Part ${s + 1}`,
    blocks: Array.from({ length: 8 }, () => {
      const words = lengths[k % lengths.length]!;
      const text = Array.from({ length: words }, () => tag(k)).join(' ');
      k++;
      return { type: 'paragraph' as const, text: `${text}.` };
    }),
  }));
  if (shift > 0)
    input.sections[0]!.blocks.unshift({
      type: 'list',
      items: Array.from({ length: shift }, (_, i) => ({ text: `Point ${i + 1}` })),
    });
  return input;
}

describe('widows, orphans and headings', () => {
  it('leaves no page starting with the last line of a paragraph or ending with its first', async () => {
    const { pages } = await render(paragraphsReport());
    const splits = paragraphSplits(pages, a4, (line) => /^([a-z]+)\b/.exec(line)?.[1]);
    // The check has breaks to look at: paragraphs do run over pages here.
    expect(splits.filter((s) => s.before > 0 && s.after > 0).length).toBeGreaterThan(2);
    expect(splits.filter((s) => s.widow || s.orphan)).toEqual([]);
  });

  it('keeps every heading with two lines of what follows', async () => {
    const { pages } = await render(paragraphsReport());
    expect(pages.flatMap((p) => strandedHeadings(p, a4, H2))).toEqual([]);
  });

  it('shows the widow check failing with the keeping switched off (the same text, its breaks moved a line at a time)', async () => {
    let widows = 0;
    for (let shift = 0; shift < 4; shift++) {
      const { pages } = await render(paragraphsReport(shift), { keep: false });
      const splits = paragraphSplits(pages, a4, (line) => /^([a-z]+)\b/.exec(line)?.[1]);
      widows += splits.filter((s) => s.widow || s.orphan).length;
    }
    expect(widows).toBeGreaterThan(0);
  });

  it('keeps a heading that would fall at the foot of a page with its lines, and strands it with the keeping off', async () => {
    // 29 one-line items fill the first page of the body to 60 pt above its foot: room for the
    // next heading (its 30 pt gap and 19.5 pt line), not for the line under it.
    const input = structuredClone(reportInput) as ReportInput;
    input.sections = [
      {
        id: 'points',
        title: 'Points',
        blocks: [{ type: 'list', items: Array.from({ length: 29 }, (_, i) => ({ text: `Point ${i + 1}` })) }],
      },
      { id: 'next', title: 'The next section', blocks: [{ type: 'paragraph', text: `${tag(1)} `.repeat(60) }] },
    ];
    const kept = await render(input);
    expect(kept.pages.flatMap((p) => strandedHeadings(p, a4, H2))).toEqual([]);
    const loose = await render(input, { keep: false });
    expect(loose.pages.flatMap((p) => strandedHeadings(p, a4, H2))).toEqual([
      expect.stringMatching(/heading "2\. ?The next section" has 0 line/),
    ]);
  });
});

/**
 * Lists of items with no term whose first six words (the lead `briefing check` finds an item
 * by) are long enough to take two or three lines, each item five or six lines long; `shift`
 * one-line items first move every page break by that many lines.
 */
function longLeadsReport(shift: number): ReportInput {
  const input = structuredClone(reportInput) as ReportInput;
  const long = (k: number, n: number) => Array.from({ length: 6 }, (_, w) => `${tag(k)}${tag(w)}${tag(n)}`).join(' ');
  const item = (k: number) => ({ text: `${long(k, k % 3)} ${Array.from({ length: 40 }, () => tag(k)).join(' ')}.` });
  input.sections = Array.from({ length: 3 }, (_, s) => ({
    id: `part-${s + 1}`,
    title: `Part ${s + 1}`,
    blocks: [{ type: 'list' as const, items: Array.from({ length: 12 }, (_, i) => item(s * 12 + i)) }],
  }));
  input.sections[0]!.blocks.unshift({
    type: 'list',
    items: Array.from({ length: shift + 1 }, (_, i) => ({ text: `Point ${i + 1}` })),
  });
  return input;
}

describe('list items', () => {
  it('keep their first words (how a reader and the check find them) on one page', async () => {
    const cut: string[] = [];
    for (let shift = 0; shift < 4; shift++) {
      const input = longLeadsReport(shift);
      const { facts } = await render(input);
      const pages = facts.pages.map(compact);
      for (const section of input.sections)
        for (const block of section.blocks)
          if (block.type === 'list')
            for (const item of block.items) {
              const lead = compact(itemLead(item));
              if (!pages.some((p) => p.includes(lead))) cut.push(`shift ${shift}: ${itemLead(item).slice(0, 40)}…`);
            }
    }
    expect(cut).toEqual([]);
  });
});

/** A section whose paragraphs fill most of a page, then a chart, then more text. */
function floatReport(): ReportInput {
  const input = structuredClone(reportInput) as ReportInput;
  const chart = input.sections[1]!.blocks.find((b) => b.type === 'chart')!;
  const para = (k: number, words: number) => ({
    type: 'paragraph' as const,
    text: `${Array.from({ length: words }, () => tag(k)).join(' ')}.`,
  });
  input.sections = [
    { id: 'before', title: 'Text, then a figure', blocks: [para(0, 130), para(1, 130), para(2, 130), chart] },
    { id: 'after', title: 'More text', blocks: [para(3, 60), para(4, 70), para(5, 60)] },
  ];
  input.sections[0]!.blocks.push(para(6, 60), para(7, 70));
  return input;
}

describe('a figure that does not fit where it stands', () => {
  it('moves to the top of the next page, the text after it filling the page before', async () => {
    const { pages, facts } = await render(floatReport());
    const figurePage = pages.find((p) => p.text.includes('Figure 1.'))!;
    const before = pages[figurePage.number - 2]!;
    // The text after the figure in the report ("grovejuniper…", paragraph 6) is on the page before it.
    expect(before.text).toContain(tag(6));
    expect(emptyBelow(readInk(await renderBytes(floatReport()))[before.number - 1]!, a4.top, a4.bottom)).toBeLessThan(
      0.08,
    );
    // At the top of its page: nothing above its caption but the running head.
    const body = figurePage.items.filter((i) => i.y > a4.top && i.str.trim());
    expect(body.sort((x, y) => x.y - y.y)[0]!.str).toMatch(/^Figure 1\./);
    expect(facts.destinations['internet-users-chart']).toBe(figurePage.number);
  });

  it('is tagged where the report has it, before the text after it, though drawn after that text', async () => {
    const struct = structText(await renderBytes(floatReport()));
    const at = (needle: string) => struct.indexOf(needle);
    expect(at('Figure 1. ')).toBeGreaterThan(at(tag(2)));
    expect(at('Figure:')).toBeGreaterThan(at('Figure 1. '));
    expect(at(tag(6))).toBeGreaterThan(at('Figure:'));
  });

  it('stays where it stands with floats switched off, leaving the page before part empty', async () => {
    const bytes = await renderBytes(floatReport(), { floats: false });
    const pages = await readPages(await openPdf(bytes));
    const figurePage = pages.find((p) => p.text.includes('Figure 1.'))!;
    const before = pages[figurePage.number - 2]!;
    expect(before.text).not.toContain(tag(6));
    expect(emptyBelow(readInk(bytes)[before.number - 1]!, a4.top, a4.bottom)).toBeGreaterThan(0.08);
  });
});

/** The packaged report with a 40-row table in its second section: taller than a page. */
function longTableReport(): ReportInput {
  const input = structuredClone(reportInput) as ReportInput;
  input.sections[1]!.blocks.push({
    type: 'table',
    caption: 'Forty rows',
    columns: [{ header: 'Name' }, { header: 'Detail' }, { header: 'Amount', align: 'right' }],
    rows: Array.from({ length: 40 }, (_, i) => [
      `Row ${i + 1}`,
      i % 5 === 0 ? `Detail ${i + 1}, long enough to wrap over two or more lines of its column` : `Detail ${i + 1}`,
      `${(i + 1) * 10} units`,
    ]),
  });
  return input;
}

describe('a table taller than a page', () => {
  it('leaves two rows or more on each page, and repeats its header under "(continued)" on the next', async () => {
    const { pages } = await render(longTableReport());
    const parts = continuedTable(pages, 'Table 1. Forty rows', 'Name Detail Amount', /Row (\d+)\b/);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.rows)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(parts.flatMap((p) => p.problems)).toEqual([]);
  });

  it('shows the check failing with the table rules switched off: no "(continued)"', async () => {
    const { pages } = await render(longTableReport(), { tables: false });
    const parts = continuedTable(pages, 'Table 1. Forty rows', 'Name Detail Amount', /Row (\d+)\b/);
    expect(parts.flatMap((p) => p.problems).join('\n')).toContain('(continued)');
  });
});

describe('page fill', () => {
  const cases = [
    ['the packaged report', () => report, 'a4'],
    ['the report ten times over', () => scaledReport(10), 'a4'],
    ['the packaged report on US Letter', () => report, 'letter'],
  ] as const;
  it.each(cases)(
    'leaves no page of %s more than 8% empty but the last and the one before section 1',
    async (_n, make, paper) => {
      const r = make();
      const bytes = await renderWith(r, { paper });
      expect(overfullPages(readInk(bytes), await readPdf(bytes), r, geometry(paper))).toEqual([]);
    },
  );

  it.each(cases)(
    'shows the check failing on %s laid out first-fit, floats set where they stand',
    async (_n, make, paper) => {
      const r = make();
      const bytes = await renderWith(r, { paper }, { ...ALL_FEATURES, fill: false, floats: false });
      expect(overfullPages(readInk(bytes), await readPdf(bytes), r, geometry(paper)).length).toBeGreaterThan(0);
    },
  );
});

describe('the cover', () => {
  it('has no blank band taller than 10% of the page', async () => {
    const band = largestBlankBand(readInk(await renderBytes(report))[0]!);
    expect(band.share).toBeLessThanOrEqual(0.1);
  });

  it('shows the check failing on the cover as it was (its spare room in one gap above the takeaways)', async () => {
    const band = largestBlankBand(readInk(await renderBytes(report, { cover: false }))[0]!);
    expect(band.share).toBeGreaterThan(0.1);
  });
});

describe('references to figures and tables', () => {
  it('names every figure and table by its number in the prose of its section, and nothing else', async () => {
    const { pages } = await render(report);
    const all = pages.map((p) => p.text).join(' ');
    const captions = [...all.matchAll(/\b(Figure|Table) (\d+)\. /g)].map((m) => `${m[1]} ${m[2]}`);
    expect(captions).toEqual(['Figure 1', 'Table 1']);
    report.sections.forEach((section) => {
      const prose = section.blocks
        .flatMap((b) => (b.type === 'paragraph' ? [typeof b.text === 'string' ? b.text : ''] : []))
        .join(' ');
      const named = [...prose.matchAll(/\b(Figure|Table) (\d+)\b/g)].map((m) => `${m[1]} ${m[2]}`);
      const kinds = section.blocks.filter((b) => b.type === 'chart' || b.type === 'table').map((b) => b.type);
      expect(named.length, section.id).toBe(kinds.length);
      for (const name of named) expect(captions).toContain(name);
      // Never "below" or "above": a float may land on the next page.
      expect(prose).not.toMatch(/\b(below|above)\b/);
    });
  });
});

async function renderBytes(r: Report | ReportInput, off: Partial<Features> = {}) {
  return renderWith(assertReport(r), {}, { ...ALL_FEATURES, ...off });
}

function structText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-pages-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
