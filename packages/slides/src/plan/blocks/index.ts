import { type Block, type BlockMap, dispatch } from '@briefing/content';
import type { Shown } from '../editorial/shown.js';
import type { Placed } from '../plan.js';
import { callout } from './callout.js';
import { type ChartElement, chart, chartElement } from './chart.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { type TableElement, table, tableElement } from './table.js';
import type { BlockResult, Ctx, ElementDef, ShownAt } from './types.js';

export type { BlockResult, Ctx, ElementDef, ShownAt } from './types.js';

/**
 * The slides' handler of each block type. Typed with content's `BlockMap`, so a block type
 * without a handler here, or a handler taking another type's block, is a compile error
 * (test/handlers.test.ts keeps that guarantee).
 */
export type SlideHandlers = BlockMap<[ctx: Ctx], BlockResult>;

export const handlers: SlideHandlers = { paragraph, list, callout, chart, table };

/** What a block becomes on the slides: the one place the handler map is dispatched through. */
export function blockResult(block: Block, ctx: Ctx): BlockResult {
  return dispatch(handlers, block, ctx);
}

/**
 * The slide elements a block type makes of its own (the shared ones are in plan.ts): part of
 * `SlideElement`, so each serialiser's `ElementMap` fails to compile until it writes a new one.
 */
export type BlockElement = ChartElement | TableElement;

/** A definition for each of them, typed so that a missing one, or another type's, does not compile. */
export type BlockElementDefs = { [K in BlockElement['type']]: ElementDef<Extract<BlockElement, { type: K }>> };

/** Each one's definition: a type added to `BlockElement` fails to compile here until it has one. */
export const blockElements: BlockElementDefs = {
  chart: chartElement,
  table: tableElement,
};

/** What a block's own element shows: the one place `blockElements` is dispatched through. */
export function blockElementShown(element: Placed & BlockElement, at: ShownAt): Shown[] {
  return (blockElements[element.type] as ElementDef<BlockElement>).shown(element, at);
}
