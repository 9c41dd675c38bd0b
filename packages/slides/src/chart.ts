import {
  type Chart,
  Chart as ChartSchema,
  chartAltText,
  formatDate,
  formatDatumShare,
  formatDatumValue,
  tokens,
} from '@briefing/content';
import { charWidth, contentWidth, size } from './metrics.js';

/** Info string of the fenced block that carries a chart's data through the Markdown. */
export const CHART_FENCE = 'briefing-chart';

const { color } = tokens;

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Estimated rendered width of a string in px. */
const textWidth = (text: string, fontSize: number, bold = false) =>
  text.length * fontSize * (bold ? charWidth.regular : charWidth.regular - 0.04);

/** Text that may not fit its box: squeezed to the box with textLength instead of overflowing. */
function svgText(
  text: string,
  attrs: { x: number; y: number; size: number; weight?: number; fill: string; anchor?: string; max: number },
): string {
  const fits = textWidth(text, attrs.size, (attrs.weight ?? 400) >= 600) <= attrs.max;
  return `<text x="${attrs.x}" y="${attrs.y}" font-size="${attrs.size}"${attrs.weight ? ` font-weight="${attrs.weight}"` : ''} fill="${attrs.fill}"${attrs.anchor ? ` text-anchor="${attrs.anchor}"` : ''}${fits ? '' : ` textLength="${Math.floor(attrs.max)}" lengthAdjust="spacingAndGlyphs"`}>${escapeXml(text)}</text>`;
}

/** Height budget for the plot, in px (the slide keeps room for the heading and the caption). */
export const CHART_HEIGHT = 400;

/**
 * A horizontal bar chart as an SVG string: one row per data point with its label, a bar on a
 * common scale, the value with its qualifier and unit, and the population share where known.
 * The SVG has role="img" and a <title> carrying the chart's one-sentence description.
 */
export function chartSvg(chart: Chart, lang: string, maxHeight = CHART_HEIGHT): string {
  const n = chart.data.length;
  const width = contentWidth;
  const rowHeight = Math.min(150, Math.floor((maxHeight - 8) / n));
  const labelSize = Math.max(12, Math.min(size.body, Math.floor(rowHeight * 0.5)));
  const valueSize = Math.max(11, Math.min(size.body - 2, Math.floor(rowHeight * 0.34)));
  // Value and share on two lines when the rows have room, else on one line.
  const twoLines = rowHeight >= valueSize * 2.6;
  const shares = chart.data.map((d) => formatDatumShare(d, lang));
  const values = chart.data.map((d, i) => {
    const value = formatDatumValue(d, chart, lang);
    return twoLines || !shares[i] ? value : `${value} (${shares[i]})`;
  });
  const labelWidth = Math.min(300, Math.max(...chart.data.map((d) => textWidth(d.label, labelSize, true))) + 24);
  const valueWidth = Math.min(
    500,
    Math.max(
      ...values.map((v) => textWidth(v, valueSize, true)),
      ...shares.map((s) => (twoLines ? textWidth(s ?? '', valueSize) : 0)),
    ) + 20,
  );
  const plotX = labelWidth;
  const plotWidth = width - labelWidth - valueWidth;
  const max = Math.max(...chart.data.map((d) => d.value), 1);
  const barHeight = Math.max(6, Math.round(rowHeight * 0.46));
  const height = n * rowHeight + 8;
  const alt = chartAltText(chart, lang);
  const id = `${chart.id}-title`;

  const rows = chart.data.map((d, i) => {
    const top = i * rowHeight + 4;
    const mid = top + rowHeight / 2;
    const barWidth = Math.max(2, Math.round((d.value / max) * plotWidth));
    const share = twoLines ? shares[i] : undefined;
    const valueY = share ? mid - valueSize * 0.2 : mid + valueSize * 0.35;
    return [
      `<g>`,
      svgText(d.label, {
        x: labelWidth - 18,
        y: mid + labelSize * 0.35,
        size: labelSize,
        weight: 700,
        fill: color.ink,
        anchor: 'end',
        max: labelWidth - 24,
      }),
      `<rect x="${plotX}" y="${mid - barHeight / 2}" width="${barWidth}" height="${barHeight}" rx="3" fill="${color.accent}"/>`,
      svgText(values[i] as string, {
        x: plotX + barWidth + 14,
        y: valueY,
        size: valueSize,
        weight: 700,
        fill: color.ink,
        max: width - plotX - barWidth - 16,
      }),
      share
        ? svgText(share, {
            x: plotX + barWidth + 14,
            y: valueY + valueSize * 1.3,
            size: valueSize,
            fill: color.muted,
            max: width - plotX - barWidth - 16,
          })
        : '',
      `</g>`,
    ].join('');
  });

  return [
    `<svg class="briefing-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}" font-family="inherit">`,
    `<title id="${id}">${escapeXml(alt)}</title>`,
    `<line x1="${plotX}" y1="0" x2="${plotX}" y2="${height}" stroke="${color.rule}" stroke-width="2"/>`,
    ...rows,
    `</svg>`,
  ].join('');
}

/** The caption under the chart: unit, date of the figures and source, as plain text. */
export function chartCaption(chart: Chart, lang: string): string {
  const source = chart.source.title ? `${chart.source.publisher}, “${chart.source.title}”` : chart.source.publisher;
  return `${chart.unit[0]?.toUpperCase()}${chart.unit.slice(1)}, as of ${formatDate(chart.asOf, lang)}. Source: ${source}.`;
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
      typeof raw.height === 'number' && raw.height >= 60 && raw.height <= CHART_HEIGHT ? raw.height : CHART_HEIGHT;
    const chart = ChartSchema.safeParse(raw.chart);
    const lang = typeof raw.lang === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(raw.lang) ? raw.lang : 'en';
    return chart.success ? { chart: chart.data, lang, height } : undefined;
  } catch {
    return undefined;
  }
}
