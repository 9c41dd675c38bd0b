/**
 * Page breaking by total fit, with floats. The first-fit breaker (`paginate`) fills each page
 * as it comes, so one bad break (a table that does not fit, a heading that must move) leaves
 * a hole it cannot take back. Here every way of ending every page is weighed at once, as
 * TeX weighs the breaks of a paragraph: a page's cost grows with the square of the room it
 * leaves empty, and jumps past MAX_EMPTY of its frame; a break costs what its unit says
 * (a widow or orphan, a split list item); the last page should hold a third of a frame. The
 * cheapest sequence of pages wins (dynamic programming over break points).
 *
 * Floats are tables and figures. A float is set where it stands when it fits there; when it
 * does not (or when moving it fills the pages better), it goes to the top of the next page,
 * and the text after it fills the room it left, as LaTeX floats do. Floats keep their order
 * and wait past the start of the next section (`barrier`) at most, never a second one.
 */
import {
  AIM,
  CROSS,
  DEFER,
  EPS,
  FLOAT_SEP,
  LATE,
  OVER_EMPTY,
  OVER_SLOPE,
  PAGE,
  PENALTY,
  SHORT_LAST,
  STRETCH,
  STRETCH_COST,
  STRETCH_TO,
} from './page-costs.js';
import { NEVER, type Placement, type Unit } from './paginate.js';

export { MAX_EMPTY } from './page-costs.js';

/** A table or figure: units [start, end) of the stream, set together, here or at the top of a later page. */
export type FloatRange = { start: number; end: number };

export interface Layout {
  placements: Placement[];
  /** The units of each page, in the order they are drawn (floats at the top first). */
  pages: number[][];
}

interface Entry {
  cost: number;
  /** The state this page started from (-1 for the first), and its choices: bit t set = the t-th float met inline. */
  from: number;
  bits: number;
}

/**
 * Lay out `units` on pages of `frame` points (the first page `firstFrame`), `floats` set
 * here or moved to the top of a later page. Deterministic: same units, same layout.
 */
export function composePages(
  units: readonly Unit[],
  floats: readonly FloatRange[],
  frame: number,
  firstFrame = frame,
): Layout {
  const n = units.length;
  const F = floats.length;
  const floatAt = new Int32Array(n + 1).fill(-1);
  for (const [k, f] of floats.entries()) floatAt[f.start] = k;
  // before[i]: floats that start before unit i; lastBarrier[i]: the last section start before
  // it, or -1 (a float that starts before that one has waited past a section start already).
  const before = new Int32Array(n + 1);
  const lastBarrier = new Int32Array(n + 1);
  for (let i = 0, c = 0, b = -1; i <= n; i++) {
    before[i] = c;
    lastBarrier[i] = b;
    if (i < n && floatAt[i]! >= 0) c++;
    if (i < n && units[i]!.barrier) b = i;
  }
  // A float's height, its first gap dropped.
  const height = floats.map((f) => {
    let h = 0;
    for (let u = f.start; u < f.end; u++) h += (u === f.start ? 0 : units[u]!.gap) + units[u]!.height;
    return h;
  });
  // What a page with `room` left at its foot takes into gaps that may stretch by `st` in all:
  // nothing when the room is within AIM of the frame, else down to STRETCH_TO of it.
  const stretchOf = (room: number, st: number) =>
    room <= AIM * frame + EPS ? 0 : Math.max(0, Math.min(st, room - STRETCH_TO * frame));
  const key = (i: number, q: number) => i * (F + 1) + q;
  const states: (Map<number, Entry> | undefined)[] = new Array(n + 1);
  states[0] = new Map([[0, { cost: 0, from: -1, bits: 0 }]]);

  // What the last pass records as it lays out a page (the search itself records nothing):
  // each unit, its top, whether its repeated header is drawn above it, and how far the gap
  // above it may stretch.
  let trail: [number, number, boolean, number][] = [];
  let recording = false;
  const place = (unit: number, y: number, repeated: boolean, stretch: number) => {
    if (recording) trail.push([unit, y, repeated, stretch]);
  };
  const setFloat = (f: FloatRange, top: number, stretch: number) => {
    let y = top;
    for (let u = f.start; u < f.end; u++) {
      if (u > f.start) y += units[u]!.gap;
      place(u, y, false, u === f.start ? stretch : 0);
      y += units[u]!.height;
    }
  };

  /**
   * Every way to fill the page that starts at unit `i` with floats `q…` waiting: `end(j, k,
   * bits, cost)` for each place the page may end (the next page starts at unit `j`, float
   * `k` the first not yet set; bit t of `bits` set when the t-th float met was set here).
   * `end` returns true to stop the walk (the last pass, at the page it looks for).
   */
  function walk(i: number, q: number, end: (j: number, k: number, bits: number, cost: number) => boolean) {
    const limit = i === 0 ? firstFrame : frame;
    let y = 0;
    let k = q;
    let any = false;
    // Floats waiting from earlier pages: at the top, in order, as many as fit.
    while (k < before[i]!) {
      const top = any ? y + units[floats[k]!.start]!.gap : 0;
      if (any && top + height[k]! > limit + EPS) break;
      setFloat(floats[k]!, top, 0);
      y = top + height[k]!;
      any = true;
      k++;
    }
    // The cover's gaps are its own composition: they never stretch.
    const give = i === 0 ? 0 : STRETCH;
    const late = before[i]! - k;
    const cost = (j: number, kk: number, fill: number, deferred: number, after: number, st: number) => {
      let c = PAGE + DEFER * deferred + LATE * late;
      if (j >= n && kk >= F) return c + (fill < frame / 3 ? SHORT_LAST * (1 + (frame / 3 - fill) / frame) : 0);
      if (after >= 0) c += PENALTY[units[after]!.breakAfter];
      if (j < n && units[j]!.newPage) return c;
      const stretched = stretchOf(limit - fill, st);
      const empty = Math.max(0, limit - fill - stretched) / frame;
      const over = empty - AIM;
      return (
        c + STRETCH_COST * stretched + 100 * (empty / AIM) ** 2 + (over > 1e-9 ? OVER_EMPTY + OVER_SLOPE * over : 0)
      );
    };
    // Pages ended before half their frame are kept back, and offered only when the walk finds
    // no better place to end (a long run that must not break): the search stays linear and
    // fast without losing a layout. The last pass, which looks for one page, sees them all.
    const early: [number, number, number, number][] = [];
    let better = false;
    const offer = (j: number, kk: number, bits: number, fill: number, c: number): boolean => {
      if (recording) return end(j, kk, bits, c);
      if (fill >= limit / 2 && c < PENALTY[NEVER]) better = true;
      if (fill < limit / 2 && j < n && !units[j]!.newPage) early.push([j, kk, bits, c]);
      else end(j, kk, bits, c);
      return false;
    };
    if (any && offer(i, k, 0, y, cost(i, k, y, 0, -1, 0))) return;

    // Until the first text of the page is set (`first`): under floats set at the top, it keeps
    // its distance from them; a table row draws its repeated header above it.
    const go = (
      from: number,
      y0: number,
      kk: number,
      placed0: boolean,
      met0: number,
      bits: number,
      first0: boolean,
      st0: number,
    ): boolean => {
      let [j, yy, placed, met, first, st] = [from, y0, placed0, met0, first0, st0];
      let crossed = false;
      while (j < n) {
        const fk = floatAt[j]!;
        if (fk >= 0) {
          const f = floats[fk]!;
          // Set here only when no earlier float waits (floats keep their order) and it fits.
          const top = placed ? yy + units[f.start]!.gap : 0;
          if (kk === fk && met < 30 && (!placed || top + height[fk]! <= limit + EPS)) {
            const mark = trail.length;
            const give1 = placed ? units[f.start]!.gap * give : 0;
            setFloat(f, top, give1);
            const y1 = top + height[fk]!;
            const b1 = bits | (1 << met);
            const st1 = st + give1;
            if (offer(f.end, fk + 1, b1, y1, cost(f.end, fk + 1, y1, met - popcount(bits), f.end - 1, st1)))
              return true;
            if (go(f.end, y1, fk + 1, true, met + 1, b1, false, st1)) return true;
            trail.length = mark;
          }
          // Or moved to a later page: the text after it fills this one. Not when what comes
          // before it must keep with what follows (a heading): deferred, the float would leave
          // that heading at the page's foot over the next section's text, its own table or
          // figure pages later. The page ends before the heading instead, or the float is set.
          if (f.start > 0 && units[f.start - 1]!.breakAfter === NEVER) return false;
          met++;
          j = f.end;
          continue;
        }
        const u = units[j]!;
        if (u.newPage && (j > i || placed)) return false;
        // A section starts: floats of the one before may wait past it, to the top of the next
        // page, but never past a second one, whether on this page or an earlier one.
        if (u.barrier && kk < before[j]!) {
          if (floats[kk]!.start < lastBarrier[j]!) return false;
          crossed = true;
        }
        const repeated = first && u.repeat !== undefined;
        let top = placed ? yy + (first ? Math.max(u.gap, FLOAT_SEP) : u.gap) : 0;
        if (repeated) top += u.repeat!.height;
        if (placed && top + u.height > limit + EPS) return false;
        const stretch = placed ? u.gap * give : 0;
        place(j, top, repeated, stretch);
        st += stretch;
        yy = top + u.height;
        placed = true;
        first = false;
        j++;
        const c = cost(j, kk, yy, met - popcount(bits), j - 1, st) + (crossed ? CROSS : 0);
        if (offer(j, kk, bits, yy, c)) return true;
      }
      return false;
    };
    go(i, y, k, any, 0, 0, true, 0);
    if (!better) for (const [j, kk, bits, c] of early) end(j, kk, bits, c);
  }

  // The search: states in order of their first unit, then of their first waiting float.
  let final: { key: number; entry: Entry } | undefined;
  for (let i = 0; i <= n; i++) {
    const here = states[i];
    if (!here) continue;
    const done = new Set<number>();
    for (;;) {
      let q = -1;
      for (const k of here.keys()) if (!done.has(k) && (q < 0 || k < q)) q = k;
      if (q < 0) break;
      done.add(q);
      const from = key(i, q);
      const base = here.get(q)!.cost;
      if (i === n && q === F) {
        final = { key: from, entry: here.get(q)! };
        continue;
      }
      walk(i, q, (j, k, bits, c) => {
        let at = states[j];
        if (!at) {
          at = new Map();
          states[j] = at;
        }
        const old = at.get(k);
        if (!old || base + c < old.cost) at.set(k, { cost: base + c, from, bits });
        return false;
      });
    }
  }
  if (!final) throw new Error('page breaking found no layout');

  // Back from the end: the pages, then each page laid out again with its choices.
  const steps: { from: number; to: number; bits: number }[] = [];
  for (let at = final.key; ; ) {
    const i = Math.floor(at / (F + 1));
    const entry = states[i]!.get(at % (F + 1))!;
    if (entry.from < 0) break;
    steps.push({ from: entry.from, to: at, bits: entry.bits });
    at = entry.from;
  }
  steps.reverse();
  const placements: Placement[] = new Array(n);
  const pages: number[][] = [];
  recording = true;
  steps.forEach((step, page) => {
    const [j, k] = [Math.floor(step.to / (F + 1)), step.to % (F + 1)];
    trail = [];
    let found: [number, number, boolean, number][] | undefined;
    walk(Math.floor(step.from / (F + 1)), step.from % (F + 1), (jj, kk, bits) => {
      if (jj !== j || kk !== k || bits !== step.bits) return false;
      found = trail.slice();
      return true;
    });
    if (!found) throw new Error(`page breaking lost page ${page + 1}`);
    pages.push(found.map(([unit]) => unit));
    // A page left too empty at the foot takes up what it can of that room in its gaps.
    const last = j >= n && k >= F;
    const fill = Math.max(...found.map(([unit, y]) => y + units[unit]!.height));
    const room = (step.from < F + 1 ? firstFrame : frame) - fill;
    const total = found.reduce((a, [, , , st]) => a + st, 0);
    const share = last || (j < n && units[j]!.newPage) || total <= 0 ? 0 : stretchOf(room, total) / total;
    let offset = 0;
    for (const [unit, y, repeated, st] of found) {
      offset += st * share;
      placements[unit] = repeated ? { page, y: y + offset, repeated } : { page, y: y + offset };
    }
  });
  return { placements, pages };
}

function popcount(bits: number): number {
  let c = 0;
  for (let b = bits; b; b &= b - 1) c++;
  return c;
}
