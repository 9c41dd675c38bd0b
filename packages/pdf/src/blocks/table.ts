import type { TableColumn } from '@briefing/content';
import { addSpaceAfter, type Builder, type DrawUnit } from '../builder.js';
import { artifact, baseline, drawLine, drawText, LinkTracker, type Node, pieces, plain } from '../draw.js';
import { FREE, NEVER, SPLIT, WIDOW } from '../paginate.js';
import { C, leading, S, SPACE } from '../styles.js';
import { type Line, wrap } from '../text-layout.js';
import { figureHeading, sourceLine } from './figure.js';
import type { Handler } from './handler.js';

/** Padding inside a cell, horizontal and vertical. */
const PAD_X = 5;
const PAD_Y = 4;
/** No column narrower than this, however short its content. */
const MIN_COLUMN = 56;

/**
 * Column widths: each column's share of the text width follows the widest of its contents on
 * one line (capped, so one long cell does not starve the others), never below MIN_COLUMN.
 */
function columnWidths(b: Builder, natural: number[]): number[] {
  const width = b.g.width;
  const capped = natural.map((w) => Math.min(Math.max(w + 2 * PAD_X, MIN_COLUMN), width * 0.6));
  const total = capped.reduce((a, w) => a + w, 0);
  if (total <= width) {
    // Room to spare: the spare goes to the columns in proportion to their content.
    return capped.map((w) => (w / total) * width);
  }
  // Shrink the columns wider than the minimum, in proportion, until the table fits.
  const spare = total - width;
  const shrinkable = capped.reduce((a, w) => a + (w - MIN_COLUMN), 0);
  return capped.map((w) => w - ((w - MIN_COLUMN) / shrinkable) * spare);
}

interface LaidRow {
  lines: Line[][];
  height: number;
}

/** X offset of a line in its cell, by the column's alignment. */
function alignedX(column: TableColumn, line: Line, x: number, width: number): number {
  const room = width - 2 * PAD_X - line.width;
  return x + PAD_X + (column.align === 'right' ? room : column.align === 'center' ? room / 2 : 0);
}

/**
 * A ruled table: "Table N." heading, a header row in the accent tint, one unit per body row
 * (a row splits across pages only when it is taller than a page), the header drawn again at the top of every page the
 * table continues on, and the source line. Tagged Table > TR > TH (Scope Column) / TD; the
 * repeated headers are artifacts, so a screen reader meets the header once.
 */
export const table: Handler<'table'> = (block, b, parent, { index }) => {
  const { g, m } = b;
  b.tableCount++;
  const number = `Table ${b.tableCount}. `;
  // Opening its section, the table keeps with the heading above it (pages.ts never moves it
  // away from a unit it keeps with); too tall for a page with it, it stays in the text.
  if (index === 0) b.keepWithNext(NEVER);
  b.beginFloat();
  const heading = figureHeading(b, parent, number, block.caption, index);

  const headerPieces = block.columns.map((c) => [plain(c.header, S.cellHeader)]);
  const cellPieces = block.rows.map((row) => row.map((cell) => pieces(cell, 'cell')));
  const oneLine = (ps: ReturnType<typeof pieces>) =>
    ps.reduce((w, p) => w + m.string(p.style.face, p.style.size, p.text), 0);
  const natural = block.columns.map((_, c) =>
    Math.max(oneLine(headerPieces[c]!), ...cellPieces.map((row) => oneLine(row[c]!))),
  );
  const widths = columnWidths(b, natural);
  const xs = widths.map((_, c) => g.left + widths.slice(0, c).reduce((a, w) => a + w, 0));
  const bodyLH = leading(S.cell, 1.15);
  const headLH = leading(S.cellHeader, 1.15);
  const lay = (cells: ReturnType<typeof pieces>[], lh: number): LaidRow => {
    const lines = cells.map((ps, c) => wrap(ps, widths[c]! - 2 * PAD_X, m));
    return { lines, height: Math.max(...lines.map((l) => l.length)) * lh + 2 * PAD_Y };
  };
  const head = lay(headerPieces, headLH);
  const rows = cellPieces.map((cells) => lay(cells, bodyLH));

  const frame = g.bottom - g.top;
  const T = parent.child('Table');
  const drawCells = (
    d: Parameters<DrawUnit['draw']>[0],
    top: number,
    row: LaidRow,
    lh: number,
    cells: Node[] | null,
    from = 0,
    to = Number.POSITIVE_INFINITY,
  ) => {
    // Lines `from` to `to` of the row: the padding above only where the row starts.
    const pad = from === 0 ? PAD_Y : 0;
    row.lines.forEach((all, c) => {
      const node = cells?.[c];
      const lines = all.slice(from, to);
      const links = node && lines.length > 0 ? new LinkTracker(node) : undefined;
      lines.forEach((line, k) => {
        const x = alignedX(block.columns[c]!, line, xs[c]!, widths[c]!);
        const y = top + pad + k * lh;
        if (node && links) drawLine(d, line, x, y, lh, node, links);
        else
          artifact(
            d.doc,
            () => {
              for (const f of line.fragments)
                drawText(d.doc, f.text, f.style, x + f.x, baseline(f.style, y, lh), f.width);
            },
            'Pagination',
          );
      });
      if (links) links.close(d);
    });
  };
  const headerBand = (d: Parameters<DrawUnit['draw']>[0], top: number) =>
    artifact(d.doc, () => {
      d.doc.rect(g.left, top, g.width, head.height).fillColor(C.panel).fill();
      d.doc
        .moveTo(g.left, top + head.height)
        .lineTo(g.right, top + head.height)
        .lineWidth(0.8)
        .strokeColor(C.accent)
        .stroke();
    });

  // The header row: tagged once, here, and kept with the first body row.
  const headTR = T.child('TR');
  const headCells = block.columns.map(() =>
    headTR.child('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions),
  );
  b.push({
    height: head.height,
    gap: 6,
    breakAfter: NEVER,
    draw: (d, top) => {
      headerBand(d, top);
      drawCells(d, top, head, headLH, headCells);
    },
  });
  // Drawn above a row that starts a page: "Table N. Caption (continued)" and the header, as
  // page artifacts (a screen reader meets the caption and the header once, where they stand).
  const continued = b.features.tables ? continuedCaption(b, `${number}${block.caption} (continued)`) : undefined;
  const repeat = {
    height: head.height + (continued?.height ?? 0),
    draw: (d: Parameters<DrawUnit['draw']>[0], top: number) => {
      continued?.draw(d, top);
      const headTop = top + (continued?.height ?? 0);
      headerBand(d, headTop);
      drawCells(d, headTop, head, headLH, null);
    },
  };
  rows.forEach((row, r) => {
    const TR = T.child('TR');
    const cells = block.columns.map(() => TR.child('TD'));
    // Split only between rows, leaving two rows or more on each page (when it has four or more),
    // and never between the last row and the source line.
    const lastTwo = r === 0 || r === rows.length - 2;
    const breakAfter = !b.features.tables ? FREE : r === rows.length - 1 ? NEVER : lastTwo ? WIDOW : FREE;
    const rule = (d: Parameters<DrawUnit['draw']>[0], y: number) =>
      artifact(d.doc, () => {
        d.doc
          .moveTo(g.left, y)
          .lineTo(g.right, y)
          .lineWidth(r === rows.length - 1 ? 0.8 : 0.4)
          .strokeColor(r === rows.length - 1 ? C.accent : C.rule)
          .stroke();
      });
    if (row.height <= frame - repeat.height) {
      b.push({
        height: row.height,
        gap: 0,
        breakAfter,
        repeat,
        draw: (d, top) => {
          drawCells(d, top, row, bodyLH, cells);
          rule(d, top + row.height);
        },
      });
      return;
    }
    // A row taller than a page under its repeated header would run off the foot: it goes
    // line by line instead, each line a unit that may start a page under the header, kept
    // two lines a side, and its rule under the last line. The first of its lines on a page
    // draws all of them there, cell by cell, so each cell's text reads in one piece a page.
    const count = Math.max(...row.lines.map((l) => l.length));
    const firstUnit = b.units.length;
    for (let k = 0; k < count; k++) {
      const first = k === 0;
      const last = k === count - 1;
      const height = bodyLH + (first ? PAD_Y : 0) + (last ? PAD_Y : 0);
      b.push({
        height,
        gap: 0,
        breakAfter: last ? breakAfter : k === 0 || k === count - 2 ? NEVER : SPLIT,
        repeat,
        draw: (d, top) => {
          if (first || d.pageOf(firstUnit + k - 1) !== d.page) {
            let to = k + 1;
            while (to < count && d.pageOf(firstUnit + to) === d.page) to++;
            drawCells(d, top, row, bodyLH, cells, k, to);
          }
          if (last) rule(d, top + height);
        },
      });
    }
  });
  const source = block.source ? sourceLine(b, parent, block.source) : undefined;
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
  b.endFloat(() => {
    for (const node of [heading, T, ...(source ? [source] : [])]) node.get();
  });
};

/** The caption again, as a page artifact, above a table's rows continued on a new page. */
function continuedCaption(b: Builder, text: string) {
  const { g, m } = b;
  const lines = wrap([plain(text, S.h3)], g.width, m);
  const lh = leading(S.h3);
  return {
    height: lines.length * lh + 6,
    draw: (d: Parameters<DrawUnit['draw']>[0], top: number) =>
      artifact(
        d.doc,
        () => {
          lines.forEach((line, k) => {
            for (const f of line.fragments)
              drawText(d.doc, f.text, f.style, g.left + f.x, baseline(f.style, top + k * lh, lh), f.width);
          });
        },
        'Pagination',
      ),
  };
}
