import type { Table } from '@briefing/content';
import type { BlockResult, Ctx } from './types.js';

/** A table: not drawn on slides yet (the next commit lays it out). */
export function table(block: Table, _ctx: Ctx): BlockResult {
  throw new Error(`tables are not drawn on slides yet (table "${block.caption}")`);
}
