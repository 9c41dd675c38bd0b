import type { Run } from '@briefing/content';
import {
  CONTINUED,
  countLines,
  headingHeight,
  SAFETY,
  type Segment,
  segmentsOf,
  styles,
  textHeight,
} from '../layout/layout.js';
import { roomHeight } from '../layout/measure.js';
import { gap } from '../layout/metrics.js';
import { splitRuns } from '../layout/split.js';
import { kicker } from './kicker.js';
import type { BulletItem, Placed, SlideElement } from './plan.js';

// Units: the pieces a content slide is packed from, each with its measured height, and the
// elements a run of them makes once packed (`pack.ts` packs them onto slides).

/** What every unit has: where it comes from, its height and its notes. */
interface UnitBase {
  /** Path of the report field it shows (`sections[2].blocks[1]`, `sections[2].lede`). */
  block: string;
  /** Bullets of one list share a group, so they form one list on the slide. */
  group: number;
  /** Height on the slide in px, the space after it included. */
  height: number;
  notes: string[];
  /** Keep on the same slide as this many following units (a list's intro and its first items). */
  keepWithNext?: number;
}

/**
 * A slide element as a unit makes it: all but where it comes from and its height, which are
 * the unit's. Every element type but `bullets` (which bullet units make together) is one, so
 * a new element that flows with a section's text needs no unit kind of its own.
 */
export type OwnElement = Unplaced<Exclude<SlideElement, { type: 'bullets' }>>;
type Unplaced<E> = E extends unknown ? Omit<E, keyof Placed> : never;

/** A piece of a content slide, by kind; `unitElements` has a case for each (a new kind is a compile error there). */
export type Unit = UnitBase &
  (
    | /** A bullet, with its bold lead term on its first piece. */ { kind: 'bullet'; runs: Run[]; term?: string }
    | /** An ordered list's item: its number in the list. */ {
        kind: 'numbered';
        runs: Run[];
        term?: string;
        number: number;
      }
    | /** Any other element (a muted opening line, a callout...), one per unit. */ {
        kind: 'element';
        element: OwnElement;
      }
  );

export type UnitKind = Unit['kind'];
type UnitOf<K extends UnitKind> = Extract<Unit, { kind: K }>;

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
  // An even split: as many pieces as needed, each about the same number of lines.
  const parts = Math.ceil(total / maxLines);
  const even = Math.min(maxLines, Math.ceil(total / parts));
  const split = splitRuns(runs, style, even, even, lead);
  return split.length <= parts ? split : splitRuns(runs, style, maxLines, maxLines, lead);
}

/**
 * A muted opening line (a section's lede, a list's intro) as lead units: split to fit
 * `room`, each piece in a group of its own, the notes on the first piece. `keep` is how many
 * following units the last piece stays with.
 */
export function leadUnits(
  runs: Run[],
  at: { block: string; group: number },
  room: number,
  notes: string[],
  keep = 0,
): Unit[] {
  const parts = pieces(runs, styles.body, [], gap.para, room);
  return parts.map((piece, i) => ({
    kind: 'element',
    element: { type: 'lead', runs: piece },
    block: at.block,
    group: at.group++,
    height: textHeight(segmentsOf(piece), styles.body, gap.para),
    notes: i === 0 ? notes : [],
    ...(i === parts.length - 1 ? (keep > 0 ? { keepWithNext: keep } : {}) : { keepWithNext: 1 }),
  }));
}

/**
 * Room under a slide heading with a kicker above it: the first slide has the plain heading,
 * later ones say "(continued)".
 */
export function roomUnder(heading: string, withKicker = true): (index: number) => number {
  const top = withKicker ? kicker.height : 0;
  const room = roomHeight();
  const first = room - top - headingHeight(heading) - SAFETY;
  const rest = room - top - headingHeight(heading + CONTINUED) - SAFETY;
  return (index) => (index === 0 ? first : rest);
}

/** The elements a run of packed units makes: consecutive bullets of one group form one list. */
export function unitElements(units: readonly Unit[]): SlideElement[] {
  const out: SlideElement[] = [];
  let prev: Unit | undefined;
  for (const unit of units) {
    (ELEMENTS[unit.kind] as (unit: Unit, out: SlideElement[], prev: Unit | undefined) => void)(unit, out, prev);
    prev = unit;
  }
  return out;
}

/** Add a bullet to the list before it when of the same group and kind, else open a list. */
function bullet(unit: UnitOf<'bullet'> | UnitOf<'numbered'>, out: SlideElement[], prev: Unit | undefined): void {
  const last = out.at(-1);
  const item: BulletItem = {
    ...(unit.term !== undefined ? { term: unit.term } : {}),
    runs: unit.runs,
    ...(unit.kind === 'numbered' ? { number: unit.number } : {}),
  };
  if (last?.type === 'bullets' && prev?.group === unit.group && prev.kind === unit.kind) {
    last.items.push(item);
    last.height += unit.height;
  } else {
    out.push({
      type: 'bullets',
      ordered: unit.kind === 'numbered',
      items: [item],
      block: unit.block,
      height: unit.height,
    });
  }
}

/** The element each kind of unit makes (or extends), typed so that every kind has one. */
const ELEMENTS: { [K in UnitKind]: (unit: UnitOf<K>, out: SlideElement[], prev: Unit | undefined) => void } = {
  bullet,
  numbered: bullet,
  element: (unit, out) => out.push({ ...unit.element, block: unit.block, height: unit.height }),
};
