// The one checked home of what each block type says: every string a block puts on a page or a
// slide, with its path, the role it is set in, and what `briefing check` must find of it.
// The coverage expectations, the report's statistics, text flattening, the deck's width
// samples, the facts check's prose (`prose`) and the restatement rule's opening text (`opens`)
// all read blocks through `blockFields`, so a new block type is a compile error here (the map
// below must have a handler for it, of its type) and nowhere can its text go unchecked.

import type { Block, BlockOf, BlockType, Report, RichText } from './schema.js';
import {
  chartAltText,
  chartDateLine,
  foldSpace,
  formatDatumShare,
  formatDatumValue,
  formatNumber,
  hasShareSeries,
  itemLead,
  plainText,
  SHARE_SERIES_TITLE,
  toRuns,
  valueSeriesTitle,
} from './text.js';

/**
 * How a string is set, which decides the faces that must draw it: `heading` (titles and
 * captions in the display faces), `body` (prose, serif, emphasis per run), `term` (a bold
 * lead-in), `label` (small sans: chart labels, units, sources, table headers), `cell` (a
 * table cell's text: serif, emphasis per run).
 */
export type FieldRole = 'heading' | 'body' | 'term' | 'label' | 'cell';

/** What both outputs must show of a block, as `briefing check` reports it. */
export interface Finding {
  kind: 'item' | 'figure' | 'cell';
  /** What the matrix prints. */
  label: string;
  /** The text searched for (normalised by the checker). */
  needle: string;
  /** What the deck shows instead, when it differs (an item's on-screen line). */
  screen?: string;
}

export interface Field {
  /** Path of the field in the report, e.g. `sections[2].blocks[0].items[3].text[1].text`. */
  path: string;
  text: string;
  role: FieldRole;
  /** A rich-text run's emphasis (its face: italic or bold). */
  emphasis?: 'em' | 'strong' | undefined;
  /** Written by the renderers in the report's language (a date, a number), not by the author. */
  generated?: boolean;
  /** Set on the first field of something `briefing check` must find in both outputs. */
  find?: Finding;
  /** For a run of rich text: the path of the whole text, shared by its runs. */
  of?: string;
  /** Shown by one output only: an on-screen line is the deck's alone. */
  only?: 'deck';
  /**
   * Set on prose, text read as sentences (not a label, a figure, a cell or a deck-only line):
   * the path of the text it is part of, which a term and the text after it share. `briefing
   * check` looks for every number and name of a section's prose on the section's slides.
   */
  prose?: string;
  /**
   * Set on (each run of) the text a reader meets first in the block, the one a section's lede
   * must not restate (the restatement rule). At most one text of a block; none for a chart or a table.
   */
  opens?: true;
  /**
   * Set on (each run of) a text the deck shows through an on-screen line: that line's path,
   * whether it is given or not (without it, the deck shows the text's first sentence).
   */
  screen?: string;
}

/** What a rich text's fields are marked with: `find` goes on its first run, the rest on every run. */
type Marks = Pick<Field, 'find' | 'prose' | 'opens' | 'screen'>;

/** One field per run of rich text (runs may differ in emphasis, and so in face). */
export function richFields(path: string, text: RichText, role: 'body' | 'cell', marks: Marks = {}): Field[] {
  const { find, ...every } = marks;
  if (typeof text === 'string') return [{ path, text, role, ...(find ? { find } : {}), ...every }];
  return toRuns(text).map((run, i) => ({
    path: `${path}[${i}].text`,
    text: run.text,
    role,
    emphasis: run.type === 'text' ? run.emphasis : undefined,
    of: path,
    ...(find && i === 0 ? { find } : {}),
    ...every,
  }));
}

/**
 * The fields of a text of prose that the deck shows through an on-screen line (`screen`, the
 * line's path), then those of the line, if given (the deck's alone). The text is its own prose
 * unless `marks` says otherwise.
 */
function screenedFields(path: string, text: RichText, screen: string, line: RichText | undefined, marks: Marks = {}) {
  return [
    ...richFields(path, text, 'body', { prose: path, screen, ...marks }),
    ...(line === undefined
      ? []
      : richFields(screen, line, 'body').map((field) => ({ ...field, only: 'deck' as const }))),
  ];
}

const OPENS = { opens: true } as const;

/** A handler for each block type, typed so that a missing one, or one for another type, is a compile error. */
export type BlockMap<Args extends unknown[], R> = { [K in BlockType]: (block: BlockOf<K>, ...args: Args) => R };

/** Call the handler of `block`'s type: the one place a block map is dispatched through. */
export function dispatch<Args extends unknown[], R>(map: BlockMap<Args, R>, block: Block, ...args: Args): R {
  return (map[block.type] as (block: Block, ...args: Args) => R)(block, ...args);
}

const fieldsOf: BlockMap<[path: string, lang: string], Field[]> = {
  paragraph: (block, at) => screenedFields(`${at}.text`, block.text, `${at}.onScreen`, block.onScreen, OPENS),
  list: (block, at) => [
    ...(block.intro ? screenedFields(`${at}.intro`, block.intro, `${at}.onScreen`, block.onScreen, OPENS) : []),
    ...block.items.flatMap((item, i) => {
      const find: Finding = {
        kind: 'item',
        label: itemLead(item),
        needle: itemLead(item),
        // Without a term, the deck shows the item's on-screen line in place of its first sentence.
        ...(item.onScreen !== undefined && !item.term ? { screen: itemLead({ text: item.onScreen }) } : {}),
      };
      // An item is one text for the facts check, its term and its text ("term: text"); without
      // an intro, what a reader meets first is the first item's text (its term aside).
      const prose = `${at}.items[${i}]`;
      const marks: Marks = { ...(item.term ? {} : { find }), prose, ...(!block.intro && i === 0 ? OPENS : {}) };
      return [
        ...(item.term ? [{ path: `${prose}.term`, text: item.term, role: 'term' as const, find, prose }] : []),
        ...screenedFields(`${prose}.text`, item.text, `${prose}.onScreen`, item.onScreen, marks),
      ];
    }),
  ],
  chart: (block, at, lang) => [
    { path: `${at}.title`, text: block.title, role: 'heading' },
    ...(block.point
      ? [{ path: `${at}.point`, text: block.point, role: 'heading' as const, only: 'deck' as const }]
      : []),
    { path: `${at}.unit`, text: valueSeriesTitle(block), role: 'label' },
    // The second series' title, drawn when the data have shares (the renderers write it).
    ...(hasShareSeries(block)
      ? [{ path: `${at}.data`, text: SHARE_SERIES_TITLE, role: 'label' as const, generated: true }]
      : []),
    { path: `${at}.asOf`, text: chartDateLine(block, lang), role: 'label', generated: true },
    { path: `${at}.source.publisher`, text: block.source.publisher, role: 'label' },
    ...(block.source.title ? [{ path: `${at}.source.title`, text: block.source.title, role: 'label' as const }] : []),
    ...block.data.flatMap((d, i): Field[] => {
      const value = formatNumber(d.value, lang);
      const share = formatDatumShare(d, lang);
      return [
        {
          path: `${at}.data[${i}].label`,
          text: d.label,
          role: 'label',
          find: { kind: 'figure', label: `${d.label}: ${value}`, needle: value },
        },
        { path: `${at}.data[${i}].value`, text: formatDatumValue(d, block, lang), role: 'label', generated: true },
        ...(share ? [{ path: `${at}.data[${i}].share`, text: share, role: 'label' as const, generated: true }] : []),
      ];
    }),
  ],
  callout: (block, at) => [
    // Its title is prose too (a chart's title or a table's caption is not: their data are checked as such).
    ...(block.title
      ? [{ path: `${at}.title`, text: block.title, role: 'heading' as const, prose: `${at}.title` }]
      : []),
    ...screenedFields(`${at}.text`, block.text, `${at}.onScreen`, block.onScreen, OPENS),
  ],
  table: (block, at) => [
    { path: `${at}.caption`, text: block.caption, role: 'heading' },
    ...(block.point
      ? [{ path: `${at}.point`, text: block.point, role: 'heading' as const, only: 'deck' as const }]
      : []),
    ...block.columns.map((c, i): Field => ({ path: `${at}.columns[${i}].header`, text: c.header, role: 'label' })),
    ...block.rows.flatMap((row, r) =>
      row.flatMap((cell, c) => {
        const text = plainText(cell);
        const find: Finding = { kind: 'cell', label: `${block.columns[c]?.header ?? ''}: ${text}`, needle: text };
        return richFields(`${at}.rows[${r}][${c}]`, cell, 'cell', { find });
      }),
    ),
    ...(block.source
      ? [
          { path: `${at}.source.publisher`, text: block.source.publisher, role: 'label' as const },
          ...(block.source.title
            ? [{ path: `${at}.source.title`, text: block.source.title, role: 'label' as const }]
            : []),
        ]
      : []),
  ],
};

/** Every string `block` shows, in reading order, with its path (`at` is the block's own path). */
export function blockFields(block: Block, at: string, lang: string): Field[] {
  return dispatch(fieldsOf, block, at, lang);
}

/**
 * A block's text as plain strings, in reading order (word counts, search): one string per
 * piece of text (the runs of a rich text joined), a list item's term before its text. A
 * chart is its one-sentence description.
 */
export function blockTexts(block: Block, lang: string): string[] {
  return textsOf(block, blockFields(block, '', lang), lang);
}

/** blockTexts from fields already listed for the block. */
function textsOf(block: Block, fields: readonly Field[], lang: string): string[] {
  if (block.type === 'chart') return [chartAltText(block, lang)];
  return joined(fields.filter((field) => !field.generated && !field.only));
}

/** Fields as texts: the runs of one rich text joined, a term joined to the text after it ("term: text"), space folded. */
function joined(fields: readonly Field[]): string[] {
  const out: string[] = [];
  let last: Field | undefined;
  for (const field of fields) {
    const sameText = last?.of !== undefined && last.of === field.of;
    const afterTerm = last?.role === 'term';
    if (sameText || afterTerm) out[out.length - 1] += afterTerm && !sameText ? `: ${field.text}` : field.text;
    else out.push(field.text);
    last = field;
  }
  return out.map(foldSpace);
}

/** A text of a block and the report path of the field it is. */
export interface BlockText {
  path: string;
  text: string;
}

/** A block's prose (fields marked `prose`), one text per prose path, in reading order: what the facts check reads. */
export function blockProse(block: Block, at: string, lang: string): BlockText[] {
  const texts = new Map<string, Field[]>();
  for (const field of blockFields(block, at, lang))
    if (field.prose !== undefined) texts.set(field.prose, [...(texts.get(field.prose) ?? []), field]);
  return [...texts].map(([path, fields]) => ({ path, text: joined(fields).join(' ') }));
}

/** The text a reader meets first in a block (its fields marked `opens`), if it has one. */
export function openingText(block: Block, at: string, lang: string): BlockText | undefined {
  const fields = blockFields(block, at, lang).filter((field) => field.opens);
  const first = fields[0];
  return first && { path: first.of ?? first.path, text: joined(fields).join(' ') };
}

/** Counts for summaries: sections, list items, chart data points, table cells and words of prose. */
export function reportStats(report: Report): {
  sections: number;
  items: number;
  figures: number;
  cells: number;
  words: number;
} {
  const counts = { item: 0, figure: 0, cell: 0 };
  const texts: string[] = [report.meta.title, ...report.takeaways.map(plainText)];
  report.sections.forEach((section, s) => {
    texts.push(section.title);
    if (section.lede) texts.push(plainText(section.lede));
    section.blocks.forEach((block, b) => {
      // Counted from the block's fields; its words are its text as blockTexts gives it (runs joined).
      const fields = blockFields(block, `sections[${s}].blocks[${b}]`, report.meta.lang);
      for (const field of fields) if (field.find) counts[field.find.kind]++;
      texts.push(...textsOf(block, fields, report.meta.lang));
    });
  });
  if (report.conclusion) texts.push(plainText(report.conclusion.text));
  const words = texts.join(' ').split(/\s+/u).filter(Boolean).length;
  return { sections: report.sections.length, items: counts.item, figures: counts.figure, cells: counts.cell, words };
}
