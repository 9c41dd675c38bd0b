import {
  type Chart,
  chartAltText,
  formatDatumFigure,
  formatSharePercent,
  hasShareSeries,
  SHARE_SERIES_TITLE,
  valueSeriesTitle,
} from '@briefing/content';
import { type CategoryAxis, categoryAxis } from '../layout/chart-axis.js';
import { advance } from '../layout/layout.js';
import { roomWidth } from '../layout/measure.js';
import { chartBox, nativeChart } from '../layout/metrics.js';
import { labelFormat } from './numfmt.js';

/**
 * One panel of the chart as a native bar chart: the SVG's panels, one series each (the values,
 * and the shares of the population when the data have them), so each keeps its own scale as
 * it does on the HTML slide. The values go into the chart's data sheet; the labels' formats
 * (package.ts writes them into the chart part, one per bar) show each value as the report's
 * figure.
 */
export interface ChartPanel {
  key: 'value' | 'share';
  title: string;
  labels: string[];
  values: number[];
  /** The number format of each bar's label (labelFormat). */
  formats: string[];
  /**
   * The value axis' maximum: 100 for shares (a 0-100% scale); for values, room past the
   * longest bar for its label (as the SVG keeps a share of each panel for the figures).
   */
  max: number;
  /** The category labels' size and, where they need it, the plot's place (chart-axis.ts). */
  axis: CategoryAxis;
  altText: string;
}

export function chartPanels(
  chart: Chart,
  lang: string,
  width = roomWidth(),
  height: number = chartBox.maxHeight,
): ChartPanel[] {
  const alt = chartAltText(chart, lang);
  const categories = chart.data.map((d) => d.label);
  const axis = categoryAxis(categories, width, height);
  const panels: ChartPanel[] = [
    {
      key: 'value',
      title: valueSeriesTitle(chart),
      labels: categories,
      values: chart.data.map((d) => d.value),
      formats: chart.data.map((d) => labelFormat(d.value, formatDatumFigure(d, lang))),
      max: roomy(
        Math.max(...chart.data.map((d) => d.value), 1),
        clearance(
          chart.data.map((d) => ({ value: d.value, label: formatDatumFigure(d, lang) })),
          categories,
          width,
          axis,
        ),
      ),
      axis,
      altText: alt,
    },
  ];
  if (hasShareSeries(chart)) {
    // Only the data points with a share: a bar of 0 would claim a share the source does not give.
    const points = chart.data.filter((d) => d.share !== undefined);
    const shareAxis = categoryAxis(
      points.map((d) => d.label),
      width,
      height,
    );
    panels.push({
      key: 'share',
      title: SHARE_SERIES_TITLE,
      labels: points.map((d) => d.label),
      values: points.map((d) => d.share as number),
      formats: points.map((d) => labelFormat(d.share as number, formatSharePercent(d, lang) ?? '')),
      max: roomy(
        0,
        clearance(
          points.map((d) => ({ value: d.share as number, label: formatSharePercent(d, lang) ?? '' })),
          points.map((d) => d.label),
          width,
          shareAxis,
        ),
        100,
      ),
      axis: shareAxis,
      altText: `${SHARE_SERIES_TITLE}, the chart's second panel. ${alt}`,
    });
  }
  return panels;
}

/**
 * An axis maximum at least nativeChart.headroom times the largest value (`floor` at the least),
 * and at least `clear`, rounded up to two significant digits.
 */
function roomy(max: number, clear: number, floor = 0): number {
  const target = Math.max(max * nativeChart.headroom, clear, floor);
  if (target === floor) return floor;
  const step = 10 ** Math.floor(Math.log10(target) - 1);
  return Math.ceil(target / step) * step;
}

/**
 * The smallest axis maximum at which every bar's value label, set after the bar's end, ends
 * inside the plot: the label is measured in the chart's face (the category labels' size, bold, with
 * the plan's room for a substitute), and the plot is the one the PPTX places, or else the panel
 * less its category labels and the chart's inner margins (an estimate: the viewer lays that
 * plot out itself).
 */
function clearance(
  bars: readonly { value: number; label: string }[],
  categories: readonly string[],
  width: number,
  placed: CategoryAxis,
): number {
  const size = chartBox.title;
  const { axisMargin, innerMargin, labelGap, minBarShare } = nativeChart;
  const axis = Math.max(0, ...categories.map((c) => advance(c, size, 'regular'))) + axisMargin * size;
  const plot = placed.plotWidth ?? Math.max(1, width - axis - innerMargin * size);
  return Math.max(
    0,
    ...bars.map(({ value, label }) => {
      const room = plot - advance(label, placed.size, 'bold') - labelGap * placed.size;
      // A label too long to leave the bar its least share: the bar keeps that share.
      return room > plot * minBarShare ? (value * plot) / room : value / minBarShare;
    }),
  );
}

/** The per-bar label formats of every chart part in the deck, in the order the parts are numbered. */
export type ChartFormats = string[][];
