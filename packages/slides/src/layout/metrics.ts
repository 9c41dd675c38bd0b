import { tokens } from '@briefing/content';

/**
 * Slide geometry and type sizes, in CSS pixels of the 1280×720 (16:9) slide. The theme CSS
 * is generated from these numbers and the layout counts lines from the same numbers (with
 * text widths measured in the embedded fonts, see layout.ts), so the rule that keeps content
 * on the slide and the slide itself cannot drift.
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

/** Space under the slide heading, and between bullets, in px. */
export const gap = { afterHeading: 26, item: 12, para: 14 } as const;

/** The rule under a slide heading: its distance below the heading's last line, and its thickness. */
export const headingRule = { gap: 14, width: 2 } as const;

/**
 * The kicker above a section slide's heading: the space under it, and its letter spacing in em.
 */
export const kickerStyle = { gap: 6, tracking: 0.06 } as const;

/**
 * A bullet's text sits `bulletPad` px past the list's indent (`bulletIndent`).
 */
export const bulletPad = 4;

/**
 * The callout's panel: its distance below the text before it, its padding, the highlight rule
 * on its left and its corners' radius. `box` is the height the panel adds to its text, the
 * padding and the space above included.
 */
export const callout = { top: 6, padY: 16, padX: 22, rule: 6, radius: 6, box: 40 } as const;

/**
 * The footer and the slide number: their distance from the slide's foot, the room kept free
 * right of the footer (the slide number's), and the width of the slide number's box.
 */
export const footer = { bottom: 28, right: 160, numberWidth: 120, numberLine: 1.2 } as const;

/** How far a link's underline sits below the text. */
export const linkUnderline = 3;

/** The accent bar along a slide's left edge (across the top of the title slide). */
export const edgeBar = 10;

/**
 * The list slides: the space after each key takeaway and each source, and an agenda entry's
 * padding above and below and the rule under it.
 */
export const listSlide = { takeaway: 16, source: 18, agendaTop: 6, agendaBottom: 10, agendaRule: 1 } as const;

/**
 * The title slide: its padding top and bottom (no footer, so the content sits centred), the
 * room kept spare, and the space after the title, the subtitle and the byline and before the
 * source line (the dense scale's where it differs).
 */
export const titleSlide = {
  pad: 55,
  spare: 16,
  titleAfter: 28,
  subtitleAfter: 36,
  bylineAfter: 10,
  sourceBefore: 8,
  dense: { titleAfter: 18, subtitleAfter: 20 },
} as const;

/** Height the title slide's content may take. */
export const TITLE_ROOM = slide.height - 2 * titleSlide.pad - titleSlide.spare;

/**
 * The divider slide: the highlight bar above its title (width, height, space under it), the
 * space under the title and the widest a line of its text (and the lead style) may run.
 */
export const divider = { barWidth: 96, barHeight: 6, barGap: 30, after: 24, textWidth: 980 } as const;

/**
 * Charts: the space between the plot and its caption, between side-by-side panels, the
 * largest height of a plot, and the smallest type of its labels.
 */
const minChartLabel = 12;
export const chartBox = {
  captionGap: 14,
  panelGap: 48,
  maxHeight: 400,
  /**
   * The shortest plot a chart joins the text slide before it with, rather than take a slide of
   * its own: `inlineShare` of the plot its own slide gives it (cut by at most two fifths: 240 px
   * of the largest, 400), and never under `inline` px, where a chart reads as a strip. A share
   * more than a height, so that on a template's lower body area, where its own slide gives the
   * chart less than 260 px, it still joins a slide of one bullet rather than leave it alone.
   */
  inlineShare: 0.6,
  inline: 150,
  minLabel: minChartLabel,
  /** A panel's title, and the PPTX chart's labels: 6 px under the body, never under the smallest label. */
  title: Math.max(minChartLabel, size.body - 6),
} as const;

/**
 * Average advance width of a Latin character as a fraction of the font size, with a margin.
 * Slide text is not laid out with these: layout.ts measures it in the embedded fonts
 * (measure.ts). They remain an estimate for what is not measured that way: the chart's
 * labels (chart.ts), and `advance` given a number. Measured in Chromium on the real report's
 * text: Inter averages 0.48 em a character (the widest string 0.53, the widest 45-character
 * stretch 0.54), Inter Bold 0.50 (0.56), Source Serif 4 Bold 0.50 (0.56); the system
 * fallbacks they replace are narrower (Liberation Sans 0.45, Liberation Serif Bold 0.44).
 */
export const charWidth = { regular: 0.55, bold: 0.58, heading: 0.57 } as const;

/**
 * The HTML deck's chart, drawn as SVG (markdown/chart.ts), in px where not said otherwise. Its
 * text is not measured but estimated (`charWidth`, in em a character), so the type and the
 * columns follow the rows' height and the labels' length.
 */
export const chartPlot = {
  /** Estimated advance of the chart's text: its bold labels and figures, and its regular text. */
  charWidth: { bold: charWidth.regular, regular: charWidth.regular - 0.04 },
  /** Space above the first row and below the last. */
  padY: 4,
  /** The tallest a data point's row may be. */
  maxRow: 150,
  /** A panel title's band above the rows, and its baseline, in em of the title's size. */
  titleBand: 1.9,
  titleBaseline: 1.2,
  /** Where a text's baseline sits below the middle of its row, in em of its size. */
  baseline: 0.35,
  /** A label's type as a share of its row's height (between chartBox.minLabel and the body size). */
  labelShare: 0.5,
  /** The labels' column: at most `labelMax` wide, the widest label plus `labelRoom`; a label ends `labelEnd` before the bars. */
  labelMax: 300,
  labelRoom: 24,
  labelEnd: 18,
  /** A figure's type as a share of its row's height, at least `figureMin` and `figureUnderBody` under the body size at most. */
  figureShare: 0.34,
  figureMin: 11,
  figureUnderBody: 2,
  /** The figures' room in a panel: the widest figure plus `figureRoom`, at most `figureMaxShare` of the panel; a figure starts `figureGap` past its bar. */
  figureRoom: 20,
  figureMaxShare: 0.6,
  figureGap: 14,
  /** A bar: its thickness as a share of its row's height (at least `barMin`), its least length and its corners' radius. */
  barShare: 0.46,
  barMin: 6,
  barMinLength: 2,
  barRadius: 3,
  /** The width of a panel's axis line. */
  axis: 2,
  /** The least height a chart fence may ask for (chartBox.maxHeight the most). */
  minHeight: 60,
} as const;

/**
 * The PPTX's native chart (pptx/chart.ts, chart-shape.ts): the gap between bars as a percentage
 * of a bar's thickness, and the value axis's maximum, at least `headroom` times the longest
 * value. The viewer lays the plot out itself, so its room is estimated, in em of the labels'
 * size (chartBox.title): the category labels take their widest plus `axisMargin`, the chart's
 * inner margins `innerMargin`, a bar's value label starts `labelGap` past its end, and a bar
 * keeps at least `minBarShare` of the plot. Where the PPTX places the plot itself (chart-axis.ts):
 * a label's line box `labelLine` em (the face's own, Arimo 1.15 or Inter 1.21, or a substitute's,
 * DejaVu 1.16), the label column at most `labelColumn` of the panel, the panel's title a band of
 * `titleBand` em above the plot; labels that fit on one line in `viewerLabels` of the panel are
 * left to the viewer; where a row holds no line of `chartBox.minLabel`, the labels go down to
 * `lastResortLabel` px.
 */
export const nativeChart = {
  barGapPct: 60,
  headroom: 1.6,
  axisMargin: 2,
  innerMargin: 2,
  labelGap: 0.5,
  minBarShare: 0.25,
  labelLine: 1.25,
  labelColumn: 0.5,
  titleBand: 2.4,
  viewerLabels: 0.25,
  lastResortLabel: 8,
} as const;

/**
 * Advance widths (fractions of the font size) of characters outside the embedded subsets,
 * drawn by whichever system font has them. The deck cannot know the fonts of the machine that
 * shows it, so these stay estimates, set for the widest fallback of the theme's stacks, DejaVu
 * (what Debian's Chromium draws them in): letters of other alphabets (Cyrillic, Greek, Latin
 * letters the subsets lack, Hebrew, Arabic, Indic) at `script`, in the bold faces at
 * `scriptBold` (measured in Chromium: the lower-case Cyrillic alphabet averages 0.66 em in
 * DejaVu Sans, 0.73 in DejaVu Sans Bold, 0.75 in DejaVu Serif Bold, running text less, Greek
 * less; text in capitals can be wider: 0.76, 0.86 and 0.92 em for Cyrillic); East
 * Asian wide characters and symbols at a full em; emoji at an emoji font's 1.25 em. Every
 * character the embedded subsets draw is measured instead (measure.ts).
 */
export const fallbackWidth = { script: 0.65, scriptBold: 0.76, wide: 1, emoji: 1.25 } as const;

/**
 * Estimated advance of one code point in em, given the width to assume for a Latin letter:
 * that width for Latin (and the punctuation, currency and letterlike blocks the latin and
 * latin-ext subsets carry), at least `script` for other alphabets, a full em or more for wide
 * characters and emoji. measure.ts uses it for the characters the embedded subsets lack,
 * with `script` (`scriptBold` in the bold faces) as the Latin width.
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
  /** The smallest size a table is shrunk to so that it fits one slide instead of several. */
  oneSlideSize: 16,
  padX: 10,
  padY: 6,
  headRule: 2,
  rowRule: 1,
  widthStep: 2,
  maxColumns: 6,
  /** Space between the table and its source line. */
  sourceGap: 12,
} as const;
