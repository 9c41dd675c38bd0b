import type { Callout, Run } from '@briefing/content';
import { kicker } from './kicker.js';
import {
  countLines,
  headingHeight,
  SAFETY,
  type Segment,
  segmentsOf,
  splitRuns,
  styles,
  textHeight,
} from './layout.js';
import { contentHeight, gap } from './metrics.js';
import { type BulletItem, CONTINUED, type SlideElement } from './plan.js';

// Units: the pieces a content slide is packed from, each with its measured height, and the
// packing of units onto slides.

/** What every unit has: where it comes from, its text, its height and its notes. */
interface UnitBase {
  /** Path of the report field it shows (`sections[2].blocks[1]`, `sections[2].lede`). */
  block: string;
  /** Bullets of one list share a group, so they form one list on the slide. */
  group: number;
  runs: Run[];
  /** Height on the slide in px, the space after it included. */
  height: number;
  notes: string[];
  /** Keep on the same slide as this many following units (a list's intro and its first items). */
  keepWithNext?: number;
}

/** A piece of a content slide, by kind; `unitElements` has a case for each (a new kind is a compile error there). */
export type Unit = UnitBase &
  (
    | /** A bullet, with its bold lead term on its first piece. */ { kind: 'bullet'; term?: string }
    | /** An ordered list's item: its number in the list. */ { kind: 'numbered'; term?: string; number: number }
    | { kind: 'paragraph' }
    | /** A muted opening line. */ { kind: 'lead' }
    | /** A callout: the tone, and the bold title on its first piece. */ {
        kind: 'callout';
        tone: Callout['tone'];
        title?: string;
      }
  );

export type UnitKind = Unit['kind'];
type UnitOf<K extends UnitKind> = Extract<Unit, { kind: K }>;

/**
 * What `pack` needs of a unit: its height, how many following units it must stay with, and
 * the block it belongs to (a cut between two units of one block splits that block).
 */
export interface Packable {
  height: number;
  keepWithNext?: number;
  block?: string;
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
    kind: 'lead',
    block: at.block,
    group: at.group++,
    runs: piece,
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
  const first = contentHeight - top - headingHeight(heading) - SAFETY;
  const rest = contentHeight - top - headingHeight(heading + CONTINUED) - SAFETY;
  return (index) => (index === 0 ? first : rest);
}

/**
 * Pack units onto as few slides as they need, divided evenly. Of the ways to cut the units into
 * that many runs (or one or two more, when that is what it takes), the packer keeps those that
 * never cut inside a unit's keep-with-next range, never leave a continuation slide with a
 * single unit shorter than half a slide, and divide every block they split evenly (its parts'
 * heights within a factor of 1.5); among them it takes the one with the fewest slides less
 * than 40% full, then the fewest split blocks (a list that fits a slide stays whole), then
 * the least full fullest slide. Where no cut divides every split block evenly, the best that
 * keeps the other rules is taken; where those cannot hold, the lone unit is allowed, then the
 * keeps are dropped. No slide ever gets more than its room.
 */
export function pack<U extends Packable>(units: readonly U[], room: (index: number) => number): U[][] {
  if (units.length === 0) return [];
  const n = units.length;
  const prefix = [0];
  for (const unit of units) prefix.push((prefix.at(-1) as number) + unit.height);
  const height = (from: number, to: number) => (prefix[to] as number) - (prefix[from] as number);
  // A cut after unit i (between i and i + 1) is allowed unless a keep range spans it.
  const keepCut: boolean[] = new Array(n + 1).fill(true);
  units.forEach((unit, i) => {
    for (let k = 1; k <= (unit.keepWithNext ?? 0) && i + k < n; k++) keepCut[i + k] = false;
  });
  const splits = (at: number) =>
    at > 0 && at < n && units[at - 1]?.block !== undefined && units[at - 1]?.block === units[at]?.block ? 1 : 0;
  // Where each unit's block starts and ends (a run of units of one block).
  const start: number[] = [];
  const end: number[] = new Array(n).fill(n);
  units.forEach((unit, i) => {
    start.push(i > 0 && unit.block !== undefined && units[i - 1]?.block === unit.block ? (start[i - 1] as number) : i);
  });
  for (let i = n - 2; i >= 0; i--) end[i] = start[i + 1] === start[i] ? (end[i + 1] as number) : i + 1;
  const giant = (from: number, to: number) => units.slice(from, to).some((u) => u.height > room(1) / 2);
  // A cut at `at` inside a block, the previous slide starting at `before` and this one ending at
  // `to`: uneven when the block's parts either side differ by more than a factor of 1.5.
  const uneven = (before: number, at: number, to: number) => {
    if (!splits(at)) return 0;
    const b = start[at] as number;
    const e = Math.min(to, end[at] as number);
    const first = Math.max(b, before);
    if (giant(first, e)) return 0;
    return tooUneven([height(first, at), height(at, e)]) ? 1 : 0;
  };
  const fewest = greedyCount(units, room);
  let fallback: [number, number][] | undefined;
  for (const [keeps, lone] of [
    [true, false],
    [true, true],
    [false, true],
  ] as const) {
    for (let slides = fewest; slides <= Math.min(n, fewest + 2); slides++) {
      const candidates = ORDERS.flatMap((order) => {
        const cuts = partition({
          n,
          slides,
          height,
          room,
          cutAllowed: (at) => !keeps || keepCut[at] === true,
          splits,
          uneven,
          lone,
          order,
        });
        return cuts ? [cuts] : [];
      });
      fallback ??= candidates[0];
      const even = candidates.find((cuts) => evenlySplit(units, cuts, room));
      if (even) return even.map(([from, to]) => units.slice(from, to));
    }
    // The rules of this stage can hold, but not with every split even: keep them.
    if (fallback) break;
  }
  if (fallback) return fallback.map(([from, to]) => units.slice(from, to));
  // Only a unit taller than a slide's room gets here (pieces() prevents that): one a slide.
  return units.map((unit) => [unit]);
}

/** Whether the parts of a split block are too far apart: more than a factor of 1.5 between them. */
const tooUneven = (heights: readonly number[]) => Math.max(...heights) / Math.min(...heights) > 1.5;

/**
 * Whether every block the cut splits is divided evenly: its parts' heights within a factor of
 * 1.5. A block cut into pieces because one of its units is taller than half a slide (a sentence
 * of thousands of characters) is exempt: its last piece is what is left.
 */
function evenlySplit(units: readonly Packable[], cuts: readonly [number, number][], room: (index: number) => number) {
  const parts = new Map<string, number[]>();
  cuts.forEach(([from, to], slide) => {
    let last: string | undefined;
    for (let i = from; i < to; i++) {
      const unit = units[i] as Packable;
      if (unit.block === undefined) continue;
      if (unit.height > room(slide) / 2) parts.set(unit.block, [Number.NaN]);
      const list = parts.get(unit.block) ?? [];
      if (last === unit.block) list[list.length - 1] = (list.at(-1) as number) + unit.height;
      else list.push(unit.height);
      parts.set(unit.block, list);
      last = unit.block;
    }
  });
  for (const heights of parts.values()) {
    if (heights.length < 2 || heights.some(Number.isNaN)) continue;
    if (tooUneven(heights)) return false;
  }
  return true;
}

/** How many slides greedy filling needs (each unit on the current slide if it fits). */
function greedyCount(units: readonly Packable[], room: (index: number) => number): number {
  let slides = 1;
  let used = 0;
  for (const unit of units) {
    if (used > 0 && used + unit.height > room(slides - 1)) {
      slides++;
      used = 0;
    }
    used += unit.height;
  }
  return slides;
}

/** A slide less full than this share of its room looks empty: the packer avoids making one. */
const THIN = 0.4;

/** What a cut is judged by, most important first. */
type Order = readonly ('uneven' | 'thin' | 'splits' | 'max')[];
const ORDERS: readonly Order[] = [
  ['uneven', 'thin', 'splits', 'max'],
  ['uneven', 'splits', 'thin', 'max'],
  ['uneven', 'thin', 'max', 'splits'],
];

/** What `partition` cuts: `n` units into `slides` runs, with the rules and costs of a cut. */
interface Partition {
  n: number;
  slides: number;
  /** Height of units [from, to). */
  height: (from: number, to: number) => number;
  room: (index: number) => number;
  /** Whether a cut after unit `at - 1` keeps the keep-with-next ranges. */
  cutAllowed: (at: number) => boolean;
  /** 1 where a cut at `at` splits a block. */
  splits: (at: number) => number;
  /** 1 where a cut at `at` divides a block unevenly. */
  uneven: (before: number, at: number, to: number) => number;
  lone: boolean;
  order: Order;
}

/**
 * The best cut of units 0..n into exactly `slides` runs, judged in `order` by the number of
 * unevenly split blocks (each cut compared with the part before it on the best path found
 * so far), thin slides, split blocks and the fullest slide's share of its room, as
 * [from, to) ranges; undefined when no cut satisfies the rules. A continuation slide may hold a single unit only when `lone`
 * allows it or the unit fills half the slide.
 */
function partition(problem: Partition): [number, number][] | undefined {
  const { n, slides, height, room, cutAllowed, splits, uneven, lone, order } = problem;
  if (slides > n) return undefined;
  type Cost = { uneven: number; thin: number; splits: number; max: number };
  const worse = (a: Cost, b: Cost) => {
    for (const key of order) if (a[key] !== b[key]) return a[key] > b[key];
    return false;
  };
  const NONE: Cost = { uneven: Number.POSITIVE_INFINITY, thin: 0, splits: 0, max: 0 };
  // best[s][i]: the best cost when units 0..i fill slides 0..s-1; from[s][i] where slide s-1 starts.
  const best: Cost[][] = Array.from({ length: slides + 1 }, () => new Array<Cost>(n + 1).fill(NONE));
  const from: number[][] = Array.from({ length: slides + 1 }, () => new Array<number>(n + 1).fill(-1));
  (best[0] as Cost[])[0] = { uneven: 0, thin: 0, splits: 0, max: 0 };
  for (let s = 1; s <= slides; s++) {
    const r = room(s - 1);
    for (let i = s; i <= n - (slides - s); i++) {
      if (i < n && !cutAllowed(i)) continue;
      for (let j = i - 1; j >= s - 1; j--) {
        const h = height(j, i);
        if (h > r) break;
        if (!lone && s > 1 && i - j === 1 && h < r / 2) continue;
        const prev = (best[s - 1] as Cost[])[j] as Cost;
        if (prev === NONE) continue;
        const cost = {
          uneven: prev.uneven + (s > 1 ? uneven((from[s - 1] as number[])[j] as number, j, i) : 0),
          thin: prev.thin + (slides > 1 && h < r * THIN ? 1 : 0),
          splits: prev.splits + splits(j),
          max: Math.max(prev.max, h / r),
        };
        if (worse((best[s] as Cost[])[i] as Cost, cost)) {
          (best[s] as Cost[])[i] = cost;
          (from[s] as number[])[i] = j;
        }
      }
    }
  }
  if ((best[slides] as Cost[])[n] === NONE) return undefined;
  const out: [number, number][] = [];
  let i = n;
  for (let s = slides; s > 0; s--) {
    const j = (from[s] as number[])[i] as number;
    out.unshift([j, i]);
    i = j;
  }
  return out;
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
  paragraph: (unit, out) => out.push({ type: 'paragraph', runs: unit.runs, block: unit.block, height: unit.height }),
  lead: (unit, out) => out.push({ type: 'lead', runs: unit.runs, block: unit.block, height: unit.height }),
  callout: (unit, out) =>
    out.push({
      type: 'callout',
      tone: unit.tone,
      ...(unit.title !== undefined ? { title: unit.title } : {}),
      runs: unit.runs,
      block: unit.block,
      height: unit.height,
    }),
};
