// Total-fit line breaking: the Knuth–Plass method, set ragged right. A paragraph is a row of
// atoms (words, or pieces of a word between its hyphenation points), each followed by a place
// where a line may or may not end. Every way of breaking it into lines no wider than the
// measure is weighed at once, and the one with the least demerits wins: each line's
// demerits grow with the cube of the room it leaves, so the rag is even; a hyphen costs
// something, two in a row more, three in a row and one before the last line are not allowed;
// a last line of one short word costs more than any loose line (a runt). It is a shortest
// path over break points, linear in the paragraph's length for a given measure.

/** What follows an atom: where, and how, a line may end after it. */
export type BreakKind =
  /** A space: dropped at a line end. */
  | 'space'
  /** A break with no space, after a hyphen or dash the author wrote, or at a zero-width space. */
  | 'soft'
  /** A hyphenation point: a hyphen is drawn at the line end. */
  | 'hyphen'
  /** No break: the next atom is the same word. */
  | 'none'
  /** The end of the paragraph. */
  | 'end';

export interface Atom {
  width: number;
  kind: BreakKind;
  /** Width of the space after it (kind `space`). */
  glue: number;
  /** Width of the hyphen drawn when the line ends here (kind `hyphen`). */
  hyphen: number;
  /**
   * Width to add to a line that starts after this atom when it breaks here: the rest of a
   * hyphenated word, shaped on its own, is not exactly its share of the whole word (kerning).
   */
  restCorrection: number;
}

/**
 * The typesetting rules, each of which can be switched off, for tests only: a check of the
 * PDF is shown to fail with the rule it checks switched off. Not exported from the package.
 */
export const switches = { totalFit: true, hyphenate: true, hyphenLimits: true, avoidRunts: true };

const LINE_PENALTY = 10;
/** Demerits of a hyphenated line, and of a break after a hyphen or dash the author wrote (squared). */
const HYPHEN_PENALTY = 100;
const SOFT_PENALTY = 50;
/** A second hyphenated line straight after another. */
const DOUBLE_HYPHEN = 10_000;
/** More than any number of loose lines: a runt is set only when nothing else can be. */
const RUNT = 1e12;
const OVERFULL = 1e14;
const MAX_BADNESS = 10_000;
/** At most this many hyphenated lines in a row. */
const MAX_HYPHENS = 2;
/** A last line of one word narrower than this share of the measure is a runt. */
export const RUNT_SHARE = 1 / 5;

export interface BreakOptions {
  /** The measure. */
  width: number;
  /** How much room a line may leave before it counts as loose (ragged right): badness 100 at this much. */
  stretch: number;
}

/** The index of the last atom of every line. */
export function breakLines(atoms: readonly Atom[], o: BreakOptions): number[] {
  if (atoms.length === 0) return [];
  if (!switches.totalFit) return firstFit(atoms, o.width);
  // Passing over very loose lines may leave no way through the rules; then every line is
  // weighed. A last word wider than the line can only start its line after a hyphen: then,
  // and only then, the hyphen limits give way.
  const limits = switches.hyphenLimits;
  return (
    totalFit(atoms, o, limits, true) ??
    totalFit(atoms, o, limits, false) ??
    totalFit(atoms, o, false, false) ??
    firstFit(atoms, o.width)
  );
}

const startCorrection = (atoms: readonly Atom[], b: number) =>
  b > 0 && atoms[b - 1]!.kind === 'hyphen' ? atoms[b - 1]!.restCorrection : 0;

const KIND = { space: 1, soft: 2, hyphen: 3, none: 0, end: 4 } as const;
/** Room beyond which a line is as bad as it gets (badness MAX_BADNESS), in stretches. */
const LOOSEST = Math.cbrt(MAX_BADNESS / 100);

/**
 * The best breaks, or none if the rules leave no way through. `prune` passes over lines
 * looser than the loosest badness once a node has another way on; without it, every line
 * that fits is weighed.
 */
function totalFit(
  atoms: readonly Atom[],
  { width, stretch }: BreakOptions,
  limits: boolean,
  prune: boolean,
): number[] | undefined {
  const n = atoms.length;
  // The atoms as flat arrays, for the inner loop.
  const w = new Float64Array(n);
  const kind = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const a = atoms[k]!;
    w[k] = a.width;
    kind[k] = KIND[a.kind];
  }
  // Node b is the start of a line at atom b; each node has a state per number of hyphenated
  // lines just before it (0, 1 or 2).
  const S = MAX_HYPHENS + 1;
  const best = new Float64Array((n + 1) * S).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array((n + 1) * S).fill(-1);
  best[0] = 0;
  // The last space of the paragraph: a last line starting after it holds a single word.
  let lastSpace = -1;
  for (let k = 0; k < n - 1; k++) if (kind[k] === KIND.space) lastSpace = k;
  const loosest = prune ? width - stretch * LOOSEST : Number.NEGATIVE_INFINITY;
  // Each candidate line from b: its last atom and its width (the hyphen excluded).
  const ends = new Int32Array(n);
  const widths = new Float64Array(n);

  for (let b = 0; b < n; b++) {
    const d0 = best[b * S]!;
    const d1 = best[b * S + 1]!;
    const d2 = best[b * S + 2]!;
    if (d0 === Number.POSITIVE_INFINITY && d1 === Number.POSITIVE_INFINITY && d2 === Number.POSITIVE_INFINITY) continue;
    const afterHyphen = b > 0 && kind[b - 1] === KIND.hyphen;
    // The lines that fit, shortest first.
    let count = 0;
    let x = startCorrection(atoms, b);
    for (let j = b; j < n; j++) {
      x += w[j]!;
      if (j > b && x > width + 0.01) break;
      const k = kind[j]!;
      if (k !== KIND.none) {
        ends[count] = j;
        widths[count++] = x;
      }
      if (k === KIND.space) x += atoms[j]!.glue;
    }
    // Longest first. A line looser than the loosest badness is weighed only for a state that
    // has no other way on (TeX, too, passes over such lines until it must).
    let open =
      (d0 < Number.POSITIVE_INFINITY ? 1 : 0) |
      (d1 < Number.POSITIVE_INFINITY ? 2 : 0) |
      (d2 < Number.POSITIVE_INFINITY ? 4 : 0);
    for (let c = count - 1; c >= 0; c--) {
      const j = ends[c]!;
      const k = kind[j]!;
      const natural = widths[c]! + (k === KIND.hyphen ? atoms[j]!.hyphen : 0);
      if (k !== KIND.end && natural < loosest && open === 0) break;
      let d: number;
      if (k === KIND.end) {
        if (limits && afterHyphen) continue;
        d = LINE_PENALTY * LINE_PENALTY;
        if (switches.avoidRunts && b > 0 && lastSpace < b && natural < width * RUNT_SHARE) d += RUNT;
      } else {
        const slack = width - natural;
        const badness = slack < 0 ? MAX_BADNESS : Math.min(MAX_BADNESS, 100 * (slack / stretch) ** 3);
        d = (LINE_PENALTY + badness) * (LINE_PENALTY + badness);
        if (slack < -0.01) d += OVERFULL;
        if (k === KIND.hyphen) d += HYPHEN_PENALTY * HYPHEN_PENALTY;
        else if (k === KIND.soft) d += SOFT_PENALTY * SOFT_PENALTY;
      }
      for (let h = 0; h < S; h++) {
        const here = h === 0 ? d0 : h === 1 ? d1 : d2;
        if (here === Number.POSITIVE_INFINITY) continue;
        let next = 0;
        let extra = 0;
        if (k === KIND.hyphen) {
          next = h + 1;
          if (next > MAX_HYPHENS) {
            if (limits) continue;
            next = MAX_HYPHENS;
          }
          if (h > 0) extra = DOUBLE_HYPHEN;
        }
        open &= ~(1 << h);
        const total = here + d + extra;
        const to = (j + 1) * S + next;
        if (total < best[to]!) {
          best[to] = total;
          from[to] = b * S + h;
        }
      }
    }
  }
  let end = -1;
  for (let h = 0; h < S; h++) if (best[n * S + h]! < (end < 0 ? Number.POSITIVE_INFINITY : best[end]!)) end = n * S + h;
  if (end < 0) return undefined;
  const out: number[] = [];
  for (let node = end; node > 0; node = from[node]!) out.push(Math.floor(node / S) - 1);
  return out.reverse();
}

/** Greedy breaking, line by line, at spaces and after hyphens and dashes (no hyphenation). */
function firstFit(atoms: readonly Atom[], width: number): number[] {
  const n = atoms.length;
  const out: number[] = [];
  let b = 0;
  while (b < n) {
    let w = startCorrection(atoms, b);
    let last = -1;
    // For a word wider than the line alone: the last of its hyphenation points that fits.
    let inWord = -1;
    for (let j = b; j < n; j++) {
      const atom = atoms[j]!;
      w += atom.width;
      const over = w > width + 0.01;
      if (over && (last >= 0 || inWord >= 0)) break;
      if (atom.kind === 'space' || atom.kind === 'soft' || atom.kind === 'end') last = j;
      else if (atom.kind === 'hyphen' && last < 0) inWord = j;
      if (atom.kind === 'space') w += atom.glue;
    }
    const end = last >= 0 ? last : inWord >= 0 ? inWord : n - 1;
    out.push(end);
    b = end + 1;
  }
  return out;
}
