import { type Chart, formatDatumFigure, formatDatumValue, formatSharePercent, report } from '@briefing/content';
import { largestFiguresReport } from '@briefing/testkit';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderDeck } from '../src/index.js';
import { textWidth } from '../src/layout/measure.js';
import { CHART_FENCE, chartFence, chartSvg } from '../src/markdown/chart.js';
import { BriefingMarp } from '../src/markdown/engine.js';
import { chartCaption } from '../src/plan/caption.js';

const chart = report.sections.flatMap((s) => s.blocks).find((b): b is Chart => b.type === 'chart') as Chart;
const engine = new BriefingMarp({ script: false });

/** Each series of a chart SVG: its title, its bars' widths and the figures beside them. */
function series(svg: string) {
  const { document } = parseHTML(`<div>${svg}</div>`);
  return [...document.querySelectorAll('g.series')].map((g) => {
    const texts = [...g.querySelectorAll('text')].map((t) => t.textContent ?? '');
    const titled = g.querySelectorAll('text').length > g.querySelectorAll('rect').length;
    return {
      key: g.getAttribute('data-series'),
      title: titled ? texts[0] : undefined,
      bars: [...g.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width'))),
      figures: titled ? texts.slice(1) : texts,
    };
  });
}

describe('chartSvg', () => {
  it('draws both series the source gives from the same data points: users, then the share of the population', () => {
    const [users, share] = series(chartSvg(chart, 'en-GB'));
    expect(users).toMatchObject({
      key: 'value',
      title: 'Internet users',
      figures: ['about 1 billion', 'over 600 million'],
    });
    expect(share).toMatchObject({
      key: 'share',
      title: 'Share of the population',
      figures: ['about 70%', 'about 50%'],
    });
    // Each series on its own scale: users against the largest value, shares against 100%.
    expect(users!.bars[1]! / users!.bars[0]!).toBeCloseTo(600 / 1000, 2);
    expect(share!.bars[1]! / share!.bars[0]!).toBeCloseTo(50 / 70, 2);
    const { document } = parseHTML(`<div>${chartSvg(chart, 'en-GB')}</div>`);
    expect([...document.querySelectorAll('svg > text')].map((t) => t.textContent)).toEqual(['China', 'India']);
  });

  it('draws one series, each figure with its unit, when no data point has a share', () => {
    const plain = { ...chart, data: chart.data.map(({ share: _share, ...d }) => d) } satisfies Chart;
    const only = series(chartSvg(plain, 'en-GB'));
    expect(only).toEqual([
      {
        key: 'value',
        title: undefined,
        bars: expect.any(Array),
        figures: ['about 1 billion internet users', 'over 600 million internet users'],
      },
    ]);
    expect(chartSvg(plain, 'en-GB')).not.toContain('Share of the population');
  });

  it('escapes every label and title', () => {
    const nasty = {
      ...chart,
      title: '<script>x</script>',
      data: [{ label: '<b>&amp;</b>', value: 1 }],
    } satisfies Chart;
    const svg = chartSvg(nasty, 'en');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(parseHTML(`<div>${svg}</div>`).document.querySelector('text')?.textContent).toBe('<b>&amp;</b>');
  });
});

describe('chartCaption', () => {
  it('names both series and dates the figures as the source reported them', () => {
    expect(chartCaption(chart, 'en-GB')).toBe(
      'Internet users and share of the population, as reported by Talktails in February 2024. Source: Talktails, “The Growth of Transnational Cybercrime Networks Between China and Myanmar”.',
    );
    expect(chartCaption({ ...chart, reported: false }, 'en-GB')).toMatch(/, as of 23 February 2024\. Source:/);
  });
});

describe('chartPlugin', () => {
  it('renders a chart fence as an SVG figure with its caption', () => {
    const { html } = engine.render(chartFence(chart, 'en-GB'));
    expect(html).toContain('<figure class="chart-figure"><svg class="briefing-chart"');
    expect(html).toContain('as reported by Talktails in February 2024');
  });

  it('renders a fence with invalid chart data as the plain code block it is', () => {
    const { html } = engine.render(`\`\`\`${CHART_FENCE}\n{"chart": {"title": "<img src=x>"}}\n\`\`\``);
    expect(html).not.toContain('<svg class="briefing-chart"');
    expect(html).toContain('&lt;img src=x&gt;');
  });
});

describe('the chart in the deck of the packaged report', () => {
  it('shows both series on its slide, with their figures', () => {
    const { html } = engine.render(renderDeck(report));
    const { document } = parseHTML(html);
    const svgs = [...document.querySelectorAll('svg.briefing-chart')];
    expect(svgs).toHaveLength(1);
    const [users, share] = series(svgs[0]!.outerHTML);
    expect(users).toMatchObject({ title: 'Internet users', figures: ['about 1 billion', 'over 600 million'] });
    expect(share).toMatchObject({ title: 'Share of the population', figures: ['about 70%', 'about 50%'] });
  });
});

describe('the largest figures a report may hold', () => {
  const r = largestFiguresReport();
  const big = r.sections.flatMap((s) => s.blocks).find((b): b is Chart => b.type === 'chart') as Chart;
  const alone = { ...big, data: big.data.map(({ share: _share, ...d }) => d) } satisfies Chart;

  it('are drawn whole, each on one line, squeezed by at most a quarter of its width', () => {
    const [users, share] = series(chartSvg(big, r.meta.lang));
    expect(users?.figures).toEqual(big.data.map((d) => formatDatumFigure(d, r.meta.lang)));
    expect(share?.figures).toEqual(big.data.flatMap((d) => formatSharePercent(d, r.meta.lang) ?? []));
    expect(series(chartSvg(alone, r.meta.lang))[0]?.figures).toEqual(
      alone.data.map((d) => formatDatumValue(d, alone, r.meta.lang)),
    );
    for (const svg of [chartSvg(big, r.meta.lang), chartSvg(alone, r.meta.lang)]) {
      const { document } = parseHTML(`<div>${svg}</div>`);
      for (const text of document.querySelectorAll('g.series text')) {
        const squeezed = text.getAttribute('textLength');
        if (squeezed === null) continue;
        const natural = textWidth(text.textContent ?? '', 'bold') * Number(text.getAttribute('font-size'));
        expect(Number(squeezed) / natural, text.textContent ?? '').toBeGreaterThanOrEqual(0.75);
      }
    }
  });
});
