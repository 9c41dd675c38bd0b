import type { Unit } from '../pack.js';
import type { PlannedSlide } from '../plan.js';

/** What a block handler knows of where its block sits. */
export interface Ctx {
  lang: string;
  /** Id of the section the block belongs to. */
  section: string;
  /** The next free list group (handlers advance it). */
  group: number;
  /** Height available under the section's heading on a continuation slide. */
  room: number;
}

/**
 * What a block becomes: units that flow onto the section's content slides, or slides of its
 * own (charts, tables), placed after the section's first content slide.
 */
export type BlockResult = { units: Unit[] } | { slides: PlannedSlide[] };
