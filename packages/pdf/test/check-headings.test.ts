// `briefing check` finds each section at its numbered heading in the PDF. With the spaces
// gone from the page's text, a one-letter title's "2. T" also matches "stage 2. Then" further
// down, and the section seemed to start after what it holds: its items went missing.
import { assertReport, type ReportInput, reportInput } from '@briefing/content';
import { checkCoverage, readDeckHtml, readPdf } from '@briefing/inspect';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';

describe('briefing check and a section titled with one letter', () => {
  it('places the section at its heading, not at a later "2. T…" in its text, and finds its items', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    const section = input.sections[1]!;
    section.title = 'T';
    section.blocks = [
      { type: 'list', items: [{ text: 'Alpha first item' }, { text: 'Beta second item' }] },
      { type: 'paragraph', text: 'At stage 2. Then the end came.' },
    ];
    const report = assertReport(input);
    const result = checkCoverage(report, await readPdf(await renderPdf(report)), readDeckHtml(''));
    const rows = result.rows.filter((r) => r.section === 1);
    expect(rows.map((r) => [r.kind, r.label, r.pdf.found])).toEqual([
      ['section', '2. T', true],
      ['item', 'Alpha first item', true],
      ['item', 'Beta second item', true],
    ]);
  });
});
