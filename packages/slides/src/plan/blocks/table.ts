import { foldSpace, plainText, type Run, type Table, type TableColumn } from '@briefing/content';
import { CONTINUED, segmentsOf, styles, textHeight } from '../../layout/layout.js';
import { table as metrics } from '../../layout/metrics.js';
import { layoutTable, type TableLayout } from '../../layout/table-layout.js';
import { linkLabel } from '../caption.js';
import { kicker } from '../kicker.js';
import type { DeckSlide } from '../plan.js';
import type { BlockResult, Ctx } from './types.js';

/**
 * A table: slides of its own, headed by its point (default: its caption), each a GFM pipe table with the header
 * row repeated, rows split between slides but never within one (see table-layout.ts), and the
 * source line under the table. The speaker notes read each row out as a sentence.
 */
export function table(block: Table, ctx: Ctx): BlockResult {
  const source = sourceRuns(block);
  const sourceHeight = source ? textHeight(segmentsOf(source), styles.small, metrics.sourceGap) : 0;
  const layout = layoutTable(block, sourceHeight, kicker.height);
  return {
    slides: layout.slides.map((rows, index) =>
      tableSlide(block, layout, rows, index, source && { runs: source, height: sourceHeight }, ctx),
    ),
  };
}

function tableSlide(
  block: Table,
  layout: TableLayout,
  rows: number[],
  index: number,
  source: { runs: Run[]; height: number } | undefined,
  ctx: Ctx,
): DeckSlide {
  const rowHeights = [layout.headerHeight, ...rows.map((r) => layout.rowHeights[r] as number)];
  // The caption names the table for the presenter; the point, when there is one, is the heading.
  const notes = [
    block.caption + (index > 0 ? CONTINUED : ''),
    ...rows.map((r) => rowSentence(block.columns, block.rows[r] ?? [])),
  ];
  return {
    kind: 'table',
    section: ctx.section,
    kicker: ctx.kicker,
    heading: block.point ?? block.caption,
    continued: index > 0,
    elements: [
      {
        type: 'table',
        table: block,
        rows,
        fontSize: layout.fontSize,
        widths: layout.widths,
        rowHeights,
        height: rowHeights.reduce((a, b) => a + b, 0),
        block: ctx.block,
      },
      ...(source ? [{ type: 'source' as const, runs: source.runs, height: source.height, block: ctx.block }] : []),
    ],
    notes,
    classes: ['table', `t${layout.fontSize}`, ...layout.widths.map((w, c) => `c${c + 1}w${w}`)],
  };
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
export function sourceRuns(block: Pick<Table, 'source'>): Run[] | undefined {
  const { source } = block;
  if (!source) return undefined;
  const title = source.title ? `, “${source.title}”` : '';
  return [
    { type: 'text', text: `Source: ${source.publisher}${title}.` },
    ...(source.url
      ? [
          { type: 'text' as const, text: ' ' },
          { type: 'link' as const, text: linkLabel(source.url), href: source.url },
        ]
      : []),
  ];
}
