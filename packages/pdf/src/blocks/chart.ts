import {
  chartAltText,
  chartDateLine,
  formatDatumFigure,
  formatNumber,
  formatSharePercent,
  hasShareSeries,
  SHARE_SERIES_TITLE,
  valueSeriesTitle,
} from '@briefing/content';
import { addSpaceAfter, type Builder } from '../builder.js';
import { baseline, drawText, type Node, type PDFDoc, plain } from '../draw.js';
import { NEVER } from '../paginate.js';
import { C, leading, S, SPACE } from '../styles.js';
import { type Line, type Style, wrap } from '../text-layout.js';
import { figureHeading, sourceLine } from './figure.js';
import type { Handler } from './handler.js';

/** A round step for chart ticks: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((s) => s * power).find((s) => s >= raw) ?? raw;
}

/** What is written beside a bar: its figure, and in the one-line form more after a dot. */
type BarText = { text: string; style: Style; width: number };

/** One series drawn as a panel of bars: its title, a row per data point, an axis. */
interface Panel {
  title: string | undefined;
  rows: { label: Line[]; value: number; texts: BarText[] }[];
  axisMax: number;
  step: number;
  tick: (v: number) => string;
  /** Layout, filled by `layoutPanel`. */
  beside: boolean;
  barMax: number;
  rowHeights: number[];
  height: number;
}

const TITLE_LH = 13;
const TEXT_LH = 10.5;
const AXIS_H = 16;
const PANEL_GAP = 14;

/**
 * A bar chart: the data points' values as one panel of bars and, when the data have shares
 * of the population, those shares as a second panel on a 0-100% axis, from the same data
 * points, so the chart shows both series the source gives. One figure, one alt text.
 */
export const chart: Handler<'chart'> = (block, b, parent, { index }) => {
  const { g, m, lang } = b;
  b.figureCount++;
  // Opening its section, the figure keeps with the heading above it (pages.ts never moves it
  // away from a unit it keeps with), and fits one page with it.
  if (index === 0) b.keepWithNext(NEVER);
  b.beginFloat();
  const figureStart = b.units.length;
  const heading = figureHeading(b, parent, `Figure ${b.figureCount}. `, block.title, index, { id: block.id });
  b.keepWithNext(NEVER);
  const shares = hasShareSeries(block);
  const what = shares ? `${valueSeriesTitle(block)} and ${SHARE_SERIES_TITLE.toLowerCase()}` : valueSeriesTitle(block);
  const captionNode = parent.child('P');
  b.lines([plain(`${what}, ${chartDateLine(block, lang)}`, S.caption)], {
    node: captionNode,
    gap: 1,
    inner: NEVER,
  });
  b.keepWithNext(NEVER);

  const labelWidth = Math.min(
    g.width * 0.3,
    Math.max(...block.data.map((d) => m.string(S.label.face, S.label.size, d.label))),
  );
  const labelCol = labelWidth + 10;
  const labelLines = (label: string) => wrap([plain(label, S.label)], labelWidth, m);
  // Room for the figure on a page, less its title, caption and source line.
  const room = g.bottom - g.top - 110;
  const text = (t: string, style: Style): BarText => ({
    text: t,
    style,
    width: m.string(style.face, style.size, t),
  });

  const maxValue = Math.max(...block.data.map((d) => d.value), 1);
  const valueStep = niceStep(maxValue, 4);
  const panels: Panel[] = [
    {
      title: shares ? valueSeriesTitle(block) : undefined,
      rows: block.data.map((d) => ({
        label: labelLines(d.label),
        value: d.value,
        texts: [text(formatDatumFigure(d, lang), S.value)],
      })),
      axisMax: Math.ceil(maxValue / valueStep) * valueStep,
      step: valueStep,
      tick: (v) => formatNumber(v, lang),
      beside: true,
      barMax: 0,
      rowHeights: [],
      height: 0,
    },
  ];
  if (shares) {
    const withShare = block.data.filter((d) => d.share !== undefined);
    panels.push({
      title: SHARE_SERIES_TITLE,
      rows: withShare.map((d) => ({
        label: labelLines(d.label),
        value: d.share!,
        texts: [text(formatSharePercent(d, lang)!, S.value)],
      })),
      axisMax: 100,
      step: 25,
      tick: (v) => `${formatNumber(v, lang)}%`,
      beside: true,
      barMax: 0,
      rowHeights: [],
      height: 0,
    });
  }
  // Many bars: thinner bars, closer rows.
  const bars = panels.reduce((n, p) => n + p.rows.length, 0);
  const compact = bars * 38 > room;
  // One plot width for every panel, so their bars line up.
  const textWidth = Math.max(0, ...panels.flatMap((p) => p.rows.flatMap((r) => r.texts.map((t) => t.width))));
  for (const panel of panels) layoutPanel(panel, { width: g.width, labelCol, compact, textWidth });
  const naturalHeight = panels.reduce((h, p) => h + p.height, 0) + PANEL_GAP * (panels.length - 1);
  // A figure never runs past the page: one taller than the room is drawn smaller (it is vector).
  // The room is settled once the source line is laid out (below).
  let fit = Math.min(1, room / naturalHeight);
  let figureHeight = naturalHeight * fit;
  const alt = chartAltText(block, lang);
  // The Figure element, made where the figure is first met in reading order (see endFloat),
  // with its box on the page where it is drawn.
  let figureNode: Node | undefined;
  const figure = (top: number) => {
    figureNode ??= parent.child('Figure', {
      alt,
      bbox: [g.left, top, g.left + g.width, top + figureHeight],
    } as PDFKit.Mixins.StructureElementOptions);
    return figureNode;
  };

  const figureUnit = b.units.length;
  b.push({
    height: figureHeight,
    gap: 4,
    breakAfter: NEVER,
    draw: (d, top) => {
      const { doc } = d;
      const node = figure(top);
      const content = doc.markStructureContent('Figure');
      doc.save();
      if (fit < 1) doc.translate(g.left, top).scale(fit).translate(-g.left, -top);
      let panelTop = top;
      for (const panel of panels) {
        drawPanel(doc, b, panel, panelTop, { labelWidth, labelCol, compact });
        panelTop += panel.height + PANEL_GAP;
      }
      doc.restore();
      doc.endMarkedContent();
      node.get().add(content);
    },
  });
  const source = sourceLine(b, parent, block.source);
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
  // A title, caption and source line longer than the usual allowance leave less room, and so
  // does the section's heading when the figure opens the section: the figure shrinks so that
  // it fits one page with them, or a heading would be stranded at the foot of a page and the
  // bars set on the next. (The float, space after included, fits.)
  const around = b.floatHeight() - figureHeight + b.keptAbove(figureStart);
  if (around + figureHeight > g.bottom - g.top) {
    // A hair under the frame, so that rounding never makes the float too tall to float.
    fit = Math.min(fit, Math.max(0, g.bottom - g.top - around - 0.01) / naturalHeight);
    figureHeight = naturalHeight * fit;
    b.units[figureUnit]!.height = figureHeight;
  }
  b.endFloat((topOf) => {
    for (const node of [heading, captionNode, figure(topOf(figureUnit)), source]) node.get();
  });
};

function layoutPanel(panel: Panel, at: { width: number; labelCol: number; compact: boolean; textWidth: number }) {
  const labelLH = leading(S.label, 1.1);
  const barHeight = at.compact ? 10 : 18;
  const rowGap = at.compact ? 5 : 12;
  const { textWidth } = at;
  // Figures beside the bars when there is room, else under them.
  panel.beside = at.width - at.labelCol - textWidth - 8 >= Math.min(160, at.width * 0.4);
  panel.barMax = panel.beside ? at.width - at.labelCol - textWidth - 8 : at.width - at.labelCol;
  panel.rowHeights = panel.rows.map((r) => {
    const bar = panel.beside ? Math.max(barHeight, r.texts.length * TEXT_LH) : barHeight + 3 + r.texts.length * TEXT_LH;
    return Math.max(bar, r.label.length * labelLH) + rowGap;
  });
  const titleHeight = panel.title ? TITLE_LH : 0;
  panel.height = titleHeight + 6 + panel.rowHeights.reduce((a, h) => a + h, 0) + AXIS_H;
}

function drawPanel(
  doc: PDFDoc,
  b: Builder,
  panel: Panel,
  top: number,
  at: { labelWidth: number; labelCol: number; compact: boolean },
) {
  const { g, m } = b;
  const labelLH = leading(S.label, 1.1);
  const barHeight = at.compact ? 10 : 18;
  const rowGap = at.compact ? 5 : 12;
  const x0 = g.left + at.labelCol;
  const scale = panel.barMax / panel.axisMax;
  let y = top;
  if (panel.title) {
    const w = m.string(S.seriesTitle.face, S.seriesTitle.size, panel.title);
    drawText(doc, panel.title, S.seriesTitle, x0, baseline(S.seriesTitle, y, TITLE_LH), w);
    y += TITLE_LH;
  }
  const plotHeight = panel.rowHeights.reduce((a, h) => a + h, 0);
  // Grid and ticks.
  const gridTop = y + 2;
  const gridBottom = y + 6 + plotHeight;
  for (let v = 0; v <= panel.axisMax + 1e-9; v += panel.step) {
    const x = x0 + v * scale;
    doc
      .moveTo(x, gridTop)
      .lineTo(x, gridBottom)
      .lineWidth(v === 0 ? 0.8 : 0.4)
      .strokeColor(v === 0 ? C.muted : C.rule)
      .stroke();
    const label = panel.tick(v);
    const w = m.string(S.tick.face, S.tick.size, label);
    drawText(doc, label, S.tick, Math.max(g.left, Math.min(x - w / 2, g.right - w)), gridBottom + 10, w);
  }
  let rowTop = y + 6 + rowGap / 2;
  panel.rows.forEach((row, i) => {
    const inner = panel.rowHeights[i]! - rowGap;
    const barTop = panel.beside ? rowTop + (inner - barHeight) / 2 : rowTop;
    const barWidth = Math.max(1, row.value * scale);
    doc.rect(x0, barTop, barWidth, barHeight).fillColor(C.accent).fill();
    // Label, vertically centred on the bar.
    let ly = barTop + barHeight / 2 - (row.label.length * labelLH) / 2;
    for (const line of row.label) {
      for (const f of line.fragments) {
        drawText(
          doc,
          f.text,
          f.style,
          g.left + at.labelWidth - line.width + f.x,
          baseline(S.label, ly, labelLH),
          f.width,
        );
      }
      ly += labelLH;
    }
    // The figure: beside the bar's end, centred on it, or under the bar.
    const tx = panel.beside ? x0 + barWidth + 6 : x0;
    const ty = panel.beside ? barTop + barHeight / 2 - (row.texts.length * TEXT_LH) / 2 : barTop + barHeight + 3;
    const tw = Math.max(...row.texts.map((t) => t.width));
    // Keep the grid out from under the figures.
    doc
      .rect(tx - 2, ty - 1, tw + 4, row.texts.length * TEXT_LH + 2)
      .fillColor(C.paper)
      .fill();
    row.texts.forEach((t, k) => {
      drawText(doc, t.text, t.style, tx, baseline(t.style, ty + k * TEXT_LH, TEXT_LH), t.width);
    });
    rowTop += panel.rowHeights[i]!;
  });
}
