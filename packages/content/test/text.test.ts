import { describe, expect, it } from 'vitest';
import {
  chartAltText,
  chartDateLine,
  contrastRatio,
  formatDatumShare,
  formatDatumValue,
  formatNumber,
  formatSharePercent,
  numberedTitle,
  outline,
  plainText,
  report,
  reportStats,
  tokens,
} from '../src/index.js';

describe('plainText', () => {
  it('joins runs and folds white space', () => {
    expect(
      plainText([
        { type: 'text', text: 'China ', emphasis: 'strong' },
        { type: 'link', text: 'and\n  India', href: 'https://example.org' },
        { type: 'text', text: ' online. ' },
      ]),
    ).toBe('China and India online.');
    expect(plainText('  two\tspaces  ')).toBe('two spaces');
  });
});

describe('outline', () => {
  it('numbers sections in report order with their ids', () => {
    const entries = outline(report);
    expect(entries.map((e) => e.id)).toEqual(report.sections.map((s) => s.id));
    expect(entries.map((e) => e.number)).toEqual(report.sections.map((_, i) => i + 1));
    expect(numberedTitle(entries[1]!)).toBe('2. China and India come online');
  });
});

describe('figures', () => {
  const chart = report.sections[1]!.blocks[1]!;
  if (chart.type !== 'chart') throw new Error('fixture moved');

  it('formats a data point with its qualifier and unit in the report language', () => {
    expect(formatDatumValue(chart.data[0]!, chart, 'en-GB')).toBe('about 1 billion internet users');
    expect(formatDatumValue(chart.data[1]!, chart, 'en-GB')).toBe('over 600 million internet users');
    expect(formatDatumShare(chart.data[0]!, 'en-GB')).toBe('about 70% of the population');
    expect(formatSharePercent(chart.data[1]!, 'en-GB')).toBe('about 50%');
  });

  it('writes a round number of a million or more in words, any other number in digits', () => {
    const en = (n: number) => formatNumber(n, 'en-GB');
    expect([1e9, 6e8, 1.5e9, 2.5e6, 1e6].map(en)).toEqual([
      '1 billion',
      '600 million',
      '1.5 billion',
      '2.5 million',
      '1 million',
    ]);
    // Words only when exact: more than three significant digits keep their digits.
    expect([123_456_789, 1_234_000, 999_999, 250_000, 0.5, 70].map(en)).toEqual([
      '123,456,789',
      '1,234,000',
      '999,999',
      '250,000',
      '0.5',
      '70',
    ]);
    expect(formatNumber(6e8, 'de-DE')).toBe('600 Millionen');
  });

  it('dates the figures honestly: as of a date, or as reported by the source in a month', () => {
    expect(chartDateLine(chart, 'en-GB')).toBe('as reported by Talktails in February 2024');
    expect(chartDateLine({ ...chart, reported: false }, 'en-GB')).toBe('as of 23 February 2024');
  });

  it('describes the chart in one sentence for screen readers', () => {
    expect(chartAltText(chart, 'en-GB')).toBe(
      'Bar chart, Internet users in China and India. China: about 1 billion internet users (about 70% of the population); India: over 600 million internet users (about 50% of the population). Figures as reported by Talktails in February 2024.',
    );
    expect(chartAltText({ ...chart, reported: false }, 'en-GB')).toMatch(
      /\. Figures as of 23 February 2024; source: Talktails\.$/,
    );
  });
});

describe('reportStats', () => {
  it('counts sections, list items and figures of the briefing', () => {
    expect(reportStats(report)).toMatchObject({ sections: 8, items: 27, figures: 2 });
  });
});

describe('design tokens', () => {
  it('keep body and secondary text at WCAG AA contrast on paper and panels', () => {
    for (const fg of [tokens.color.ink, tokens.color.muted, tokens.color.accent, tokens.color.link]) {
      expect(contrastRatio(fg, tokens.color.paper)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(fg, tokens.color.panel)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});
