// Chart values and keywords are bounded in the schema by what every output can write the same
// way: a value a label can show on one line, exactly, and a keyword that is one keyword in
// every list of them.
import { describe, expect, it } from 'vitest';
import {
  CHART_VALUE_LIMIT,
  formatDatumFigure,
  labelDigits,
  parseReport,
  type Report,
  type ReportInput,
  reportInput,
} from '../src/index.js';

/** The packaged report with its chart's first data point edited, parsed. */
function withDatum(edit: { value?: number; share?: number }) {
  const copy = structuredClone(reportInput) as ReportInput;
  const chart = copy.sections[1]!.blocks[1]!;
  if (chart.type !== 'chart') throw new Error('fixture moved');
  Object.assign(chart.data[0]!, edit);
  return parseReport(copy);
}

const chartOf = (r: Report) => {
  const chart = r.sections[1]!.blocks[1]!;
  if (chart.type !== 'chart') throw new Error('fixture moved');
  return chart;
};

const problems = (result: ReturnType<typeof parseReport>) =>
  result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);

describe('chart values', () => {
  it('store a zero written as -0 as 0, value and share, so every output labels it "0"', () => {
    const result = withDatum({ value: -0, share: -0 });
    if (!result.ok) throw new Error(problems(result).join('\n'));
    const datum = chartOf(result.report).data[0]!;
    expect(Object.is(datum.value, 0)).toBe(true);
    expect(Object.is(datum.share, 0)).toBe(true);
    expect(formatDatumFigure(datum, 'en-GB')).toBe('about 0');
  });

  it('refuse 1e308 and anything from a thousand trillion up, whose label no chart can hold', () => {
    for (const value of [1e308, Number.MAX_VALUE, CHART_VALUE_LIMIT])
      expect(problems(withDatum({ value })), String(value)).toEqual([
        'sections[1].blocks[1].data[0].value: must be less than 1e15 (a thousand trillion): a larger figure does not fit a chart label',
      ]);
  });

  it('refuse a value whose label needs more than 14 significant digits, which the PPTX chart cannot label exactly', () => {
    for (const value of [999_999_999_999_999, 9_999_999_999_999.99, 99_999_999_999_999.9, 1_234_567_890_123.45])
      expect(problems(withDatum({ value })), String(value)).toEqual([
        "sections[1].blocks[1].data[0].value: must have at most 14 significant digits once rounded to two decimals (the PPTX chart's spreadsheet labels no more exactly)",
      ]);
  });

  it('accept the largest labels there are: 14 digits, 999 trillion, two decimals', () => {
    for (const [value, figure] of [
      [99_999_999_999_999, 'about 99,999,999,999,999'],
      [999_999_999_999_990, 'about 999,999,999,999,990'],
      [999e12, 'about 999 trillion'],
      [999_999_999_999.99, 'about 999,999,999,999.99'],
      [123_456_789_012.344, 'about 123,456,789,012.34'],
      [0.004, 'about 0'],
    ] as const) {
      const result = withDatum({ value });
      if (!result.ok) throw new Error(problems(result).join('\n'));
      expect(formatDatumFigure(chartOf(result.report).data[0]!, 'en-GB')).toBe(figure);
    }
  });

  it('count the digits a label shows: rounded to two decimals, trailing zeros of the number not counted', () => {
    expect([120, 1234.5, 0.01, 0, 1e14, 999_999_999_999_999, 1.005, 0.004].map(labelDigits)).toEqual([
      2, 5, 1, 0, 1, 15, 3, 0,
    ]);
  });

  it('still refuse a negative value or share, with one message each', () => {
    expect(problems(withDatum({ value: -5 }))).toEqual(['sections[1].blocks[1].data[0].value: must not be negative']);
    expect(problems(withDatum({ share: -1 }))).toEqual([
      'sections[1].blocks[1].data[0].share: must be a percentage from 0 to 100',
    ]);
  });
});

describe('keywords', () => {
  const withKeywords = (keywords: string[]) => {
    const copy = structuredClone(reportInput) as ReportInput;
    copy.meta.keywords = keywords;
    return parseReport(copy);
  };

  it('refuse a comma or semicolon, which would split one keyword into two in every output', () => {
    expect(problems(withKeywords(['cybercrime', 'a, b', 'c;d']))).toEqual([
      'meta.keywords[1]: must not contain a comma or semicolon (they separate keywords in every output): make it two keywords',
      'meta.keywords[2]: must not contain a comma or semicolon (they separate keywords in every output): make it two keywords',
    ]);
  });

  it('accept any other punctuation', () => {
    expect(withKeywords(['R&D', '"quoted"', '<b>', 'Cybersécurité', 'India–Myanmar']).ok).toBe(true);
  });
});
