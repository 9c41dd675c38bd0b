import { type Table, toRuns } from '@briefing/content';
import {
  CONTINUED,
  countLines,
  headingHeight,
  lineWidth,
  SAFETY,
  type Segment,
  segmentsOf,
  type TextStyle,
} from './layout.js';
import { roomHeight, roomWidth } from './measure.js';
import { lineHeight, table as metrics } from './metrics.js';
import { pack } from './pack.js';

/**
 * The measured rule for a table on slides. Column widths share the content width in
 * proportion to each column's longest content (its header or a cell, on one line), with a
 * minimum of half an equal share, rounded to whole `widthStep` percents that add up to 100.
 * A cell's height is its line count at the table's type size in its column's width (the same
 * word-by-word layout as all slide text, measured in the embedded fonts) plus padding; a
 * row's height is its tallest cell plus its rule. The type size is the largest, from `size`
 * down to `minSize`, at which the header and the tallest row fit under a continuation heading
 * with the source line, so no row is ever split and no slide overflows. Rows are packed
 * onto slides like text units.
 */
export interface TableLayout {
  /** Type size of header and cells, px. */
  fontSize: number;
  /** Column widths in percent of the content width: multiples of `widthStep`, sum 100. */
  widths: number[];
  headerHeight: number;
  rowHeights: number[];
  /** Row indices on each slide, in order. */
  slides: number[][];
}

const headerSegments = (header: string): Segment[] => [{ text: header, bold: true }];

/** Width of text on one line, in em, measured in the faces it is drawn in (layout.ts). */
function oneLine(segments: readonly Segment[]): number {
  return lineWidth(segments, 1);
}

/** Column widths in percent (see TableLayout.widths). */
export function columnWidths(block: Table): number[] {
  const n = block.columns.length;
  const natural = block.columns.map((column, c) =>
    Math.max(
      1,
      oneLine(headerSegments(column.header)),
      ...block.rows.map((row) => oneLine(segmentsOf(toRuns(row[c] ?? '')))),
    ),
  );
  // Proportional shares; a column under the minimum gets the minimum and the others share the rest.
  const min = 1 / (2 * n);
  const pinned = new Set<number>();
  let shares: number[] = [];
  for (;;) {
    const free = natural.reduce((sum, w, c) => (pinned.has(c) ? sum : sum + w), 0);
    const rest = 1 - pinned.size * min;
    shares = natural.map((w, c) => (pinned.has(c) ? min : (rest * w) / free));
    const under = shares.findIndex((s, c) => !pinned.has(c) && s < min);
    if (under < 0) break;
    pinned.add(under);
  }
  // Whole steps: floor each share, then hand the steps left over to the largest remainders.
  const step = metrics.widthStep;
  const exact = shares.map((s) => (s * 100) / step);
  const steps = exact.map(Math.floor);
  const left = 100 / step - steps.reduce((a, b) => a + b, 0);
  const order = exact.map((e, c) => ({ c, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.c - b.c);
  for (let i = 0; i < left; i++) steps[(order[i % n] as { c: number }).c]! += 1;
  return steps.map((s) => s * step);
}

/** The style of a cell's text at a type size in a column of `percent` of the content width (the plan's room's). */
export function cellStyle(fontSize: number, percent: number): TextStyle {
  // Padding on both sides, and a pixel either side for the collapsed borders and rounding.
  return { fontSize, line: fontSize * lineHeight.table, width: (roomWidth() * percent) / 100 - 2 * metrics.padX - 2 };
}

function rowHeight(cells: Segment[][], widths: readonly number[], fontSize: number, rule: number): number {
  const tallest = Math.max(
    ...cells.map((segments, c) => {
      const style = cellStyle(fontSize, widths[c] as number);
      return countLines(segments, style) * style.line;
    }),
  );
  return tallest + 2 * metrics.padY + rule;
}

/**
 * Room for body rows on a table slide: the content height less the heading (the first slide's
 * or a continuation's), the header row, the source line and the safety margin.
 */
export function rowRoom(
  caption: string,
  headerHeight: number,
  sourceHeight: number,
  top = 0,
): (index: number) => number {
  const above = top + SAFETY + headerHeight + sourceHeight;
  const room = roomHeight();
  const first = room - headingHeight(caption) - above;
  const rest = room - headingHeight(caption + CONTINUED) - above;
  return (index) => (index === 0 ? first : rest);
}

/**
 * Lay a table out on slides (see TableLayout). `sourceHeight` is the height of its source
 * line, 0 without one; `top` what the slide shows above its heading (a kicker), 0 for nothing.
 */
export function layoutTable(block: Table, sourceHeight: number, top = 0): TableLayout {
  const widths = columnWidths(block);
  const header = block.columns.map((column) => headerSegments(column.header));
  const cells = block.rows.map((row) => row.map((cell) => segmentsOf(toRuns(cell))));
  const at = (fontSize: number) => {
    const headerHeight = rowHeight(header, widths, fontSize, metrics.headRule);
    const rowHeights = cells.map((row) => rowHeight(row, widths, fontSize, metrics.rowRule));
    const room = rowRoom(block.point ?? block.caption, headerHeight, sourceHeight, top);
    return { fontSize, widths, headerHeight, rowHeights, room, fits: Math.max(...rowHeights) <= room(1) };
  };
  let chosen = at(metrics.size);
  for (let fontSize = metrics.size - 1; !chosen.fits && fontSize >= metrics.minSize; fontSize--) {
    chosen = at(fontSize);
  }
  const slidesOf = (layout: ReturnType<typeof at>) =>
    pack(
      layout.rowHeights.map((height, index) => ({ height, index })),
      layout.room,
    ).map((slide) => slide.map((row) => row.index));
  let slides = slidesOf(chosen);
  // A table that would spill onto more slides is set a little smaller instead, down to
  // `oneSlideSize`, when that at least halves its continuation slides: so it can be read whole,
  // or (on a template's narrow body area, where three rows would otherwise take a slide each)
  // on a slide or two. The largest size that does it; a long table keeps its size.
  const smaller: { layout: ReturnType<typeof at>; slides: number[][] }[] = [];
  let least = slides.length;
  for (let fontSize = chosen.fontSize - 1; least > 1 && fontSize >= metrics.oneSlideSize; fontSize--) {
    const layout = at(fontSize);
    smaller.push({ layout, slides: slidesOf(layout) });
    least = Math.min(least, smaller.at(-1)?.slides.length ?? least);
  }
  const best = smaller.find((s) => s.slides.length === least);
  if (best && least < slides.length && (least - 1) * 2 <= slides.length - 1) {
    chosen = best.layout;
    slides = best.slides;
  }
  const { room: _room, fits: _fits, ...layout } = chosen;
  return { ...layout, slides };
}
