import {
  type Chart,
  Chart as ChartSchema,
  chartAltText,
  escapeXml as escapeXmlText,
  formatDatumFigure,
  formatDatumValue,
  formatSharePercent,
  hasShareSeries,
  SHARE_SERIES_TITLE,
  tokens,
  valueSeriesTitle,
} from '@briefing/content';
import { chartBox, chartPlot, contentWidth, size } from '../layout/metrics.js';
import { chartCaption, linkLabel } from '../plan/caption.js';

/** Info string of the fenced block that carries a chart's data through the Markdown. */
export const CHART_FENCE = 'briefing-chart';

const { color } = tokens;
/** The faces the chart's text is set in (the body's family, Inter). */
const face = tokens.font.sans.faces;

/** The SVG's text, escaped with apostrophes too: Markdown may quote an attribute either way. */
const escapeXml = (text: string) => escapeXmlText(text, { apostrophe: true });

/** Estimated rendered width of a string in px. */
const textWidth = (text: string, fontSize: number, bold = false) =>
  text.length * fontSize * (bold ? chartPlot.charWidth.bold : chartPlot.charWidth.regular);

/** Text that may not fit its box: squeezed to the box with textLength instead of overflowing. */
function svgText(
  text: string,
  attrs: { x: number; y: number; size: number; weight?: number; fill: string; anchor?: string; max: number },
): string {
  const fits = textWidth(text, attrs.size, (attrs.weight ?? face.regular.weight) >= face.semibold.weight) <= attrs.max;
  return `<text x="${attrs.x}" y="${attrs.y}" font-size="${attrs.size}"${attrs.weight ? ` font-weight="${attrs.weight}"` : ''} fill="${attrs.fill}"${attrs.anchor ? ` text-anchor="${attrs.anchor}"` : ''}${fits ? '' : ` textLength="${Math.floor(attrs.max)}" lengthAdjust="spacingAndGlyphs"`}>${escapeXml(text)}</text>`;
}

/** Height budget for the plot, in px (the slide keeps room for the heading and the caption). */
export const CHART_HEIGHT: number = chartBox.maxHeight;

/** One series as a panel of bars: its title, then per data point a bar and its figure. */
interface Series {
  key: 'value' | 'share';
  title: string | undefined;
  /** Per data point: the bar's length as a share of the plot (0 to 1), or undefined for no bar. */
  bars: (number | undefined)[];
  figures: (string | undefined)[];
}

/**
 * A horizontal bar chart as an SVG string: a row per data point with its label and, per
 * series, a bar on the series' scale and its figure. When the data have shares of the
 * population the chart has two series from the same data points, side by side: the values
 * ("Internet users": "about 1 billion") and the shares ("Share of the population": "about
 * 70%", on a 0-100% scale). The SVG has role="img" and a <title> with the chart described.
 */
export function chartSvg(chart: Chart, lang: string, maxHeight = CHART_HEIGHT): string {
  const n = chart.data.length;
  const width = contentWidth;
  const shares = hasShareSeries(chart);
  const max = Math.max(...chart.data.map((d) => d.value), 1);
  const series: Series[] = [
    {
      key: 'value',
      title: shares ? valueSeriesTitle(chart) : undefined,
      bars: chart.data.map((d) => d.value / max),
      // With a second series the titles name the units; alone, each figure carries its unit.
      figures: chart.data.map((d) => (shares ? formatDatumFigure(d, lang) : formatDatumValue(d, chart, lang))),
    },
  ];
  if (shares) {
    series.push({
      key: 'share',
      title: SHARE_SERIES_TITLE,
      bars: chart.data.map((d) => (d.share === undefined ? undefined : d.share / 100)),
      figures: chart.data.map((d) => formatSharePercent(d, lang)),
    });
  }
  const p = chartPlot;
  const titleSize = chartBox.title;
  const titleHeight = shares ? Math.round(titleSize * p.titleBand) : 0;
  const rowHeight = Math.min(p.maxRow, Math.floor((maxHeight - 2 * p.padY - titleHeight) / n));
  const labelSize = Math.max(chartBox.minLabel, Math.min(size.body, Math.floor(rowHeight * p.labelShare)));
  const valueSize = Math.max(
    p.figureMin,
    Math.min(size.body - p.figureUnderBody, Math.floor(rowHeight * p.figureShare)),
  );
  const labelWidth = Math.min(
    p.labelMax,
    Math.max(...chart.data.map((d) => textWidth(d.label, labelSize, true))) + p.labelRoom,
  );
  const { panelGap } = chartBox;
  const panelWidth = (width - labelWidth - panelGap * (series.length - 1)) / series.length;
  const barHeight = Math.max(p.barMin, Math.round(rowHeight * p.barShare));
  const height = titleHeight + n * rowHeight + 2 * p.padY;
  /** The middle of data point i's row. */
  const middle = (i: number) => titleHeight + i * rowHeight + p.padY + rowHeight / 2;
  const alt = chartAltText(chart, lang);
  const id = `${chart.id}-title`;

  const labels = chart.data.map((d, i) => {
    const mid = middle(i);
    return svgText(d.label, {
      x: labelWidth - p.labelEnd,
      y: mid + labelSize * p.baseline,
      size: labelSize,
      weight: face.bold.weight,
      fill: color.ink,
      anchor: 'end',
      max: labelWidth - p.labelRoom,
    });
  });

  const panels = series.map((s, k) => {
    const x0 = labelWidth + k * (panelWidth + panelGap);
    const figureWidth = Math.min(
      panelWidth * p.figureMaxShare,
      Math.max(...s.figures.map((f) => (f ? textWidth(f, valueSize, true) : 0))) + p.figureRoom,
    );
    const plotWidth = panelWidth - figureWidth;
    const rows = s.bars.map((bar, i) => {
      if (bar === undefined) return '';
      const mid = middle(i);
      const barWidth = Math.max(p.barMinLength, Math.round(bar * plotWidth));
      return [
        `<rect x="${x0}" y="${mid - barHeight / 2}" width="${barWidth}" height="${barHeight}" rx="${p.barRadius}" fill="${color.accent}"/>`,
        svgText(s.figures[i] ?? '', {
          x: x0 + barWidth + p.figureGap,
          y: mid + valueSize * p.baseline,
          size: valueSize,
          weight: face.bold.weight,
          fill: color.ink,
          max: x0 + panelWidth - (x0 + barWidth + p.figureGap),
        }),
      ].join('');
    });
    return [
      `<g class="series" data-series="${s.key}">`,
      s.title
        ? svgText(s.title, {
            x: x0,
            y: Math.round(titleSize * p.titleBaseline),
            size: titleSize,
            weight: face.semibold.weight,
            fill: color.accent,
            max: panelWidth,
          })
        : '',
      `<line x1="${x0}" y1="${titleHeight}" x2="${x0}" y2="${height}" stroke="${color.rule}" stroke-width="${p.axis}"/>`,
      ...rows,
      `</g>`,
    ].join('');
  });

  return [
    `<svg class="briefing-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}" font-family="inherit">`,
    `<title id="${id}">${escapeXml(alt)}</title>`,
    ...labels,
    ...panels,
    `</svg>`,
  ].join('');
}

/** The chart figure: SVG plus caption (with the source link when the chart has one). */
export function chartFigure(chart: Chart, lang: string, maxHeight = CHART_HEIGHT): string {
  const caption = escapeXml(chartCaption(chart, lang));
  const link = chart.source.url
    ? ` <a href="${escapeXml(chart.source.url)}">${escapeXml(linkLabel(chart.source.url))}</a>`
    : '';
  return `<figure class="chart-figure">${chartSvg(chart, lang, maxHeight)}<figcaption class="chart-caption">${caption}${link}</figcaption></figure>\n`;
}

/** The payload of a chart fence: the chart block and the language to format it in. */
export function chartFence(chart: Chart, lang: string, height = CHART_HEIGHT): string {
  const json = JSON.stringify({ lang, height, chart });
  const ticks = '`'.repeat(Math.max(3, ...[...json.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${CHART_FENCE}\n${json}\n${ticks}`;
}

interface FenceToken {
  info: string;
  content: string;
}

type FenceRule = (tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: unknown) => string;

/** Minimal shape of the markdown-it instance the plugin touches. */
interface MarkdownItLike {
  renderer: { rules: Record<string, FenceRule | undefined> };
}

/**
 * markdown-it plugin: a `briefing-chart` fence whose JSON is a valid chart becomes the SVG
 * figure; anything else renders as the ordinary (escaped) code block it is. HTML stays off:
 * only this plugin's own markup, built from escaped values, reaches the slide.
 */
export function chartPlugin(md: MarkdownItLike): void {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as FenceToken;
    if (token.info.trim() === CHART_FENCE) {
      const parsed = parseFence(token.content);
      if (parsed) return chartFigure(parsed.chart, parsed.lang, parsed.height);
    }
    return fallback ? fallback(tokens, idx, options, env, self) : '';
  };
}

function parseFence(content: string): { chart: Chart; lang: string; height: number } | undefined {
  try {
    const raw = JSON.parse(content) as { lang?: unknown; chart?: unknown; height?: unknown };
    const height =
      typeof raw.height === 'number' && raw.height >= chartPlot.minHeight && raw.height <= CHART_HEIGHT
        ? raw.height
        : CHART_HEIGHT;
    const chart = ChartSchema.safeParse(raw.chart);
    const lang = typeof raw.lang === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(raw.lang) ? raw.lang : 'en';
    return chart.success ? { chart: chart.data, lang, height } : undefined;
  } catch {
    return undefined;
  }
}
