// The packing of units (or anything with a height) onto slides, divided evenly.

/**
 * What `pack` needs of a unit: its height, how many following units it must stay with, and
 * the block it belongs to (a cut between two units of one block splits that block).
 */
export interface Packable {
  height: number;
  keepWithNext?: number;
  block?: string;
}

/**
 * Pack units onto as few slides as they need, divided evenly. Of the ways to cut the units into
 * that many runs (or one or two more, when that is what it takes), the packer keeps those that
 * never cut inside a unit's keep-with-next range, never leave a continuation slide with a
 * single unit shorter than half a slide, and divide every block they split evenly (its parts'
 * heights within a factor of 1.5, or of 2 on the fewest slides the units need: a list of six
 * split two and four rather than two, two and two on one slide more); among them it takes the
 * one with the fewest slides less than 40% full, then the fewest split blocks (a list that fits
 * a slide stays whole), then the least full fullest slide. Where no cut divides every split
 * block evenly, the best that keeps the other rules is taken; where those cannot hold, the lone
 * unit is allowed, then the keeps are dropped. No slide ever gets more than its room.
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
      const factor = slides === fewest ? EVEN_ON_FEWEST : EVEN;
      const even = candidates.find((cuts) => evenlySplit(units, cuts, room, factor));
      if (even) return even.map(([from, to]) => units.slice(from, to));
    }
    // The rules of this stage can hold, but not with every split even: keep them.
    if (fallback) break;
  }
  if (fallback) return fallback.map(([from, to]) => units.slice(from, to));
  // Only a unit taller than a slide's room gets here (pieces() prevents that): one a slide.
  return units.map((unit) => [unit]);
}

/** The most a split block's parts may differ: a factor between the tallest and the shortest. */
const EVEN = 1.5;
/** The same on the fewest slides the units need: a slide fewer is worth a less even split. */
const EVEN_ON_FEWEST = 2;

/** Whether the parts of a split block are too far apart: more than `factor` between them. */
const tooUneven = (heights: readonly number[], factor = EVEN) => Math.max(...heights) / Math.min(...heights) > factor;

/**
 * Whether every block the cut splits is divided evenly: its parts' heights within `factor`.
 * A block cut into pieces because one of its units is taller than half a slide (a sentence of
 * thousands of characters) is exempt: its last piece is what is left.
 */
function evenlySplit(
  units: readonly Packable[],
  cuts: readonly [number, number][],
  room: (index: number) => number,
  factor: number,
) {
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
    if (tooUneven(heights, factor)) return false;
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
