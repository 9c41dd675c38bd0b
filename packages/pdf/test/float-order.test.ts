// Tables and figures keep their numbered order on the page: one that floats to a later page
// is never passed by one too tall to float, which stays in the text.
import { assertReport, type ReportInput, reportInput } from '@briefing/content';
import { readPdf } from '@briefing/inspect';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';

const rows = (n: number, text: string) => Array.from({ length: n }, (_, i) => [`${text} ${i + 1}`, `${i + 1}`]);

/** A section whose first table does not fit under the text before it, and whose second is taller than a page. */
function report(repeat: number): ReportInput {
  const input = structuredClone(reportInput) as ReportInput;
  const prose = 'More people online means more potential victims, and every new user is a target. '
    .repeat(repeat)
    .trim();
  input.sections[0]!.blocks = [
    { type: 'paragraph', text: prose },
    { type: 'table', caption: 'Floats', columns: [{ header: 'Name' }, { header: 'N' }], rows: rows(16, 'Short') },
    {
      type: 'table',
      caption: 'Too tall to float',
      columns: [{ header: 'Name' }, { header: 'N' }],
      rows: rows(90, 'Tall'),
    },
  ];
  return input;
}

describe('tables in a section', () => {
  // The text before them ends at several heights, so the first table floats at some of them.
  it.each([14, 18, 22, 26, 30, 34])(
    'keep their order when the second is too tall to float (%i sentences before)',
    async (repeat) => {
      const pages = (await readPdf(await renderPdf(assertReport(report(repeat))))).pages;
      const text = pages.join('\n');
      const first = text.indexOf('Table 1. Floats');
      const second = text.indexOf('Table 2. Too tall to float');
      expect(first).toBeGreaterThanOrEqual(0);
      expect(second).toBeGreaterThan(first);
      // Every row of the first table comes before the second table starts.
      expect(text.indexOf('Short 16')).toBeLessThan(second);
    },
  );
});
