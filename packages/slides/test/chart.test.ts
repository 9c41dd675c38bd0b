import { type Chart, report } from '@briefing/content';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CHART_FENCE, chartFence, chartSvg } from '../src/chart.js';
import { BriefingMarp } from '../src/engine.js';

const chart = report.sections.flatMap((s) => s.blocks).find((b): b is Chart => b.type === 'chart') as Chart;
const engine = new BriefingMarp({ script: false });

describe('chartSvg', () => {
  it('draws one bar per data point, scaled to the largest value', () => {
    const { document } = parseHTML(`<div>${chartSvg(chart, 'en-GB')}</div>`);
    const bars = [...document.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(bars).toHaveLength(chart.data.length);
    expect((bars[1] as number) / (bars[0] as number)).toBeCloseTo(600 / 1000, 2);
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

describe('chartPlugin', () => {
  it('renders a chart fence as an SVG figure with its caption', () => {
    const { html } = engine.render(chartFence(chart, 'en-GB'));
    expect(html).toContain('<figure class="chart-figure"><svg class="briefing-chart"');
    expect(html).toContain('as of 23 February 2024');
  });

  it('renders a fence with invalid chart data as the plain code block it is', () => {
    const { html } = engine.render(`\`\`\`${CHART_FENCE}\n{"chart": {"title": "<img src=x>"}}\n\`\`\``);
    expect(html).not.toContain('<svg class="briefing-chart"');
    expect(html).toContain('&lt;img src=x&gt;');
  });
});
