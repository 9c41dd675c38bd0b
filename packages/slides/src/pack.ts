import type { Run } from '@briefing/content';
import { countLines, headingHeight, SAFETY, type Segment, segmentsOf, splitRuns, type styles } from './layout.js';
import { contentHeight } from './metrics.js';
import { CONTINUED } from './plan.js';

// Units: the pieces a content slide is packed from, each with its estimated height, and the
// packing of units onto slides. Markdown serialisation of units lives in markdown.ts.

export type UnitKind = 'ul' | 'ol' | 'p' | 'quote';

export interface Unit {
  kind: UnitKind;
  /** Units of one list share a group, so they render as one Markdown list. */
  group: number;
  /** Markdown of the unit without its list marker. */
  md: string;
  /** Ordered lists: the item number. */
  number?: number;
  height: number;
  notes: string[];
  /** Keep on the same slide as the next unit (a list's intro). */
  keepWithNext?: boolean;
}

/** What `pack` needs of a unit: its height, and whether it must not end a slide. */
export interface Packable {
  height: number;
  keepWithNext?: boolean;
}

/** Split a unit's runs so every piece fits the room; the first piece may carry a bold lead. */
export function pieces(
  runs: Run[],
  style: typeof styles.bullet,
  lead: Segment[],
  extra: number,
  room: number,
): Run[][] {
  const maxLines = Math.max(1, Math.floor((room - extra) / style.line));
  const total = countLines([...lead, ...segmentsOf(runs)], style);
  if (total <= maxLines) return [runs];
  return splitRuns(runs, style, maxLines, maxLines, lead);
}

/** Room under a slide heading: the first slide has the plain heading, later ones say "(continued)". */
export function roomUnder(heading: string): (index: number) => number {
  const first = contentHeight - headingHeight(heading) - SAFETY;
  const rest = contentHeight - headingHeight(heading + CONTINUED) - SAFETY;
  return (index) => (index === 0 ? first : rest);
}

/**
 * Pack units onto slides: greedily to learn how many slides are needed, then again aiming at
 * an even share per slide (no lone item on a continuation slide). A unit that keeps with the
 * next never ends a slide; no slide ever gets more than its room.
 */
export function pack<U extends Packable>(units: readonly U[], room: (index: number) => number): U[][] {
  const run = (target: (index: number) => number): U[][] => {
    const slides: U[][] = [];
    let current: U[] = [];
    let used = 0;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i] as U;
      let need = unit.height;
      if (unit.keepWithNext && units[i + 1]) need += (units[i + 1] as U).height;
      const index = slides.length;
      const over = used + need > room(index) || (used > 0 && used + unit.height / 2 > target(index));
      if (current.length > 0 && over) {
        slides.push(current);
        current = [];
        used = 0;
      }
      current.push(unit);
      used += unit.height;
    }
    if (current.length > 0) slides.push(current);
    return slides;
  };
  const greedy = run(() => Number.POSITIVE_INFINITY);
  if (greedy.length <= 1) return greedy;
  const total = units.reduce((sum, u) => sum + u.height, 0);
  const share = total / greedy.length;
  const balanced = run(() => share);
  return balanced.length <= greedy.length ? balanced : greedy;
}
