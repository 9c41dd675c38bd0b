import { type Block, type BlockMap, dispatch } from '@briefing/content';
import type { Builder } from '../builder.js';
import type { Node } from '../draw.js';
import { callout } from './callout.js';
import { chart } from './chart.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';

export { listItems } from './list.js';

/**
 * One module per block type. The map is a `BlockMap`: the compiler rejects a missing handler
 * and a handler written for another block type.
 */
export const handlers: BlockMap<[b: Builder, parent: Node, ctx: { index: number }], void> = {
  paragraph,
  list,
  chart,
  callout,
  table,
};

/** Lay out one block of a section. */
export function block(b: Builder, blk: Block, parent: Node, index: number): void {
  dispatch(handlers, blk, b, parent, { index });
}
