import { chartAltText, formatDate, formatDatumShare, formatDatumValue, formatNumber } from '@briefing/content';
import { addSpaceAfter } from '../builder.js';
import { normaliseText } from '../coverage.js';
import { baseline, drawText, plain } from '../draw.js';
import { NEVER } from '../paginate.js';
import { C, leading, S, SPACE } from '../styles.js';
import { type Style, wrap } from '../text-layout.js';
import { figureHeading, sourceLine } from './figure.js';
import type { Handler } from './handler.js';

/** A round step for chart ticks: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((s) => s * power).find((s) => s >= raw) ?? raw;
}

export const chart: Handler<'chart'> = (block, b, parent, { index }) => {
  const { g, m, lang } = b;
  b.figureCount++;
  figureHeading(b, parent, `Figure ${b.figureCount}. `, block.title, index, { id: block.id });
  b.keepWithNext(NEVER);
  const unitCaption = `${block.unit[0]!.toUpperCase()}${block.unit.slice(1)}, as of ${formatDate(block.asOf, lang)}`;
  b.lines([plain(unitCaption, S.caption)], { node: parent.child('P'), gap: 1, inner: NEVER });
  b.keepWithNext(NEVER);

  // Geometry of the bars: labels | bars | values and shares, one row per data point.
  const n = block.data.length;
  const labels = block.data.map((d) => normaliseText(d.label));
  const values = block.data.map((d) => normaliseText(formatDatumValue(d, block, lang)));
  const shares = block.data.map((d) => {
    const s = formatDatumShare(d, lang);
    return s ? normaliseText(s) : undefined;
  });
  const labelWidth = Math.min(g.width * 0.3, Math.max(...labels.map((l) => m.string(S.label.face, S.label.size, l))));
  const labelCol = labelWidth + 10;
  const labelLH = leading(S.label, 1.1);
  const labelLines = labels.map((l) => wrap([plain(l, S.label)], labelWidth, m));
  // Room for the figure on a page, less its title, caption and source line.
  const room = g.bottom - g.top - 110;
  // Many bars: one line of text per bar ("value · share") and thinner bars.
  const compact = n * 38 > room;
  const texts: { text: string; style: Style }[][] = block.data.map((_, i) =>
    compact
      ? [{ text: shares[i] ? `${values[i]} · ${shares[i]}` : values[i]!, style: S.value }]
      : [{ text: values[i]!, style: S.value }, ...(shares[i] ? [{ text: shares[i]!, style: S.share }] : [])],
  );
  const textWidth = (t: { text: string; style: Style }) => m.string(t.style.face, t.style.size, t.text);
  const valueWidth = Math.max(...texts.flat().map(textWidth));
  // Values beside the bars when there is room, else under them (wrapped to the plot width).
  const beside = g.width - labelCol - valueWidth - 8 >= Math.min(160, g.width * 0.4);
  const plotWidth = g.width - labelCol;
  const rows = texts.map((row) =>
    beside
      ? row.map((t) => ({ ...t, width: textWidth(t) }))
      : row.flatMap((t) =>
          wrap([plain(t.text, t.style)], plotWidth, m).map((line) => ({
            text: line.fragments.map((f) => f.text).join(''),
            style: t.style,
            width: line.width,
          })),
        ),
  );
  const barMax = beside ? g.width - labelCol - valueWidth - 8 : plotWidth;
  const barHeight = compact ? 10 : 20;
  const textLH = 10.5;
  const rowGap = compact ? 5 : 16;
  const rowHeights = rows.map((row, i) => {
    const bar = beside ? Math.max(barHeight, row.length * textLH) : barHeight + 3 + row.length * textLH;
    return Math.max(bar, labelLines[i]!.length * labelLH) + rowGap;
  });
  const plotHeight = rowHeights.reduce((a, h) => a + h, 0);
  const maxValue = Math.max(...block.data.map((d) => d.value), 1);
  const step = niceStep(maxValue, 4);
  const axisMax = Math.ceil(maxValue / step) * step;
  const axisHeight = 16;
  const naturalHeight = 6 + plotHeight + axisHeight;
  // A figure never runs past the page: one taller than the room is drawn smaller (it is vector).
  const fit = Math.min(1, room / naturalHeight);
  const figureHeight = naturalHeight * fit;
  const alt = chartAltText(block, lang);

  b.push({
    height: figureHeight,
    gap: 4,
    breakAfter: NEVER,
    draw: (d, top) => {
      const { doc } = d;
      const x0 = g.left + labelCol;
      const scale = barMax / axisMax;
      const figure = parent.child('Figure', {
        alt,
        bbox: [g.left, top, g.left + g.width, top + figureHeight],
      } as PDFKit.Mixins.StructureElementOptions);
      const content = doc.markStructureContent('Figure');
      doc.save();
      if (fit < 1) doc.translate(g.left, top).scale(fit).translate(-g.left, -top);
      // Grid and ticks.
      const gridTop = top + 2;
      const gridBottom = top + 6 + plotHeight;
      for (let v = 0; v <= axisMax + 1e-9; v += step) {
        const x = x0 + v * scale;
        doc
          .moveTo(x, gridTop)
          .lineTo(x, gridBottom)
          .lineWidth(v === 0 ? 0.8 : 0.4)
          .strokeColor(v === 0 ? C.muted : C.rule)
          .stroke();
        const label = formatNumber(v, lang);
        const w = m.string(S.tick.face, S.tick.size, label);
        drawText(doc, label, S.tick, Math.min(x - w / 2, g.right - w), gridBottom + 10, w);
      }
      let rowTop = top + 6 + rowGap / 2;
      block.data.forEach((datum, i) => {
        const row = rows[i]!;
        const inner = rowHeights[i]! - rowGap;
        const barTop = beside ? rowTop + (inner - barHeight) / 2 : rowTop;
        const barWidth = Math.max(1, datum.value * scale);
        doc.rect(x0, barTop, barWidth, barHeight).fillColor(C.accent).fill();
        // Label, vertically centred on the bar.
        const ll = labelLines[i]!;
        let ly = barTop + barHeight / 2 - (ll.length * labelLH) / 2;
        for (const line of ll) {
          for (const f of line.fragments) {
            drawText(
              doc,
              f.text,
              f.style,
              g.left + labelWidth - line.width + f.x,
              baseline(S.label, ly, labelLH),
              f.width,
            );
          }
          ly += labelLH;
        }
        // Values and shares: beside the bar's end, centred on it, or under the bar.
        const tx = beside ? x0 + barWidth + 6 : x0;
        const ty = beside ? barTop + barHeight / 2 - (row.length * textLH) / 2 : barTop + barHeight + 3;
        const tw = Math.max(...row.map((t) => t.width));
        // Keep the grid out from under the figures.
        doc
          .rect(tx - 2, ty - 1, tw + 4, row.length * textLH + 2)
          .fillColor(C.paper)
          .fill();
        row.forEach((t, k) => {
          drawText(doc, t.text, t.style, tx, baseline(t.style, ty + k * textLH, textLH), t.width);
        });
        rowTop += rowHeights[i]!;
      });
      doc.restore();
      doc.endMarkedContent();
      figure.get().add(content);
    },
  });
  sourceLine(b, parent, block.source);
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
};
