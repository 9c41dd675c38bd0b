import { create, type Font } from 'fontkit';
import { HTML_METRICS, type Metrics } from './faces.js';
import { FACES, type Face, loadDesign, loadTtf, type Measured, measured, type Subset } from './font-sources.js';
import { oneFont } from './fonts.js';
import { charAdvance, contentHeight, contentWidth, fallbackWidth, slide, TITLE_ROOM } from './metrics.js';

export { FACES, type Face } from './font-sources.js';

/**
 * Text widths from the fonts the deck really draws. The faces are the theme's own
 * `@font-face` rules (fontFaceCss: the same WOFF2 subsets, the same unicode ranges), parsed
 * by fontkit and shaped as Chromium shapes them: OpenType kerning on (CSS `font-kerning:
 * auto`, Chromium's default), standard ligatures on, contextual alternates off (the theme
 * sets `font-variant-ligatures: no-contextual`, so Inter's "->" stays two glyphs), no
 * letter-spacing. Chromium positions glyphs at subpixel offsets, so widths scale linearly with
 * the font size: they are kept in em and multiplied out.
 *
 * A character goes to the subset whose unicode-range covers it (the rule written last wins,
 * as in CSS) if that subset has a glyph for it. Runs of characters in one subset are shaped
 * together, so kerning applies inside a run and not across subsets or faces (Chromium shapes
 * each font's run on its own). A character no subset covers is drawn by a system font the
 * deck cannot know: it keeps the per-character estimate of metrics.ts (charAdvance with
 * fallbackWidth, wider in the bold faces).
 *
 * Parsing the fonts (brotli, in JavaScript) and the first shapings take about 0.2 s once a
 * process; every string is then shaped once and its width kept (words, mostly), so laying out
 * a large deck costs map look-ups.
 *
 * Checked against Chromium by test/measure.test.ts.
 *
 * A PPTX plan measures otherwise (faces.ts, withMetrics): in the office faces' equivalents
 * (whole TTFs, Gelasio and Arimo) or the design faces, and, since the file cannot carry its
 * fonts, each width as the wider of the face's and DejaVu's, so its boxes hold their text in
 * whichever the viewer draws.
 */

/** The features Chromium applies for the theme (see above); fontkit adds its defaults to these. */
const FEATURES = { calt: false, kern: true, liga: true };
// Every run is shaped as Latin script, Greek and Cyrillic ones too (within the tolerance of
// Chromium's widths: test/measure.test.ts has samples of both). Left to guess, fontkit takes a
// run of digits and punctuation ("3.5") for no script and applies Inter's kerning twice (it
// reaches the same lookup through two features); HarfBuzz applies it once.

/** Bounds the word cache of a long-lived process (a watch session) fed endless new text. */
const MAX_WORDS = 50_000;
/** Longer strings are measured afresh each time (they seldom recur). */
const MAX_CACHED_LENGTH = 64;

/**
 * What the layout measures in now: the faces of the plan being made, and (reserve) the
 * substitute's, each width the wider of the two. Set for the length of a plan or a PPTX
 * build (withMetrics); the HTML deck's otherwise. The caches of the combined widths are kept
 * per metrics.
 */
interface Active {
  sources: Record<Face, Measured>[];
  /** The widths of several sources combined (the wider), cached as one source's are. */
  combined: Record<Face, Measured>;
}

const actives = new Map<string, Active>();
let current: Metrics = HTML_METRICS;

function active(): Active {
  const key = `${current.faces}${current.reserve ? '+reserve' : ''}`;
  let found = actives.get(key);
  if (!found) {
    const primary = current.faces === 'design' ? loadDesign() : loadTtf('office');
    const sources = current.reserve ? [primary, loadTtf('substitute')] : [primary];
    const combined = {} as Record<Face, Measured>;
    for (const face of FACES) combined[face] = sources.length === 1 ? (primary[face] as Measured) : measured([]);
    found = { sources, combined };
    actives.set(key, found);
  }
  return found;
}

/**
 * Run `fn` measuring in `metrics` (a plan's faces, and room for a substitute): the layout's
 * widths, line counts and heights inside it are those of these faces. Synchronous, and
 * restored afterwards, so the renderers stay pure functions of their input.
 */
export function withMetrics<T>(metrics: Metrics, fn: () => T): T {
  const before = current;
  current = metrics;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** The metrics the layout measures in now. */
export const currentMetrics = (): Metrics => current;

/**
 * Whether a link cut across lines ends its last line, as in LibreOffice Impress, which reads
 * each linked run of a PPTX as one field: a field wider than the line is cut anywhere, and the
 * text after it starts a new line. A PPTX plan's (the plans that reserve room for a substitute
 * face); the HTML deck's links are inline text that goes on after the cut.
 */
export const cutLinksEndLines = (): boolean => current.reserve;

/** The width of the content box the plan lays out in now (px): the plan's room's, else our slide's. */
export const roomWidth = (): number => current.room?.width ?? contentWidth;

/** The height of the content box the plan lays out in now (px): the plan's room's, else our slide's. */
export const roomHeight = (): number => current.room?.height ?? contentHeight;

/** The height of the slide the plan lays out for now (px): the plan's room's, else ours. */
export const slideHeight = (): number => current.room?.slideHeight ?? slide.height;

/** The height the title slide's content may take now (px): metrics.ts TITLE_ROOM on the slide of the plan's room. */
export const titleRoom = (): number => TITLE_ROOM + slideHeight() - slide.height;

function fontOf(subset: Subset): Font {
  subset.font ??= oneFont(create(subset.bytes()));
  return subset.font;
}

/** The subset that draws a code point in the face, or -1 when a system font does. */
function sourceOf(m: Measured, cp: number): number {
  let index = m.source.get(cp);
  if (index !== undefined) return index;
  index = -1;
  for (let i = m.subsets.length - 1; i >= 0; i--) {
    const subset = m.subsets[i] as Subset;
    if (subset.ranges.some(([a, b]) => cp >= a && cp <= b) && fontOf(subset).hasGlyphForCodePoint(cp)) {
      index = i;
      break;
    }
  }
  m.source.set(cp, index);
  return index;
}

/**
 * Width of `text` on one line, in em of the face (multiply by the font size for px). White
 * space counts as the face's space; line breaks are the caller's business.
 */
export function textWidth(text: string, face: Face): number {
  const { sources, combined } = active();
  if (sources.length === 1) return widthIn(combined[face], text, face);
  const cached = combined[face].words.get(text);
  if (cached !== undefined) return cached;
  const em = Math.max(...sources.map((source) => widthIn(source[face], text, face)));
  keep(combined[face].words, text, em);
  return em;
}

function keep(words: Map<string, number>, text: string, em: number): void {
  if (text.length > MAX_CACHED_LENGTH) return;
  if (words.size >= MAX_WORDS) words.clear();
  words.set(text, em);
}

function widthIn(measured: Measured, text: string, face: Face): number {
  const cached = measured.words.get(text);
  if (cached !== undefined) return cached;
  let em = 0;
  let run = '';
  let runSource = -1;
  const flush = () => {
    if (run === '') return;
    const font = fontOf(measured.subsets[runSource] as Subset);
    em += font.layout(run, FEATURES, 'latn').advanceWidth / font.unitsPerEm;
    run = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const source = sourceOf(measured, cp);
    if (source < 0) {
      flush();
      em += fallbackEm(cp, face);
      continue;
    }
    if (source !== runSource) flush();
    runSource = source;
    run += ch;
  }
  flush();
  keep(measured.words, text, em);
  return em;
}

/**
 * Width in em of a word shaped with a space before and/or after it, less those spaces: what
 * the word takes in running text, where Chromium shapes it with its neighbours (a font may
 * kern or position a glyph next to a space: Inter Bold narrows a comma before one, Source
 * Serif kerns "Y" and "T" against one). Kept per word, so running text costs no new strings.
 */
export function wordWidth(word: string, face: Face, spaceBefore: boolean, spaceAfter: boolean): number {
  const context = (spaceBefore ? 1 : 0) + (spaceAfter ? 2 : 0);
  if (context === 0 || word.length > MAX_CACHED_LENGTH) return textWidth(word, face);
  const { sources, combined } = active();
  if (sources.length === 1) return spacedIn(combined[face], word, face, context);
  return Math.max(...sources.map((source) => spacedIn(source[face], word, face, context)));
}

function spacedIn(measured: Measured, word: string, face: Face, context: number): number {
  const spaceBefore = (context & 1) === 1;
  const spaceAfter = (context & 2) === 2;
  let widths = measured.spaced.get(word);
  if (!widths) {
    if (measured.spaced.size >= MAX_WORDS) measured.spaced.clear();
    widths = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    measured.spaced.set(word, widths);
  }
  let em = widths[context] as number;
  if (Number.isNaN(em)) {
    const spaced = `${spaceBefore ? ' ' : ''}${word}${spaceAfter ? ' ' : ''}`;
    em = widthIn(measured, spaced, face) - (spaced.length - word.length) * widthIn(measured, ' ', face);
    widths[context] = em;
  }
  return em;
}

/**
 * The estimate for a character no embedded subset draws (metrics.ts), wider in the bold
 * faces. A Latin letter the subsets lack is drawn by a system font as well, whose letters are
 * wider than an average Latin character (DejaVu's), so it counts as another alphabet's does.
 */
function fallbackEm(cp: number, face: Face): number {
  return charAdvance(cp, face === 'bold' || face === 'heading' ? fallbackWidth.scriptBold : fallbackWidth.script);
}

/** Width of text in em, character by character, without kerning (a run-on string's). */
export function unkerned(text: string, face: Face): number {
  let em = 0;
  for (const ch of text) em += charEm(ch.codePointAt(0) as number, face);
  return em;
}

/** Advance of one code point in em of the face, unkerned (the step of a break inside a word). */
export function charEm(cp: number, face: Face): number {
  return Math.max(...active().sources.map((source) => charIn(source[face], cp, face)));
}

function charIn(measured: Measured, cp: number, face: Face): number {
  let em = measured.chars.get(cp);
  if (em !== undefined) return em;
  const source = sourceOf(measured, cp);
  if (source < 0) {
    em = fallbackEm(cp, face);
  } else {
    const font = fontOf(measured.subsets[source] as Subset);
    em = font.layout(String.fromCodePoint(cp), FEATURES, 'latn').advanceWidth / font.unitsPerEm;
  }
  measured.chars.set(cp, em);
  return em;
}

/** Whether the theme's embedded subsets of the face draw the code point (false: a system font does). */
export function embeds(cp: number, face: Face): boolean {
  return sourceOf(active().sources[0]?.[face] as Measured, cp) >= 0;
}
