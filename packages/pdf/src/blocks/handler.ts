import type { BlockOf, BlockType } from '@briefing/content';
import type { Builder } from '../builder.js';
import type { Node } from '../draw.js';

/** What each block type's module exports: lay the block out as units under `parent`. */
export type Handler<K extends BlockType> = (
  block: BlockOf<K>,
  b: Builder,
  parent: Node,
  ctx: { index: number },
) => void;
