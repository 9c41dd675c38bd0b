import type { Report } from '@briefing/content';
import type { Role, Shown } from '../editorial/shown.js';
import type { DeckSlide, Placed } from '../plan.js';
import type { Unit } from '../units.js';

/** What a block handler knows of where its block sits. */
export interface Ctx {
  lang: string;
  /** Id of the section the block belongs to. */
  section: string;
  /** The kicker of the section's slides (its number and title). */
  kicker: string;
  /** Path of the block being planned (`sections[2].blocks[1]`). */
  block: string;
  /** The next free list group (handlers advance it). */
  group: number;
  /** Height available under the section's heading on a continuation slide. */
  room: number;
}

/**
 * What a block becomes: units that flow onto the section's content slides, or slides of its
 * own (charts, tables), placed after the content slide that holds the text before it.
 */
export type BlockResult = { units: Unit[] } | { slides: DeckSlide[] };

/** Where a block's own element is shown, for the texts it says it shows (editorial/shown.ts). */
export interface ShownAt {
  report: Report;
  /** The path of the block the slide is given to (a chart's or a table's), if any. */
  own: string | undefined;
  /** A text the slide shows whole, from the report field at `path`. */
  plain: (role: Role, path: string, text: string) => Shown;
}

/**
 * A slide element one block type makes of its own, beside the shared ones (plan.ts): declared
 * with the block's handler, registered in blocks/index.ts (whose `BlockElement` joins
 * `SlideElement`), and saying here what it shows, for the editorial check.
 */
export interface ElementDef<E> {
  shown: (element: E & Placed, at: ShownAt) => Shown[];
}
