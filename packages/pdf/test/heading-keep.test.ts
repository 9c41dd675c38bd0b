// A table or figure that opens a section keeps with the section's heading. Found by random
// reports with charts and tables (fast-check seed 3): a section of charts only left its heading
// at the foot of a page, the next section's text under it, and its figures pages later; a
// chart kept in the text by a table too tall to float left the heading and the figure's
// caption at a page's foot and the bars on the next page.
import { assertReport, LIMITS, numberedTitle, outline, type ReportInput, reportInput } from '@briefing/content';
import { normalise, openPdf, readPages } from '@briefing/inspect';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';

const squash = (s: string) => normalise(s).replace(/\s+/gu, '');
const labels = Array.from({ length: LIMITS.chartData }, (_, i) => `Bar label ${i + 1}`);
const tallChart = {
  type: 'chart' as const,
  id: 'opening-chart',
  title: `An opening chart whose title ${'runs over more than one line of the page '.repeat(4)}`.slice(0, 200).trim(),
  unit: 'people counted',
  asOf: '2024-01-01',
  source: { publisher: 'A publisher', url: 'https://example.org/source' },
  data: labels.map((label, i) => ({ label, value: (i + 1) * 1000, share: i + 1 })),
};

/** The pages that show the section's heading, its figure's caption, and every bar label. */
async function headingPages(input: ReportInput, section: number) {
  const report = assertReport(input);
  const heading = squash(numberedTitle(outline(report)[section]!));
  const pages = await readPages(await openPdf(await renderPdf(report)));
  const on = (text: string) => pages.filter((p) => squash(p.text).includes(text)).map((p) => p.number);
  return {
    heading: on(heading).at(-1),
    caption: on(squash(tallChart.title.slice(0, 40))),
    bars: [...new Set(labels.flatMap((l) => on(squash(`${l}`)).slice(-1)))],
  };
}

describe('a chart that opens a section', () => {
  it('is set on the page of the heading, not pages after it under the next section', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections[1]!.blocks = [tallChart];
    const at = await headingPages(input, 1);
    expect(at.caption).toEqual([at.heading]);
    expect(at.bars).toEqual([at.heading]);
  });

  it('kept in the text by a table too tall to float, keeps heading, caption and bars on one page', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    const rows = Array.from({ length: 90 }, (_, i) => [`Row ${i + 1}`, `${i + 1}`]);
    input.sections[1]!.blocks = [
      tallChart,
      { type: 'table', caption: 'Too tall to float', columns: [{ header: 'Name' }, { header: 'N' }], rows },
    ];
    const at = await headingPages(input, 1);
    expect(at.caption).toEqual([at.heading]);
    expect(at.bars).toEqual([at.heading]);
  });
});
