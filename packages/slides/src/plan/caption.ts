import { type Chart, chartDateLine, hasShareSeries, SHARE_SERIES_TITLE, valueSeriesTitle } from '@briefing/content';

// The words of a chart's caption and of a source link, as the plan measures them and both
// serialisers write them.

/** The caption under the chart: what it shows, when the figures date from, and the source, as plain text. */
export function chartCaption(chart: Chart, lang: string): string {
  const source = chart.source.title ? `${chart.source.publisher}, “${chart.source.title}”` : chart.source.publisher;
  const what = hasShareSeries(chart)
    ? `${valueSeriesTitle(chart)} and ${SHARE_SERIES_TITLE.toLowerCase()}`
    : valueSeriesTitle(chart);
  return `${what}, ${chartDateLine(chart, lang)}. Source: ${source}.`;
}

/** What a caption shows of a link: its host (the full address is the link target). */
export function linkLabel(url: string): string {
  try {
    const { host, protocol, pathname } = new URL(url);
    return protocol === 'mailto:' ? pathname : host;
  } catch {
    return url;
  }
}
