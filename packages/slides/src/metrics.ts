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

export const lineHeight = { body: 1.38, heading: 1.18, table: 1.3 } as const;

/** Height the title slide's content may take (its padding is 40 px top, 70 px bottom). */
export const TITLE_ROOM = 720 - 40 - 70 - 16;

/** Space under the slide heading, and between bullets, in px. */
export const gap = { afterHeading: 26, item: 12, para: 14 } as const;

/**
 * Average advance width of a Latin character as a fraction of the font size, for the fonts
 * the theme embeds, with a margin. Measured in Chromium on the real report's text: Inter
 * averages 0.48 em a character (the widest string 0.53, the widest 45-character stretch 0.54),
 * Inter Bold 0.50 (0.56), Source Serif 4 Bold 0.50 (0.56); the system fallbacks they replace
 * are narrower (Liberation Sans 0.45, Liberation Serif Bold 0.44). The estimate errs towards
 * more lines, never fewer, and the Chromium tests prove it on the real, stress and
 * adversarial decks.
 */
export const charWidth = { regular: 0.55, bold: 0.58, heading: 0.57 } as const;

/**
 * Advance widths (fractions of the font size) of characters outside the embedded subsets,
 * drawn by whichever system font has them: other alphabets (Cyrillic, Greek, Hebrew, Arabic,
 * Indic) at the widest fallback seen, 0.55 em for DejaVu Sans Bold Cyrillic, with a margin;
 * East Asian wide characters and symbols at a full em; emoji at an emoji font's 1.25 em.
 */
export const fallbackWidth = { script: 0.65, wide: 1, emoji: 1.25 } as const;

/**
 * Advance of one code point in em, given the advance of a Latin character in the face used.
 * Latin (and the punctuation, currency and letterlike blocks the latin and latin-ext subsets
 * carry) is drawn by the embedded font; everything else by a fallback.
 */
export function charAdvance(cp: number, latin: number): number {
  if (cp < 0x0370 || (cp >= 0x1d00 && cp <= 0x1eff) || (cp >= 0x2000 && cp <= 0x20cf)) return latin;
  if ((cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf)) return fallbackWidth.emoji;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2100 && cp <= 0x25ff) ||
    (cp >= 0x27c0 && cp <= 0x2bff) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7ff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp >= 0x20000
  ) {
    return fallbackWidth.wide;
  }
  return Math.max(latin, fallbackWidth.script);
}

export const contentWidth = slide.width - 2 * slide.padX;
export const contentHeight = slide.height - slide.padTop - slide.padBottom;
/** Indent of a bullet's text. */
export const bulletIndent = 34;

/**
 * Tables: the type size a table is set at when its tallest row fits a slide, the smallest it
 * may shrink to (a whole px at a time), the cell padding and the rules under the header and
 * each row, in px. Measured: six columns of 600-character Latin cells fit at 12 px (9 px with
 * a 200-character caption and headers); the same in East Asian wide characters at 9 px (6 px
 * with the longest caption, headers and source). `minSize` is that last resort: a row is
 * never split and never overflows; the speaker notes carry every cell at any size. Column widths are whole multiples of `widthStep` percent of the content
 * width (the theme has one rule per column and step).
 */
export const table = {
  size: 20,
  minSize: 4,
  padX: 10,
  padY: 6,
  headRule: 2,
  rowRule: 1,
  widthStep: 2,
  maxColumns: 6,
  /** Space between the table and its source line. */
  sourceGap: 12,
} as const;
