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

// A row taller than a page is split by its lines, so a long cell's text ends one page and goes
// on at the next, under the repeated header: the check finds it in its pieces, and still
// misses a cell the PDF does not show.
describe('briefing check and a table row split across pages', () => {
  const words = (tag: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${tag}${String(i + 1).padStart(3, '0')}${tag}${tag}`).join(' ');
  const tallRow = (x: string) => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections[1]!.blocks.push({
      type: 'table',
      caption: 'Tall row',
      columns: ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((header) => ({ header })),
      rows: [['Tall', words('w', 75), words(x, 60), words('y', 60), words('z', 60), words('v', 60)]],
    });
    return assertReport(input);
  };

  it('finds every cell of the split row, and misses one the PDF does not show', async () => {
    const shown = tallRow('x');
    const pdf = await readPdf(await renderPdf(shown));
    const cells = (r: ReturnType<typeof tallRow>) =>
      checkCoverage(r, pdf, readDeckHtml(''))
        .rows.filter((row) => row.kind === 'cell' && row.section === 1)
        .map((row) => [row.label.slice(0, 12), row.pdf.found]);
    expect(cells(shown).slice(-6)).toEqual([
      ['One: Tall', true],
      ['Two: w001ww ', true],
      ['Three: x001x', true],
      ['Four: y001yy', true],
      ['Five: z001zz', true],
      ['Six: v001vv ', true],
    ]);
    expect(cells(tallRow('q')).slice(-4, -3)).toEqual([['Three: q001q', false]]);
  });
});
