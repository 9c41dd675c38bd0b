import { readFileSync } from 'node:fs';
import { assertReport, type ReportInput, reportInput } from '@briefing/content';
import { normalise, openPdf, type PageText, readPages } from '@briefing/inspect';
import { beforeAll, describe, expect, it } from 'vitest';
import { geometry, renderPdf } from '../src/index.js';
import { textOutsideFrame } from './layout-checks.js';

const squash = (s: string) => s.replace(/\s+/g, '');

// Found by the random-report generator: a chart with a title, unit and source as long as the
// schema allows and every bar it allows was taller than a page, so its "Figure N." heading
// was left at the foot of one page and the bars set on the next.
describe('a chart with the longest title, unit and source, and the most bars', () => {
  const labels = Array.from({ length: 24 }, (_, i) => `Bar label ${i + 1}`);
  const title = `A chart title as long as a heading may be, ${'set over several lines of the page '.repeat(5)}`
    .slice(0, 200)
    .trim();
  let pages: PageText[];
  beforeAll(async () => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections[1]!.blocks.unshift({
      type: 'chart',
      id: 'tallest-chart',
      title,
      unit: `units of something counted, ${'named at the greatest length a unit may have '.repeat(3)}`
        .slice(0, 120)
        .trim(),
      asOf: '2024-01-01',
      source: {
        publisher: `A publisher ${'with a very long name indeed '.repeat(7)}`.slice(0, 200).trim(),
        title: `A source title ${'that runs on and on over lines '.repeat(7)}`.slice(0, 200).trim(),
        url: 'https://example.org/a-very-long-source-address',
      },
      data: labels.map((label, i) => ({ label, value: (i + 1) * 1000, share: i + 1 })),
    });
    pages = await readPages(await openPdf(await renderPdf(assertReport(input))));
  });

  it('keeps its heading on the page of its bars, all of which fit the page', () => {
    const at = pages.filter((p) => squash(p.text).includes(squash(title.slice(0, 60))));
    expect(at.length).toBeGreaterThan(0);
    const page = at[0]!;
    for (const label of labels) expect(page.text, `${label} on page ${page.number}`).toContain(label);
    expect(pages.flatMap((p) => textOutsideFrame(p, geometry('a4')))).toEqual([]);
  });
});

// Also found by the generator (its sample, cut to the section that shows it): a chart opening
// a section, kept in the text by a later table too tall to float, made one run with the
// section's heading taller than a page, which the breaker cut after the figure's caption.
describe('a chart opening a section, kept in the text by a table too tall to float', () => {
  const input = JSON.parse(readFileSync(new URL('./fixtures/kept-chart.json', import.meta.url), 'utf8')) as ReportInput;
  let pages: PageText[];
  beforeAll(async () => {
    pages = await readPages(await openPdf(await renderPdf(assertReport(input))));
  });

  it('sets its heading on the page of its bars', () => {
    const chart = input.sections[0]!.blocks[0]!;
    if (chart.type !== 'chart') throw new Error('fixture changed: sections[0].blocks[0] is not a chart');
    const page = pages.find((p) => p.text.includes('Figure 1.'))!;
    for (const d of chart.data)
      expect(squash(normalise(page.text)), `${d.label} on page ${page.number}`).toContain(squash(normalise(d.label)));
  });
});
