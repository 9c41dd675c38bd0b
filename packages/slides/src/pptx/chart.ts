import {
  type Chart,
  chartAltText,
  formatDatumFigure,
  formatSharePercent,
  hasShareSeries,
  SHARE_SERIES_TITLE,
  valueSeriesTitle,
} from '@briefing/content';
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
  altText: string;
}

export function chartPanels(chart: Chart, lang: string): ChartPanel[] {
  const alt = chartAltText(chart, lang);
  const panels: ChartPanel[] = [
    {
      key: 'value',
      title: valueSeriesTitle(chart),
      labels: chart.data.map((d) => d.label),
      values: chart.data.map((d) => d.value),
      formats: chart.data.map((d) => labelFormat(d.value, formatDatumFigure(d, lang))),
      max: roomy(Math.max(...chart.data.map((d) => d.value), 1)),
      altText: alt,
    },
  ];
  if (hasShareSeries(chart)) {
    // Only the data points with a share: a bar of 0 would claim a share the source does not give.
    const points = chart.data.filter((d) => d.share !== undefined);
    panels.push({
      key: 'share',
      title: SHARE_SERIES_TITLE,
      labels: points.map((d) => d.label),
      values: points.map((d) => d.share as number),
      formats: points.map((d) => labelFormat(d.share as number, formatSharePercent(d, lang) ?? '')),
      max: 100,
      altText: `${SHARE_SERIES_TITLE}, the chart's second panel. ${alt}`,
    });
  }
  return panels;
}

/** An axis maximum 1.6 times the largest value, rounded up to two significant digits. */
function roomy(max: number): number {
  const target = max * 1.6;
  const step = 10 ** Math.floor(Math.log10(target) - 1);
  return Math.ceil(target / step) * step;
}

/** The per-bar label formats of every chart part in the deck, in the order the parts are numbered. */
export type ChartFormats = string[][];
