import { tokens } from '@briefing/content';

/**
 * Slide geometry and type sizes, in CSS pixels of the 1280×720 (16:9) slide. The theme CSS
 * is generated from these numbers and the splitter estimates line counts from the same
 * numbers, so the rule that keeps content on the slide and the slide itself cannot drift.
 */
const PX_PER_PT = 26 / tokens.type.body; // body text 26 px; every other size keeps the tokens' ratios

const px = (pt: number) => Math.round(pt * PX_PER_PT * 10) / 10;

export const slide = {
  width: 1280,
  height: 720,
  padTop: 56,
  padX: 76,
  /** Room kept free at the bottom for the footer and the slide number. */
  padBottom: 84,
} as const;

export const size = {
  body: px(tokens.type.body),
  small: px(tokens.type.small),
  lead: px(tokens.type.lead),
  takeaway: 22,
  heading: px(tokens.type.h2),
  divider: px(tokens.type.h1),
  title: px(tokens.type.h1),
  /** The title slide's title when it would take more than three lines. */
  titleLong: px(tokens.type.h2) + 4,
  /** The title slide when even the long title leaves too little room: every line smaller. */
  titleDense: 32,
  leadDense: 23,
  bodyDense: 20,
  smallDense: 18,
} as const;

export const lineHeight = { body: 1.38, heading: 1.18 } as const;

/** Height the title slide's content may take (its padding is 40 px top, 70 px bottom). */
export const TITLE_ROOM = 720 - 40 - 70 - 16;

/** Space under the slide heading, and between bullets, in px. */
export const gap = { afterHeading: 26, item: 12, para: 14 } as const;

/**
 * Average advance width of a character as a fraction of the font size, for the sans stack
 * (Inter, Liberation Sans/Arial) with a margin: English prose in Arial averages about 0.5 em
 * a character, Inter slightly more. The estimate errs towards more lines, never fewer, and the
 * Chromium test proves it on the real and the stress deck.
 */
export const charWidth = { regular: 0.53, bold: 0.58, heading: 0.55 } as const;

export const contentWidth = slide.width - 2 * slide.padX;
export const contentHeight = slide.height - slide.padTop - slide.padBottom;
/** Indent of a bullet's text. */
export const bulletIndent = 34;
