/**
 * Units and break costs, and the first-fit page breaker. The document is a flat list of units
 * (a line of text, a heading line, a chart) stacked down the page; between two units a break
 * has a cost:
 * - FREE: anywhere between paragraphs' inner lines, list items, blocks;
 * - SPLIT: inside a list item or a callout;
 * - WIDOW: would leave one line of a paragraph, item or callout alone at a page foot or head;
 * - NEVER: after a heading and the first line that follows it (keep with two lines), inside a
 *   table or figure, inside a list item's term.
 * The numbers rank the costs as the page breakers weigh them (page-costs.ts), so that the
 * larger of two is the dearer: a line that is both inside an item and its first takes
 * `Math.max(SPLIT, WIDOW)`, a widow. (Ranked the other way, an item's orphan cost what any
 * split of it costs, and an item's first line was left alone at a page foot.)
 * The renderer breaks pages by total fit (`composePages`, pages.ts). First fit, here, takes
 * for each page the latest break of the lowest cost that fits: kept to show what total fit
 * improves on (the tests switch to it) and as its reference.
 * A unit with `repeat` (a table row) that starts a page leaves room above it for what is
 * repeated there (the table's caption, continued, and header row); its placement says so.
 */
export const FREE = 0;
export const SPLIT = 1;
export const WIDOW = 2;
export const NEVER = 3;
export type Cost = typeof FREE | typeof SPLIT | typeof WIDOW | typeof NEVER;

export interface Unit {
  /** Height of the unit itself. */
  height: number;
  /** Space above, dropped when the unit starts a page. */
  gap: number;
  /** Cost of a page break right after this unit. */
  breakAfter: Cost;
  /** Start this unit on a new page. */
  newPage?: boolean;
  /** Room to leave above this unit when it starts a page, for a repeated header. */
  repeat?: { height: number } | undefined;
  /** A section starts here: tables and figures of the sections before it are set before it. */
  barrier?: boolean;
}

export interface Placement {
  page: number;
  /** Top of the unit, measured from the top of the frame. */
  y: number;
  /** The unit starts its page under its repeated header (drawn at the top of the frame). */
  repeated?: boolean;
}

/**
 * Place every unit on a page of frame height `frame` (page 0 may be shorter: `firstFrame`).
 * `limitOf` may end a page earlier than its frame (see `balanceLastPage`).
 */
export function paginate(
  units: readonly Unit[],
  frame: number,
  firstFrame = frame,
  limitOf: (page: number) => number | undefined = () => undefined,
): Placement[] {
  const out: Placement[] = new Array(units.length);
  let page = 0;
  let i = 0;
  while (i < units.length) {
    const limit = limitOf(page) ?? (page === 0 ? firstFrame : frame);
    let y = 0;
    let j = i;
    const fits: { index: number; cost: Cost }[] = [];
    for (; j < units.length; j++) {
      const u = units[j]!;
      if (j > i && u.newPage) break;
      const repeated = j === i && u.repeat !== undefined;
      const top = j === i ? (repeated ? (u.repeat?.height ?? 0) : 0) : y + u.gap;
      if (j > i && top + u.height > limit + 0.001) break;
      out[j] = repeated ? { page, y: top, repeated } : { page, y: top };
      y = top + u.height;
      fits.push({ index: j, cost: u.breakAfter });
    }
    if (j >= units.length || units[j]!.newPage) {
      i = j;
      page++;
      continue;
    }
    // Choose the break: the lowest cost, and the latest among those.
    let best = fits[fits.length - 1]!;
    for (const f of fits) if (f.cost < best.cost || (f.cost === best.cost && f.index > best.index)) best = f;
    i = best.index + 1;
    page++;
  }
  return out;
}

/** How far down its frame the text of `page` reaches: the bottom of its last unit. */
export function pageFill(units: readonly Unit[], placements: readonly Placement[], page: number): number {
  let fill = 0;
  placements.forEach((p, i) => {
    if (p.page === page) fill = Math.max(fill, p.y + units[i]!.height);
  });
  return fill;
}

/**
 * Pagination with no near-empty last page: when the last page would hold less than `share`
 * of a frame, the page before it ends a little earlier, a line's height at a time, until the
 * last page holds enough; never at the price of an extra page, and never by shortening the
 * cover or the page before it by more than half. Same units, same result: deterministic.
 */
export function balanceLastPage(units: readonly Unit[], frame: number, firstFrame = frame, share = 1 / 3): Placement[] {
  const base = paginate(units, frame, firstFrame);
  const last = base[base.length - 1]?.page ?? 0;
  const want = frame * share;
  const before = last - 1;
  const short = want - pageFill(units, base, last);
  if (before < 1 || short <= 0) return base;
  for (let cut = short; cut <= frame / 2; cut += 6) {
    const trial = paginate(units, frame, firstFrame, (p) => (p === before ? frame - cut : undefined));
    const pages = (trial[trial.length - 1]?.page ?? 0) + 1;
    if (pages !== last + 1) break;
    if (pageFill(units, trial, last) >= want) return trial;
  }
  return base;
}

/**
 * The first-fit layout, floats set where they stand: each page takes the latest break of the
 * lowest cost, the last page balanced. What `composePages` improves on; kept for comparison
 * (the tests switch total fit off to show what it fixes).
 */
export function firstFit(
  units: readonly Unit[],
  frame: number,
  firstFrame = frame,
): { placements: Placement[]; pages: number[][] } {
  const placements = balanceLastPage(units, frame, firstFrame);
  const pages: number[][] = [];
  placements.forEach((p, i) => {
    pages[p.page] ??= [];
    pages[p.page]!.push(i);
  });
  return { placements, pages };
}
