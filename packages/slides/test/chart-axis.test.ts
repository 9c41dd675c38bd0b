// The PPTX chart's category labels, placed so that each label's lines fit its bar's row (a
// viewer gives every row the same height, whatever its label needs), and the plan that gives
// a chart with long labels a slide of its own rather than a short plot under text. LibreOffice
// draws them in test/robustness/pptx-libreoffice.test.ts.
import { assertReport, type ReportInput, reportInput } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { planPptx } from '../src/index.js';
import { categoryAxis, panelTitleSize, panelWidth } from '../src/layout/chart-axis.js';
import { countLines } from '../src/layout/layout.js';
import { withMetrics } from '../src/layout/measure.js';
import { chartBox, nativeChart } from '../src/layout/metrics.js';

const long = 'A label long enough to wrap over three lines or more of the axis, beside a bar whose row holds one';
const labelSets = {
  'six, every other one long': [1, 2, 3, 4, 5, 6].map((n) => (n % 2 ? `${long} ${n}` : `Short ${n}`)),
  'ten of fifty characters': Array.from({ length: 10 }, (_, i) => `Households in rural districts without a line ${i}`),
  'twenty-four long ones': Array.from({ length: 24 }, (_, i) => `${long} ${i}`),
};

/** The packaged report with its chart's labels `labels`. */
function withLabels(labels: readonly string[]) {
  const input = structuredClone(reportInput) as ReportInput;
  const chart = input.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
  if (chart?.type !== 'chart') throw new Error('the packaged report has no chart');
  chart.data = labels.map((label, i) => ({ label, value: (i + 1) * 1e8, qualifier: 'about' as const, share: i + 1 }));
  return assertReport(input);
}

describe('categoryAxis', () => {
  const office = <T>(fn: () => T) => withMetrics({ faces: 'office', reserve: true }, fn);

  it('leaves short labels to the viewer, at the chart’s label size', () => {
    office(() =>
      expect(categoryAxis(['China', 'India'], panelWidth(2), 270)).toEqual({ size: chartBox.title, fits: true }),
    );
  });

  for (const [name, labels] of Object.entries(labelSets)) {
    it(`places the plot so that every label's lines fit its row, or sets them as small as it may: ${name}`, () => {
      office(() => {
        for (const width of [panelWidth(1), panelWidth(2)]) {
          for (const height of [chartBox.maxHeight * chartBox.inlineShare, chartBox.maxHeight]) {
            const { size, plot, fits, shown } = categoryAxis(labels, width, height);
            if (!plot) throw new Error('no plot placed');
            expect(plot.x + plot.w).toBeLessThanOrEqual(1);
            expect(plot.y + plot.h).toBeLessThanOrEqual(1);
            // The column left of the plot, less the gap the labels keep from the axis.
            const column = plot.x * width - size;
            const row = (plot.h * height) / labels.length;
            const linesOf = (texts: readonly string[]) =>
              Math.max(...texts.map((text) => countLines([{ text }], { fontSize: size, line: size, width: column })));
            expect(linesOf(labels) * size * nativeChart.labelLine <= row, `${width}x${height}`).toBe(fits);
            // More than the plot holds: the widest column, the smallest type (smaller still where
            // a row holds no line of it, down to 8 px), each label cut to its row's lines.
            if (fits) {
              expect(size).toBeGreaterThanOrEqual(chartBox.minLabel);
              expect(shown).toBeUndefined();
            } else {
              expect(Math.round((column / width) * 100) / 100).toBe(0.5);
              expect(size).toBeLessThanOrEqual(chartBox.minLabel);
              expect(
                linesOf(shown ?? labels) * size * nativeChart.labelLine <= row || size === nativeChart.lastResortLabel,
                `${width}x${height}`,
              ).toBe(true);
              shown?.forEach((cut, i) => {
                expect(cut === labels[i] || (cut.endsWith('…') && labels[i]?.startsWith(cut.slice(0, -1)))).toBe(true);
              });
            }
          }
        }
      });
    });
  }

  it('fits six labels, every other one long, on a slide of their own, and twenty-four long ones nowhere', () => {
    office(() => {
      expect(categoryAxis(labelSets['six, every other one long'], panelWidth(2), chartBox.maxHeight).fits).toBe(true);
      expect(categoryAxis(labelSets['ten of fifty characters'], panelWidth(2), chartBox.maxHeight).fits).toBe(true);
      expect(categoryAxis(labelSets['twenty-four long ones'], panelWidth(1), chartBox.maxHeight).fits).toBe(false);
    });
  });

  it('keeps the plot inside a panel squeezed shorter than its title’s band', () => {
    office(() => {
      for (const height of [1, 20, 47]) {
        const { plot } = categoryAxis(labelSets['six, every other one long'], panelWidth(2), height);
        if (!plot) throw new Error('no plot placed');
        for (const v of [plot.x, plot.y, plot.w, plot.h]) expect(v, `${height}`).toBeGreaterThanOrEqual(0);
        expect(plot.y + plot.h, `${height}`).toBeLessThanOrEqual(1);
      }
    });
  });

  it('keeps the labels at full size in a wider column when that is enough', () => {
    const labels = Array.from({ length: 4 }, (_, i) => `Households in rural districts without a line ${i}`);
    office(() => {
      const { size, plot } = categoryAxis(labels, panelWidth(2), chartBox.maxHeight);
      expect(size).toBe(chartBox.title);
      expect(plot?.x).toBeGreaterThan(0.25);
    });
  });
});

describe('panelTitleSize', () => {
  const office = <T>(fn: () => T) => withMetrics({ faces: 'office', reserve: true }, fn);
  const oneLine = (text: string, size: number, width: number) =>
    countLines([{ text }], { fontSize: size, line: size, width }) <= 1;
  const titles = ['Internet users', 'Share of the population'];

  it('keeps the chart’s title size where every panel title fits one line of half its panel', () => {
    office(() => expect(panelTitleSize(titles, panelWidth(2) / 2)).toBe(chartBox.title));
  });

  it('sets every panel title of a narrow chart in one smaller size at which all fit, never below the least', () => {
    office(() => {
      const width = 200;
      const size = panelTitleSize(titles, width);
      expect(size).toBeLessThan(chartBox.title);
      expect(size).toBeGreaterThanOrEqual(chartBox.minLabel);
      expect(titles.every((t) => oneLine(t, size, width))).toBe(true);
      // The largest such size: a pixel more and one of them takes two lines.
      expect(titles.every((t) => oneLine(t, size + 1, width))).toBe(false);
      expect(panelTitleSize(titles, 60)).toBe(chartBox.minLabel);
    });
  });
});

describe('the plan', () => {
  it('gives a chart a slide of its own where, under the text before it, its labels would be smaller', () => {
    const plan = planPptx(withLabels(Array.from({ length: 6 }, (_, i) => `Rural households without a line ${i}`)));
    const at = plan.slides.findIndex((s) => s.elements.some((e) => e.type === 'chart'));
    expect(plan.slides[at]?.kind).toBe('chart');
    // The packaged chart's short labels still join the list before them.
    const packaged = planPptx(withLabels(['China', 'India']));
    expect(packaged.slides.find((s) => s.elements.some((e) => e.type === 'chart'))?.kind).toBe('content');
  });
});
