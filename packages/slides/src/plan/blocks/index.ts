import { type Block, type BlockMap, dispatch } from '@briefing/content';
import { callout } from './callout.js';
import { chart } from './chart.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';
import type { BlockResult, Ctx } from './types.js';

export type { BlockResult, Ctx } from './types.js';

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
