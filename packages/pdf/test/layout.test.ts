import {
  assertReport,
  formatDatumFigure,
  formatSharePercent,
  plainText,
  type Report,
  type ReportInput,
  reportInput,
} from '@briefing/content';
import { findInOrder, openPdf, type PageText, type PdfDoc, readPages } from '@briefing/inspect';
import { largestFiguresReport, scaledReport, stressReport } from '@briefing/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geometry, renderPdf } from '../src/index.js';
import { strandedHeadings, textFill, textOutsideFrame } from './layout-checks.js';

const H2 = 15;
const a4 = geometry('a4');

/** A synthetic page of text items, for showing that the checks catch bad layouts. */
function page(number: number, items: [string, number, number, number, number][]): PageText {
  return {
    number,
    width: 595.28,
    height: 841.89,
    items: items.map(([str, x, y, width, size]) => ({ str, x, y, width, size })),
    text: items.map((i) => i[0]).join(' '),
  };
}

describe('the layout checks', () => {
  it('flag text past a side margin and past the bottom margin', () => {
    const bad = page(3, [
      ['fine', a4.left, a4.top + 20, 100, 10.5],
      ['too wide', a4.right - 10, a4.top + 40, 50, 10.5],
      ['too low', a4.left, a4.bottom + 20, 40, 10.5],
      ['running head', a4.left, a4.headBaseline, 80, 8],
    ]);
    const problems = textOutsideFrame(bad, a4);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"too wide"');
    expect(problems[1]).toContain('"too low"');
  });

  it('flag a heading with fewer than two lines after it on its page', () => {
    const y = a4.bottom - 40;
    const stranded = page(4, [
      ['Some body text', a4.left, y - 60, 200, 10.5],
      ['3. A heading at the foot', a4.left, y - 30, 200, H2],
      ['one line only', a4.left, y, 100, 10.5],
    ]);
    expect(strandedHeadings(stranded, a4, H2)).toEqual([
      'page 4: heading "3. A heading at the foot" has 1 line(s) after it',
    ]);
    const kept = page(4, [
      ...stranded.items.map((i) => [i.str, i.x, i.y, i.width, i.size] as [string, number, number, number, number]),
      ['second line', a4.left, y + 15, 100, 10.5],
    ]);
    expect(strandedHeadings(kept, a4, H2)).toEqual([]);
  });

  it("measure how far down the frame a page's text reaches: two lines at the head of a page are a near-empty page", () => {
    const nearEmpty = page(8, [
      ['Sources', a4.left, a4.top + 15, 60, H2],
      ['1. One source entry', a4.left, a4.top + 40, 200, 10.5],
      ['Page 8 of 8', a4.right - 40, a4.footBaseline, 40, 8],
    ]);
    expect(textFill(nearEmpty, a4)).toBeLessThan(1 / 3);
    const third = page(8, [
      ...nearEmpty.items.map((i) => [i.str, i.x, i.y, i.width, i.size] as [string, number, number, number, number]),
      ['later', a4.left, a4.top + 240, 40, 10.5],
    ]);
    expect(textFill(third, a4)).toBeGreaterThan(1 / 3);
  });
});

/** Everything optional left out, everything variable pushed: a chart of 24 bars with long labels, ordered lists, links in lists. */
function edgeReport(): Report {
  const input = structuredClone(reportInput) as ReportInput;
  delete input.meta.subtitle;
  delete input.meta.summary;
  input.meta.authors = [];
  input.takeaways = [
    [
      { type: 'text', text: 'A takeaway with ' },
      { type: 'text', text: 'emphasis', emphasis: 'em' },
      { type: 'link', text: ' and a link', href: 'https://example.org/' },
    ],
  ];
  input.sections = [
    {
      id: 'edge',
      title: 'Edge cases',
      blocks: [
        {
          type: 'list',
          ordered: true,
          items: Array.from({ length: 12 }, (_, i) => ({
            text: [
              { type: 'text' as const, text: `Ordered item ${i + 1} with ` },
              {
                type: 'link' as const,
                text: 'a link that runs on for a good many words across the line',
                href: `https://example.org/${i}`,
              },
            ],
          })),
        },
        { type: 'callout', tone: 'note', text: 'A callout without a title.' },
        {
          type: 'chart',
          id: 'many-bars',
          title: 'Twenty-four bars, one of them zero and one very large',
          unit: 'widgets',
          asOf: '2025-01-31',
          source: { publisher: 'Nobody' },
          data: Array.from({ length: 24 }, (_, i) => ({
            label: i === 3 ? 'A label that is much longer than the others and has to wrap' : `Bar ${i + 1}`,
            value: i === 5 ? 0 : i === 7 ? 123_456_789 : (i + 1) * 1000,
            ...(i % 3 === 0 ? { share: (i * 4) % 100 } : {}),
          })),
        },
      ],
    },
  ];
  return assertReport(input);
}

// The last-page check holds for reports of ordinary text. The edge report ends with a figure
// as tall as a page, kept with its source line, then its sources: no break the page before
// can give way at moves text onto the last page without making a page more.
describe.each([
  ['scaledReport(20) on A4', () => scaledReport(20), 'a4', true],
  ['stressReport() on A4', () => stressReport(), 'a4', true],
  ['stressReport() on US Letter', () => stressReport(), 'letter', true],
  ['a report of edge cases on A4', () => edgeReport(), 'a4', false],
  ['the largest chart figures on A4', () => largestFiguresReport(), 'a4', true],
] as const)('%s', (_name, make, paper, balanced) => {
  const r = make();
  const g = geometry(paper);
  let doc: PdfDoc;
  let pages: PageText[];
  beforeAll(async () => {
    doc = await openPdf(await renderPdf(r, { paper }));
    pages = await readPages(doc);
  });
  afterAll(async () => {
    await doc?.destroy();
  });

  it('keeps every line of text inside the margins', () => {
    expect(pages.flatMap((p) => textOutsideFrame(p, g))).toEqual([]);
  });

  it('never strands a heading at the foot of a page', () => {
    expect(pages.flatMap((p) => strandedHeadings(p, g, H2))).toEqual([]);
  });

  it('never splits a list item that fits on a page, nor a chart', () => {
    // A whole item is searched as one phrase: split over two pages, the running head would
    // come between its words and the search would fail. Charts are searched on their own:
    // a figure may float to the top of the next page, past the text after it.
    const items: string[] = [];
    const charts: string[] = [];
    for (const section of r.sections) {
      for (const block of section.blocks) {
        if (block.type === 'list') {
          for (const item of block.items) {
            const text = `${item.term ? `${item.term}: ` : ''}${plainText(item.text)}`;
            // Longer than a page: may split. Words longer than a line are broken, so not searchable.
            if (text.length > 1500 || /\S{40,}/u.test(text)) continue;
            items.push(text);
          }
        }
        if (block.type === 'chart') charts.push(block.title, `Source: ${block.source.publisher}`);
      }
    }
    findInOrder(pages, items).forEach((f, i) => {
      expect(f.endPage, items[i]).toBe(f.page);
    });
    const found = findInOrder(pages, charts);
    found.forEach((f, i) => {
      expect(f.endPage, charts[i]).toBe(f.page);
      if (charts[i]!.startsWith('Source: ')) expect(f.page, `chart before "${charts[i]}"`).toBe(found[i - 1]!.page);
    });
  });

  if (balanced) {
    it('ends on a page holding at least a third of a page of text', () => {
      expect(textFill(pages[pages.length - 1]!, g)).toBeGreaterThanOrEqual(1 / 3);
    });
  }

  it('has no blank page and shows every section heading in order', () => {
    for (const p of pages.slice(1))
      expect(p.items.filter((i) => i.y > g.top && i.str.trim()).length).toBeGreaterThan(2);
    findInOrder(
      pages,
      r.sections.map((s, i) => `${i + 1}. ${s.title.slice(0, 40)}`),
    );
  });
});

describe('the largest chart figures a report may hold', () => {
  it('are each labelled whole, on one line', async () => {
    const r = largestFiguresReport();
    const chart = r.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
    if (chart?.type !== 'chart') throw new Error('fixture moved');
    const doc = await openPdf(await renderPdf(r));
    try {
      const lines = (await readPages(doc)).flatMap((p) => {
        const byBaseline = new Map<number, string>();
        for (const item of p.items) {
          const y = Math.round(item.y * 2) / 2;
          byBaseline.set(y, `${byBaseline.get(y) ?? ''}${item.str}`);
        }
        return [...byBaseline.values()];
      });
      const figures = chart.data.flatMap((d) => [
        formatDatumFigure(d, r.meta.lang),
        formatSharePercent(d, r.meta.lang),
      ]);
      for (const figure of figures.filter((f) => f !== undefined))
        expect(
          lines.some((l) => l.includes(figure)),
          figure,
        ).toBe(true);
    } finally {
      await doc.destroy();
    }
  });
});
