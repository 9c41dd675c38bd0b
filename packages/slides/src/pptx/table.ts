import { type Table, toRuns } from '@briefing/content';
import { roomWidth } from '../layout/measure.js';
import { slide as geometry, lineHeight, table as metrics } from '../layout/metrics.js';
import type { ElementOf } from '../plan/plan.js';
import type { At } from './elements.js';
import type { TableRow } from './pptxgenjs.js';
import { collapse, type Type, textRuns, trimmed } from './text.js';
import { color, font, inch, pt } from './units.js';

/**
 * The table rows as a native table: the header row on the accent colour with a highlight
 * rule under it, ruled body rows with every other one on the panel colour, each column the
 * plan's share of the content width, each row the plan's height, at the plan's type size.
 */
export function addTable(element: ElementOf<'table'>, at: At): void {
  const { table: block, rows, fontSize, widths } = element;
  const type: Type = { fontFace: font.sans, fontSize: pt(fontSize), color: color.ink, lang: at.lang };
  const none = { type: 'none' as const };
  const rule = (c: string, px: number) => ({ type: 'solid' as const, color: c, pt: pt(px) });
  // In points (pptxgenjs reads a table margin of 1 or more as points).
  const margin: [number, number, number, number] = [
    pt(metrics.padY),
    pt(metrics.padX),
    pt(metrics.padY),
    pt(metrics.padX),
  ];
  const cellOptions = (align: Table['columns'][number]['align']) => ({
    margin,
    valign: 'top' as const,
    align: align === 'center' ? ('center' as const) : align === 'right' ? ('right' as const) : ('left' as const),
    lineSpacing: pt(fontSize * lineHeight.table),
  });
  const header: TableRow = block.columns.map((column) => ({
    text: collapse(column.header).trim(),
    options: {
      ...cellOptions(column.align),
      ...type,
      bold: true,
      color: color.paper,
      fill: { color: color.accent },
      border: [none, none, rule(color.highlight, metrics.headRule), none],
    },
  }));
  const body: TableRow[] = rows.map((r, i) =>
    block.columns.map((column, c) => {
      const runs = trimmed(textRuns(toRuns(block.rows[r]?.[c] ?? ''), type));
      return {
        text: runs.length > 0 ? runs : '',
        options: {
          ...cellOptions(column.align),
          ...type,
          ...(i % 2 === 1 ? { fill: { color: color.panel } } : {}),
          border: [none, none, rule(color.rule, metrics.rowRule), none],
        },
      };
    }),
  );
  at.slide.addTable([header, ...body], {
    x: inch(geometry.padX),
    y: inch(at.y),
    w: inch(roomWidth()),
    colW: widths.map((w) => inch((roomWidth() * w) / 100)),
    rowH: element.rowHeights.map(inch),
    objectName: 'Table',
  });
}
