import { assertReport, type Report, type ReportInput, reportInput, type Table } from '@briefing/content';

type TableInput = Omit<Table, 'type'> & { type?: 'table' };

/** The real report with `tables` as a section of their own (after a paragraph), id `tables`. */
export function reportWithTables(...tables: TableInput[]): Report {
  const input = structuredClone(reportInput) as ReportInput;
  input.sections.push({
    id: 'tables',
    title: 'Tables',
    blocks: [
      { type: 'paragraph', text: 'A paragraph before the tables.' },
      ...tables.map((t) => ({ ...t, type: 'table' as const })),
    ],
  });
  return assertReport(input);
}

/** A table of `n` rows of three columns whose cells grow in length, so rows differ in height. */
export function longTable(n: number): TableInput {
  return {
    caption: `A table of ${n} rows`,
    columns: [{ header: 'Row' }, { header: 'Description' }, { header: 'Amount', align: 'right' }],
    rows: Array.from({ length: n }, (_, i) => [
      `Row ${i + 1}`,
      `Description of row ${i + 1}: ${'a few more words '.repeat(i % 7)}end.`,
      `${(i + 1) * 1000}`,
    ]),
    source: { publisher: 'Test publisher', title: 'Test data', url: 'https://example.org/data' },
  };
}

/** Six columns of 600-character cells (words, bold, unbroken, wide), caption and headers at their longest. */
export function maximalTable(): TableInput {
  const words = 'word '.repeat(120).slice(0, 600).trim();
  return {
    caption: `${'A caption that is as long as the schema lets it be '.repeat(4)}`.slice(0, 200).trim(),
    columns: Array.from({ length: 6 }, (_, c) => ({
      header: `${`Header ${c} with a long name `.repeat(8)}`.slice(0, 200).trim(),
    })),
    rows: [
      Array.from({ length: 6 }, () => words),
      Array.from({ length: 6 }, () => [{ type: 'text' as const, text: words, emphasis: 'strong' as const }]),
      Array.from({ length: 6 }, () => 'x'.repeat(600)),
      // The widest letter the faces draw (a report may hold no character a system font would draw).
      Array.from({ length: 6 }, () => 'Ю'.repeat(600)),
    ],
    source: {
      publisher: `${'A publisher with a long name '.repeat(7)}`.slice(0, 200).trim(),
      title: `${'A source title that goes on '.repeat(8)}`.slice(0, 200).trim(),
      url: `https://example.org/${'long-path-segment/'.repeat(10)}`,
    },
  };
}
