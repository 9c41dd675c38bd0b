import type { DeckSlide } from '../plan.js';
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
