import {
  type Block,
  type Callout,
  type Chart,
  chartAltText,
  formatDate,
  formatDatumShare,
  formatDatumValue,
  formatNumber,
  type List,
  type Paragraph,
} from '@briefing/content';
import { normaliseText } from './coverage.js';
import { artifact, type Builder, baseline, drawText, type Node, type Panel, pieces, plain } from './draw.js';
import { FREE, NEVER, SPLIT } from './paginate.js';
import { C, leading, S, SPACE } from './styles.js';
import { type Piece, type Style, wrap } from './text-layout.js';

// ---------------------------------------------------------------------------------------
// Blocks: one handler per block type; a new type in the schema is a compile error here.

export type Handler<B extends Block = Block> = (b: Builder, block: B, parent: Node, ctx: { index: number }) => void;

export const paragraph: Handler<Paragraph> = (b, block, parent, { index }) => {
  b.lines(pieces(block.text), {
    node: parent.child('P'),
    gap: index === 0 ? 0 : SPACE.paragraph,
  });
};

export const list: Handler<List> = (b, block, parent, { index }) => {
  const gap = index === 0 ? 0 : SPACE.paragraph;
  if (block.intro) {
    b.lines(pieces(block.intro), { node: parent.child('P'), gap });
    b.keepWithLines(2);
  }
  const L = parent.child('L', {});
  listItems(
    b,
    L,
    block.items.map((item) => [...(item.term ? [plain(`${item.term}: `, S.bodyBold)] : []), ...pieces(item.text)]),
    { ordered: block.ordered ?? false, gap: block.intro ? SPACE.item : gap },
  );
};

export function listItems(
  b: Builder,
  L: Node,
  items: Piece[][],
  opts: {
    ordered: boolean;
    gap: number;
    x?: number;
    width?: number;
    panel?: Panel | undefined;
    /** A named destination for each item (the sources list: `briefing.pdf#<source-id>`). */
    anchors?: string[];
  },
) {
  const x = opts.x ?? b.g.left;
  const width = opts.width ?? b.g.width;
  const indent = opts.ordered ? 20 : 15;
  items.forEach((item, i) => {
    const LI = L.child('LI');
    const label = opts.ordered ? `${i + 1}.` : '•';
    const lbl = LI.child('Lbl');
    b.lines(item, {
      node: LI.child('LBody'),
      x: x + indent,
      width: width - indent,
      gap: i === 0 ? opts.gap : SPACE.item,
      inner: SPLIT,
      panel: opts.panel,
      anchor: opts.anchors?.[i] ? { id: opts.anchors[i] } : undefined,
      label: (d, top, lh) => {
        const style = opts.ordered ? S.tocNumber : S.bullet;
        const content = d.doc.markStructureContent('Lbl');
        drawText(d.doc, label, style, x, baseline(style, top, lh), b.m.string(style.face, style.size, label));
        d.doc.endMarkedContent();
        lbl.get().add(content);
      },
    });
  });
}

export const callout: Handler<Callout> = (b, block, parent, { index }) => {
  const barColor = { key: C.accent, warning: C.highlight, note: C.muted }[block.tone];
  const pad = SPACE.panelPad;
  const panel: Panel = {
    fill: C.panel,
    bar: { color: barColor, side: 'left' },
    x: b.g.left,
    width: b.g.width,
    padTop: pad,
    padBottom: pad,
  };
  const div = parent.child('Div');
  const inner = { x: b.g.left + pad + 4, width: b.g.width - 2 * pad - 4 };
  const gap = (index === 0 ? 0 : SPACE.block) + pad;
  if (block.title) {
    b.lines([plain(block.title, S.h3)], { node: div.child('H3'), ...inner, gap, inner: NEVER, panel });
    b.keepWithLines(2);
  }
  const units = b.lines(pieces(block.text), {
    node: div.child('P'),
    ...inner,
    gap: block.title ? 4 : gap,
    inner: SPLIT,
    panel,
  });
  // The panel's bottom padding belongs to its last line, so the page breaker makes room for it.
  const last = units[units.length - 1]!;
  last.height += pad;
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
};

/** Extra space before whatever comes next. */
export function addSpaceAfter(b: Builder, space: number) {
  b.units.push({ height: 0, gap: space, breakAfter: FREE, draw: () => {} });
}

/** A round step for chart ticks: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((s) => s * power).find((s) => s >= raw) ?? raw;
}

export const chart: Handler<Chart> = (b, block, parent, { index }) => {
  const { g, m, lang } = b;
  b.figureCount++;
  const anchor = { id: block.id };
  b.lines([plain(`Figure ${b.figureCount}. `, S.h3), plain(block.title, S.h3)], {
    node: parent.child('H3'),
    gap: (index === 0 ? 0 : SPACE.block + 4) + 10,
    inner: NEVER,
    anchor,
    // A rule above the figure, as the figures of a printed brief have.
    label: (d, top) =>
      artifact(d.doc, () => {
        d.doc
          .rect(g.left, top - 9, g.width, 1.2)
          .fillColor(C.accent)
          .fill();
      }),
  });
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
  const src = block.source;
  const sourcePieces: Piece[] = [plain('Source: ', S.caption), plain(src.publisher, S.caption)];
  if (src.title) {
    sourcePieces.push(plain(', ', S.caption));
    const title = `“${src.title}”`;
    sourcePieces.push(
      src.url
        ? plain(title, S.captionLink, { kind: 'uri', href: src.url, label: `${src.title} (${src.url})` })
        : plain(title, S.caption),
    );
  }
  sourcePieces.push(plain('.', S.caption));
  const sourceUnits = b.lines(sourcePieces, { node: parent.child('P'), gap: 6, inner: NEVER });
  const lastSource = sourceUnits[sourceUnits.length - 1]!;
  const drawSource = lastSource.draw;
  lastSource.height += 7;
  lastSource.draw = (d, top) => {
    drawSource(d, top);
    artifact(d.doc, () => {
      const y = top + lastSource.height - 0.5;
      d.doc.moveTo(g.left, y).lineTo(g.right, y).lineWidth(0.5).strokeColor(C.rule).stroke();
    });
  };
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
};

export const handlers = { paragraph, list, chart, callout } satisfies Record<Block['type'], Handler<never>>;

export function block(b: Builder, blk: Block, parent: Node, index: number) {
  (handlers[blk.type] as Handler)(b, blk, parent, { index });
}
