import { foldSpace, plainText, type Run, type Table, type TableColumn, toRuns } from '@briefing/content';
import { linkLabel } from '../chart.js';
import { escapeMarkdown, escapeUrl, inlineMarkdown } from '../escape.js';
import { styles, textHeight } from '../layout.js';
import { slideHeading, slideMarkdown } from '../markdown.js';
import { table as metrics } from '../metrics.js';
import { CONTINUED, type PlannedSlide } from '../plan.js';
import { layoutTable, type TableLayout } from '../table-layout.js';
import type { BlockResult, Ctx } from './types.js';

/**
 * A table: slides of its own, headed by its caption, each a GFM pipe table with the header
 * row repeated, rows split between slides but never within one (see table-layout.ts), and the
 * source line under the table. The speaker notes read each row out as a sentence.
 */
export function table(block: Table, ctx: Ctx): BlockResult {
  const source = sourceText(block);
  const sourceHeight = source ? textHeight([{ text: source.plain }], styles.small, metrics.sourceGap) : 0;
  const layout = layoutTable(block, sourceHeight);
  return {
    slides: layout.slides.map((rows, index) => tableSlide(block, layout, rows, index, source?.markdown, ctx.section)),
  };
}

function tableSlide(
  block: Table,
  layout: TableLayout,
  rows: readonly number[],
  index: number,
  source: string | undefined,
  section: string,
): PlannedSlide {
  const notes = [
    block.caption + (index > 0 ? CONTINUED : ''),
    ...rows.map((r) => rowSentence(block.columns, block.rows[r] ?? [])),
  ];
  const classes = ['table', `t${layout.fontSize}`, ...layout.widths.map((w, c) => `c${c + 1}w${w}`)];
  const body = [slideHeading(block.caption, index), pipeTable(block, rows), ...(source ? [source] : [])];
  return {
    kind: 'table',
    section,
    markdown: slideMarkdown([`_class: ${classes.join(' ')}`], body.join('\n\n'), notes),
    notes,
  };
}

const DELIMITER = { left: ':---', center: ':---:', right: '---:' } as const;

/**
 * The rows as a GFM pipe table: every header and cell escaped (a `|` in the text becomes
 * `\|`, which the table keeps as text; line breaks fold to spaces), alignment in the
 * delimiter row. A `|` in a link's address is percent-encoded, as it would otherwise end the cell.
 */
export function pipeTable(block: Table, rows: readonly number[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(block.columns.map((column) => escapeMarkdown(column.header))),
    line(block.columns.map((column) => (column.align ? DELIMITER[column.align] : '---'))),
    ...rows.map((r) => line((block.rows[r] ?? []).map(cellMarkdown))),
  ].join('\n');
}

function cellMarkdown(cell: Table['rows'][number][number]): string {
  const runs = toRuns(cell).map(
    (run): Run => (run.type === 'link' ? { ...run, href: run.href.replaceAll('|', '%7C') } : run),
  );
  return inlineMarkdown(runs);
}

/** "Header: cell; Header: cell." for the presenter to read out (empty cells left out). */
export function rowSentence(columns: readonly TableColumn[], row: Table['rows'][number]): string {
  const parts = columns
    .map((column, c) => ({ header: column.header, text: foldSpace(plainText(row[c] ?? '')).trim() }))
    .filter((part) => part.text !== '')
    // A cell's own full stop gives way to the separator ("arrests; India: …").
    .map((part) => `${part.header}: ${part.text.replace(/(?<!\.)\.$/u, '')}`);
  const sentence = parts.join('; ');
  return /[.!?…]$/u.test(sentence) ? sentence : `${sentence}.`;
}

/** The source line under the table, as the chart's caption gives it: publisher, title, link to the host. */
function sourceText(block: Table): { plain: string; markdown: string } | undefined {
  const { source } = block;
  if (!source) return undefined;
  const title = source.title ? `, “${source.title}”` : '';
  const host = source.url ? linkLabel(source.url) : '';
  return {
    plain: `Source: ${source.publisher}${title}. ${host}`.trim(),
    markdown:
      `Source: ${escapeMarkdown(source.publisher)}${source.title ? `, “${escapeMarkdown(source.title)}”` : ''}.` +
      (source.url ? ` [${escapeMarkdown(host)}](${escapeUrl(source.url)})` : ''),
  };
}
