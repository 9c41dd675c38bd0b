import { FREE, NEVER, SPLIT, WIDOW } from './paginate.js';

// The weights of the page breaker (pages.ts): what a page, a break, a moved float and a
// stretched gap cost, and the room it aims to leave. Tuned together: change one, check the
// pages of the packaged and the stress reports.

/** The most of its frame a page (not the last) may leave empty. */
export const MAX_EMPTY = 0.08;
/**
 * What the breaker holds itself to: a little under MAX_EMPTY, measured to the foot of the last
 * line's box, as a reader (and the tests, from the ink) sees the page end at the last line's
 * descenders, a few points higher.
 */
export const AIM = MAX_EMPTY - 0.01;
export const PENALTY = { [FREE]: 0, [SPLIT]: 5_000, [WIDOW]: 100_000, [NEVER]: 10_000_000 } as const;
/** A page more than AIM empty, and more for each point of its frame past that (1,000 a per cent). */
export const OVER_EMPTY = 10_000;
export const OVER_SLOPE = 100_000;
/** A last page holding less than a third of a frame. */
export const SHORT_LAST = 3_000;
/** Every page: the same content on fewer pages is better. */
export const PAGE = 2_000;
/** A float moved from where it stands to the next page. */
export const DEFER = 30;
/** A float still waiting at the foot of a page that could have taken it at its top. */
export const LATE = 5_000;
/** A float set after the start of the next section (at the top of the page after its own). */
export const CROSS = 400;
/**
 * How far a gap between blocks may stretch, as a share of itself, on a page that would
 * otherwise be left more than AIM empty: only so far as to end the page STRETCH_TO
 * from its foot, at a small cost a point, so a page that can be filled is filled instead.
 */
export const STRETCH = 0.5;
export const STRETCH_TO = 0.05;
export const STRETCH_COST = 5;
/** Space between floats at the top of a page and the text under them. */
export const FLOAT_SEP = 12;
export const EPS = 0.001;
