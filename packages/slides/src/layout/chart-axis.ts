import { countLines } from './layout.js';
import { roomWidth } from './measure.js';
import { chartBox, nativeChart } from './metrics.js';

// Where a native bar chart's category labels go, so that each label's lines fit its bar's
// row. A viewer lays a chart out itself: LibreOffice wraps a bar chart's category labels at
// the space left of the plot, then gives every category the same share of the plot's height,
// whatever its label's lines need, so long labels in short rows print over each other. When
// that could happen, the PPTX places the plot itself (a manual layout of the plot's inner
// area): left of it a label column measured so that the longest label wraps into the lines
// its row holds, in type made smaller first when the widest column allowed is not enough.

const { labelLine: LABEL_LINE, labelColumn: MAX_COLUMN, viewerLabels, lastResortLabel: LAST_RESORT } = nativeChart;
/** Above the plot, the panel's title (one line of `chartBox.title`, set a little below the frame's top). */
const TITLE_BAND = nativeChart.titleBand * chartBox.title;

/** The width of each of a chart's `panels` (one, or two with the shares of the population), side by side. */
export const panelWidth = (panels: number) => (roomWidth() - chartBox.panelGap * (panels - 1)) / panels;

/** The plot's inner area as fractions of the chart's frame (c:manualLayout, layoutTarget inner). */
export interface PlotArea {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CategoryAxis {
  /** The labels' type size in px. */
  size: number;
  /** Whether every label's lines fit its row (not so for more long labels than any plot holds). */
  fits: boolean;
  /** The plot's inner area, or undefined where the viewer's own layout keeps every label clear. */
  plot?: PlotArea;
  /** The plot's width in px where the PPTX places it. */
  plotWidth?: number;
  /**
   * The labels as the slide shows them, where they do not fit: each cut, with an ellipsis, to
   * the lines its row holds in the widest column at the smallest size (the chart's data sheet,
   * alt text and speaker notes keep every label whole).
   */
  shown?: string[];
}

/**
 * The category labels' size and, where they need it, the plot's place in a panel `width` by
 * `height` px. Labels that each fit on one line in a quarter of the panel, in rows at least a
 * line tall, are left to the viewer (its layout keeps them clear); otherwise the smallest label
 * column (up to half the panel) in which every label wraps into the lines its row holds, at
 * the largest size (from the chart's label size down to its smallest) for which there is one.
 * When there is none, the smallest size in the widest column: the most the panel can hold.
 */
export function categoryAxis(labels: readonly string[], width: number, height: number): CategoryAxis {
  // Each bar's row: the plot's height shared equally.
  const row = (size: number) => bands(size, height).plot / Math.max(1, labels.length);
  const single = chartBox.title;
  if (row(single) >= single * LABEL_LINE && linesAt(labels, single, width * viewerLabels) === 1)
    return { size: single, fits: true };
  for (let size = chartBox.title; size >= chartBox.minLabel; size--) {
    const column = narrowest(labels, size, Math.floor(row(size) / (size * LABEL_LINE)), width * MAX_COLUMN);
    if (column !== undefined) return placed(size, column, width, height, true);
  }
  // More label lines than any plot holds (a dozen bars of long run-on labels under a long
  // caption): each label is cut to its row's lines rather than printed over its neighbours.
  // A presenter keeps a readable chart whose bars still say which is which (the start of a
  // label names it), and the whole names are a click away in the data sheet and in the notes;
  // splitting the chart over slides would part the bars that are compared.
  // Where a row is shorter than a line even at the smallest size (a dozen bars in a plot
  // squeezed under a long heading and caption), the type goes smaller still, so each label's
  // one line stays in its row: small print rather than labels printed over each other.
  let size: number = chartBox.minLabel;
  while (size > LAST_RESORT && row(size) < size * LABEL_LINE) size--;
  const column = width * MAX_COLUMN;
  const lines = Math.max(1, Math.floor(row(size) / (size * LABEL_LINE)));
  return { ...placed(size, column, width, height, false), shown: labels.map((l) => cutTo(l, size, column, lines)) };
}

/**
 * `text` as it fits `lines` lines `width` px wide at `size`: whole, or its longest start
 * (whole characters, white space at its end dropped) followed by an ellipsis that does.
 */
export function cutTo(text: string, size: number, width: number, lines: number): string {
  const style = { fontSize: size, line: size, width };
  if (countLines([{ text }], style) <= lines) return text;
  const chars = [...text];
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
  // A longer start never takes fewer lines, so the search halves.
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (countLines([{ text: cut(mid) }], style) <= lines) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}

const ELLIPSIS = '\u2026';

/**
 * The size of a chart's panel titles: the largest, from `chartBox.title` down to
 * `chartBox.minLabel` in whole px, at which every one of `titles` fits one line `width` px
 * wide, the same for all of them; the least when even that is too large (cutTo then shortens
 * the title). A narrow panel (two side by side on a 4:3 template) used to cut "Share of the
 * population" to "Share of the pop…" at the full size.
 */
export function panelTitleSize(titles: readonly string[], width: number): number {
  for (let size = chartBox.title; size > chartBox.minLabel; size--) if (linesAt(titles, size, width) === 1) return size;
  return chartBox.minLabel;
}

/** Lines of the longest label in a column `width` px wide at `size`. */
const linesAt = (labels: readonly string[], size: number, width: number) =>
  Math.max(1, ...labels.map((text) => countLines([{ text }], { fontSize: size, line: size, width })));

/**
 * The narrowest whole-pixel column up to `widest` in which every label takes at most `lines`
 * lines at `size`, or undefined. Wrapping a text greedily into a wider column never takes
 * more lines, so the search halves.
 */
function narrowest(labels: readonly string[], size: number, lines: number, widest: number): number | undefined {
  if (lines < 1 || linesAt(labels, size, widest) > lines) return undefined;
  let low = 1;
  let high = Math.floor(widest);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (linesAt(labels, size, mid) <= lines) high = mid;
    else low = mid + 1;
  }
  return high;
}

const fraction = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * A panel's height in three: the title's band on top, a little room at the bottom, and the plot
 * between them; in a panel too short for the whole band (a plot squeezed under a long heading
 * and caption) the title keeps half the height and the room a quarter, so the plot stays
 * inside the frame.
 */
function bands(size: number, height: number): { top: number; plot: number } {
  const top = Math.min(TITLE_BAND, height / 2);
  const bottom = Math.min(size / 2, height / 4);
  return { top, plot: height - top - bottom };
}

/**
 * The plot right of a label column `column` px wide (and a gap of the labels' size, where the
 * viewer sets them off the axis), under the title's band, to the frame's right and bottom
 * edges less a little room.
 */
function placed(size: number, column: number, width: number, height: number, fits: boolean): CategoryAxis {
  const left = column + size;
  const right = size / 2;
  const { top, plot: tall } = bands(size, height);
  const plot = {
    x: fraction(left / width),
    y: fraction(top / height),
    w: fraction((width - left - right) / width),
    h: fraction(tall / height),
  };
  return { size, fits, plot, plotWidth: plot.w * width };
}
