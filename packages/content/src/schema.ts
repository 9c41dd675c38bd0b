import { z } from 'zod';

/**
 * The one schema every briefing is written against. Renderers only ever see a value
 * that passed it, so they never parse an author's markup or guess at missing fields.
 *
 * Limits are generous enough for a long report (see the stress tests) and tight
 * enough to catch a paste gone wrong.
 */
export const LIMITS = {
  title: 200,
  shortTitle: 60,
  heading: 200,
  term: 120,
  run: 20_000,
  runs: 200,
  takeaways: 12,
  sections: 200,
  blocks: 200,
  items: 500,
  notes: 50,
  sources: 200,
  chartData: 24,
  keywords: 20,
  /** Table shape: columns, body rows, and the characters of one cell. */
  columns: 6,
  rows: 100,
  cell: 600,
} as const;

const EMPTY = 'must not be empty';

/**
 * Characters no report may hold, in any string field: C0 controls but tab, line feed and
 * carriage return (`line` fields refuse those two on their own), DEL, C1 controls, the bidi
 * embedding/override/isolate controls (they reorder the text around them in every output and
 * in the terminal; the bidi *marks* U+200E, U+200F and U+061C stay allowed), and lone UTF-16
 * surrogates (half a character, which no font, PDF string or UTF-8 file can hold).
 * With the `u` flag a surrogate range matches only unpaired halves.
 */
export const FORBIDDEN_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

/** The same set as a whole-string pattern: zod checks it and it appears in the JSON Schema for editors. */
const ALLOWED_TEXT = new RegExp(`^[^${FORBIDDEN_CHARACTER.source.slice(1, -1)}]*$`, 'u');

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a string that fails ALLOWED_TEXT, naming the first offending character, escaped. */
export function forbiddenCharacterMessage(text: string): string {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (!match) return 'must not contain control characters';
  const code = match[0].codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff) return `must not contain a lone surrogate ${hex(code)}`;
  if (code >= 0x202a) return `must not contain the bidi control character ${hex(code)}`;
  return `must not contain the control character ${hex(code)}`;
}

/**
 * Every string of the schema starts here, so the character rule holds by construction for
 * every field, present and future.
 */
const text = () =>
  z.string({ error: 'must be a string' }).regex(ALLOWED_TEXT, {
    error: (issue) => (typeof issue.input === 'string' ? forbiddenCharacterMessage(issue.input) : undefined),
  });

/** A non-empty line of text: no leading/trailing blanks, no line breaks, at most `max` characters. */
const line = (max: number) =>
  text()
    .min(1, EMPTY)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, EMPTY)
    .refine((s) => s === s.trim(), 'must not start or end with white space')
    .refine((s) => !/[\r\n]/.test(s), 'must be a single line');

/** A non-empty run of prose (no layout control: line breaks are white space to every renderer). */
const prose = (max: number) =>
  text()
    .min(1, EMPTY)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, EMPTY);

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Id = text()
  .min(1, EMPTY)
  .max(80, 'must be at most 80 characters')
  .regex(KEBAB, 'must be kebab-case (lower-case letters, digits and single hyphens)');

/** Calendar date, `YYYY-MM-DD`, and a real day (no 2024-02-30). */
export const IsoDate = z.iso.date({ error: 'must be a valid ISO date (YYYY-MM-DD)' });

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Only http(s) and mailto links: a `javascript:` or `data:` link never reaches a renderer. */
export const Href = text()
  .min(1, EMPTY)
  .max(2048, 'must be at most 2048 characters')
  .refine((s) => {
    if (s !== s.trim()) return false;
    try {
      const url = new URL(s);
      if (!LINK_PROTOCOLS.has(url.protocol)) return false;
      return url.protocol === 'mailto:' ? url.pathname.length > 0 : url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) or mailto link');

const LANG_MESSAGE = 'must be a BCP 47 language tag such as en-GB that Intl can format dates and numbers in';

/** Whether every Intl service the renderers use accepts the tag (`en-GB-GB` passes a regex but not Intl). */
function intlAccepts(tag: string): boolean {
  try {
    Intl.getCanonicalLocales(tag);
    new Intl.DateTimeFormat(tag);
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

/** BCP 47 language tag such as `en`, `en-GB` or `zh-Hant-TW`, and one Intl can use. */
export const Lang = text()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, LANG_MESSAGE)
  .refine(intlAccepts, LANG_MESSAGE);

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

export const Paragraph = z.strictObject({
  type: z.literal('paragraph'),
  text: RichText,
});

export const ListItem = z.strictObject({
  /** Optional lead-in term, shown in bold before the text ("Corruption – ..."). */
  term: line(LIMITS.term).optional(),
  text: RichText,
});

export const List = z.strictObject({
  type: z.literal('list'),
  ordered: z.boolean().optional(),
  /** Optional sentence introducing the list. */
  intro: RichText.optional(),
  items: z
    .array(ListItem)
    .min(1, 'must have at least one item')
    .max(LIMITS.items, `must have at most ${LIMITS.items} items`),
});

const FiniteNumber = z
  .number({ error: 'must be a number' })
  .refine((n) => Number.isFinite(n), 'must be a finite number');

export const Datum = z.strictObject({
  label: line(LIMITS.term),
  /** The value in the chart's unit (for example 600 with unit "million internet users"). */
  value: FiniteNumber.refine((n) => n >= 0, 'must not be negative'),
  /** How exact the source is: "about 1,000", "over 600". */
  qualifier: z.enum(['about', 'over', 'under', 'exactly']).optional(),
  /** Share of the population, in per cent, when the source gives one. */
  share: FiniteNumber.refine((n) => n >= 0 && n <= 100, 'must be a percentage from 0 to 100').optional(),
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
  /** Unit of `value`, plural, read after a number: "million internet users". */
  unit: line(LIMITS.term),
  /** The date the figures describe. */
  asOf: IsoDate,
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

// ---------------------------------------------------------------------------------------
// Sections and the report

export const Section = z.strictObject({
  id: Id,
  title: line(LIMITS.heading),
  lede: RichText.optional(),
  blocks: z
    .array(Block)
    .min(1, 'must have at least one block')
    .max(LIMITS.blocks, `must have at most ${LIMITS.blocks} blocks`),
  /** Extra cues for the presenter; the section's paragraphs are added to the notes anyway. */
  notes: z.array(prose(LIMITS.run)).max(LIMITS.notes).optional(),
});

export const Person = z.strictObject({
  name: line(LIMITS.title),
  role: line(LIMITS.title).optional(),
});

export const Source = z.strictObject({
  id: Id,
  publisher: line(LIMITS.title),
  title: line(LIMITS.title),
  date: IsoDate.optional(),
  url: Href.optional(),
  note: prose(1000).optional(),
});

export const Meta = z.strictObject({
  title: line(LIMITS.title),
  subtitle: line(LIMITS.title).optional(),
  /** Used for running heads and slide footers. */
  shortTitle: line(LIMITS.shortTitle),
  /** Publication date of the briefing; also the fixed date stamped into outputs. */
  date: IsoDate,
  lang: Lang,
  organisation: z.strictObject({ name: line(LIMITS.title), url: Href.optional() }),
  authors: z.array(Person).max(20).default([]),
  summary: prose(2000).optional(),
  keywords: z.array(line(60)).max(LIMITS.keywords).default([]),
  /** The work this briefing is adapted from. */
  basedOn: z.strictObject({
    publisher: line(LIMITS.title),
    title: line(LIMITS.title),
    published: IsoDate,
    url: Href.optional(),
  }),
});

export const ReportSchema = z
  .strictObject({
    /** Lets editors find the JSON Schema; ignored by renderers. */
    $schema: text().optional(),
    meta: Meta,
    takeaways: z
      .array(RichText)
      .min(1, 'must have at least one takeaway')
      .max(LIMITS.takeaways, `must have at most ${LIMITS.takeaways} takeaways`),
    sections: z.array(Section).max(LIMITS.sections, `must have at most ${LIMITS.sections} sections`),
    sources: z
      .array(Source)
      .min(1, 'must have at least one source')
      .max(LIMITS.sources, `must have at most ${LIMITS.sources} sources`),
  })
  .superRefine((report, ctx) => {
    // Ids are anchors in the PDF (`briefing.pdf#<id>`) and slide links: they must be unique
    // across sections, charts and sources alike.
    const seen = new Map<string, string>();
    const claim = (id: string, where: string, path: (string | number)[]) => {
      const first = seen.get(id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `duplicate id "${id}" (already used by ${first})` });
      } else {
        seen.set(id, where);
      }
    };
    report.sections.forEach((section, s) => {
      claim(section.id, `sections[${s}]`, ['sections', s, 'id']);
      section.blocks.forEach((block, b) => {
        if (block.type === 'chart') claim(block.id, `sections[${s}].blocks[${b}]`, ['sections', s, 'blocks', b, 'id']);
      });
    });
    report.sources.forEach((source, i) => {
      claim(source.id, `sources[${i}]`, ['sources', i, 'id']);
    });
  });

export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
export type ReportMeta = Report['meta'];
export type Section = z.output<typeof Section>;
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
export type Source = z.output<typeof Source>;
