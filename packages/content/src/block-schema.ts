import { z } from 'zod';
import { ChartValue, Share } from './figures.js';
import { EMPTY, Href, Id, IsoDate, LIMITS, line, prose } from './primitives.js';

// The report's inline text and its blocks, the part of the schema (schema.ts) a new block
// type is added to.

// ---------------------------------------------------------------------------------------
// Inline text: a tiny typed model. A plain string is the common case; an array of runs
// adds emphasis and links without any markup for renderers to parse.

export const TextRun = z.strictObject({
  type: z.literal('text'),
  text: prose(LIMITS.run),
  emphasis: z.enum(['em', 'strong']).optional(),
});

export const LinkRun = z.strictObject({
  type: z.literal('link'),
  text: prose(LIMITS.run),
  href: Href,
});

export const Run = z.discriminatedUnion('type', [TextRun, LinkRun], {
  error: 'must be a text run ({ type: "text" }) or a link run ({ type: "link" })',
});

export const RichText = z.union(
  [prose(LIMITS.run), z.array(Run).min(1, EMPTY).max(LIMITS.runs, `must have at most ${LIMITS.runs} runs`)],
  { error: 'must be a string or a non-empty array of text/link runs' },
);

// ---------------------------------------------------------------------------------------
// Blocks

/**
 * What the deck shows in place of a text's first sentence, when that sentence alone does not
 * carry the text's facts. Slides only: the PDF always sets the full text. Every number, date,
 * name and place the full text holds should appear in its on-screen line or in the section's
 * other on-screen text; the speaker notes add the explanation.
 */
export const OnScreen = RichText;

export const Paragraph = z.strictObject({
  type: z.literal('paragraph'),
  text: RichText,
  /** The deck's line for this paragraph (slides only; default: its first sentence). */
  onScreen: OnScreen.optional(),
});

export const ListItem = z.strictObject({
  /** Optional lead-in term, shown in bold before the text ("Corruption – ..."). */
  term: line(LIMITS.term).optional(),
  text: RichText,
  /** The deck's line for this item, after its term (slides only; default: its first sentence). */
  onScreen: OnScreen.optional(),
});

export const List = z
  .strictObject({
    type: z.literal('list'),
    ordered: z.boolean().optional(),
    /** Optional sentence introducing the list. */
    intro: RichText.optional(),
    /** The deck's line for the intro (slides only; default: the intro's first sentence). */
    onScreen: OnScreen.optional(),
    items: z
      .array(ListItem)
      .min(1, 'must have at least one item')
      .max(LIMITS.items, `must have at most ${LIMITS.items} items`),
  })
  .superRefine((list, ctx) => {
    if (list.onScreen !== undefined && list.intro === undefined)
      ctx.addIssue({ code: 'custom', path: ['onScreen'], message: 'is the on-screen line of the intro: add an intro' });
  });

export const Datum = z.strictObject({
  label: line(LIMITS.term),
  /**
   * The value in the chart's unit, in full (600000000 with unit "internet users"): the
   * renderers write a large round number in words ("600 million"), as a reader expects.
   */
  value: ChartValue,
  /** How exact the source is: "about 1 billion", "over 600 million". */
  qualifier: z.enum(['about', 'over', 'under', 'exactly']).optional(),
  /**
   * Share of the population, in per cent, when the source gives one. A chart whose data
   * have shares draws them as a second series beside the values, from the same data points.
   */
  share: Share.optional(),
});

export const SourceRef = z.strictObject({
  publisher: line(LIMITS.title),
  title: line(LIMITS.title).optional(),
  url: Href.optional(),
});

export const Chart = z.strictObject({
  type: z.literal('chart'),
  /** Stable id: used for anchors and to cross-reference the chart. */
  id: Id,
  kind: z.literal('bar').default('bar'),
  title: line(LIMITS.heading),
  /**
   * What the chart shows, as a short assertion: the heading of its slide (slides only;
   * default: the title, which stays the figure's label).
   */
  point: line(LIMITS.heading).optional(),
  /** Unit of `value`, plural, read after a number: "internet users" (also the first series' title). */
  unit: line(LIMITS.term),
  /** The date the figures describe; with `reported`, the day the source published them. */
  asOf: IsoDate,
  /**
   * The source gives no date of its own for the figures: `asOf` is the day it reported them,
   * and the chart says "as reported by <publisher> in <month year>" rather than "as of <date>".
   */
  reported: z.boolean().optional(),
  source: SourceRef,
  /** One-sentence description for screen readers; a default is derived from the data when absent. */
  alt: prose(1000).optional(),
  data: z
    .array(Datum)
    .min(1, 'must have at least one data point')
    .max(LIMITS.chartData, `must have at most ${LIMITS.chartData} data points`),
});

export const Callout = z.strictObject({
  type: z.literal('callout'),
  tone: z.enum(['note', 'warning', 'key']).default('note'),
  title: line(LIMITS.heading).optional(),
  text: RichText,
  /** The deck's line for this callout (slides only; default: its first sentence). */
  onScreen: OnScreen.optional(),
});

export const TableColumn = z.strictObject({
  /** The column's heading (the header row repeats it on every page and slide the table spans). */
  header: line(LIMITS.heading),
  /** How the column's cells are aligned; left by default (right suits figures). */
  align: z.enum(['left', 'center', 'right']).optional(),
});

/** Plain text of a cell, for its length limit (text.ts's plainText would be a cycle here). */
const cellLength = (cell: string | { text: string }[]) =>
  typeof cell === 'string' ? cell.length : cell.reduce((n, run) => n + run.text.length, 0);

/** A table cell: rich text like any other, short enough for a table. */
export const TableCell = RichText.refine(
  (cell) => cellLength(cell) <= LIMITS.cell,
  `must be at most ${LIMITS.cell} characters`,
);

export const Table = z
  .strictObject({
    type: z.literal('table'),
    /** What the table shows, as a short heading ("How China and India have responded"). */
    caption: line(LIMITS.heading),
    /**
     * What the table shows, as a short assertion: the heading of its slides (slides only;
     * default: the caption, which stays the table's label).
     */
    point: line(LIMITS.heading).optional(),
    columns: z
      .array(TableColumn)
      .min(2, 'must have at least two columns')
      .max(LIMITS.columns, `must have at most ${LIMITS.columns} columns`),
    rows: z
      .array(z.array(TableCell).min(1, 'must have at least one cell'))
      .min(1, 'must have at least one row')
      .max(LIMITS.rows, `must have at most ${LIMITS.rows} rows`),
    source: SourceRef.optional(),
  })
  .superRefine((table, ctx) => {
    table.rows.forEach((row, r) => {
      if (row.length !== table.columns.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', r],
          message: `must have ${table.columns.length} cells, one per column (has ${row.length})`,
        });
    });
  });

export const Block = z.discriminatedUnion('type', [Paragraph, List, Chart, Callout, Table], {
  error: 'must be a block of type "paragraph", "list", "chart", "callout" or "table"',
});

export type Block = z.output<typeof Block>;
export type BlockType = Block['type'];
/** The block of one type: `BlockOf<'table'>` is a table. */
export type BlockOf<K extends BlockType> = Extract<Block, { type: K }>;
export type Paragraph = z.output<typeof Paragraph>;
export type List = z.output<typeof List>;
export type ListItem = z.output<typeof ListItem>;
export type Chart = z.output<typeof Chart>;
export type Datum = z.output<typeof Datum>;
export type Callout = z.output<typeof Callout>;
export type Table = z.output<typeof Table>;
export type SourceRef = z.output<typeof SourceRef>;
export type TableColumn = z.output<typeof TableColumn>;
export type RichText = z.output<typeof RichText>;
export type Run = z.output<typeof Run>;
export type TextRun = z.output<typeof TextRun>;
export type LinkRun = z.output<typeof LinkRun>;
