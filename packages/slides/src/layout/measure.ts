import { tokens } from '@briefing/content';
import { create, type Font } from 'fontkit';
import { fontFaceCss, oneFont } from './fonts.js';
import { charAdvance, fallbackWidth } from './metrics.js';

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
 */
export type Face = 'regular' | 'bold' | 'italic' | 'heading';

export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'heading'];

const { sans, serif } = tokens.font;

/** Each face as the theme's CSS names it. */
const FACE_CSS: Record<Face, { family: string; weight: number; style: string }> = {
  regular: { family: sans.family, ...sans.faces.regular },
  bold: { family: sans.family, ...sans.faces.bold },
  italic: { family: sans.family, ...sans.faces.italic },
  heading: { family: serif.family, ...serif.faces.bold },
};

/** The features Chromium applies for the theme (see above); fontkit adds its defaults to these. */
const FEATURES = { calt: false, kern: true, liga: true };
// Every run is shaped as Latin script, Greek and Cyrillic ones too (within the tolerance of
// Chromium's widths: test/measure.test.ts has samples of both). Left to guess, fontkit takes a
// run of digits and punctuation ("3.5") for no script and applies Inter's kerning twice (it
// reaches the same lookup through two features); HarfBuzz applies it once.

interface Subset {
  /** Inclusive code point ranges of the rule's unicode-range. */
  ranges: [number, number][];
  base64: string;
  font?: Font;
}

interface Measured {
  /** In the order the rules are written. */
  subsets: Subset[];
  /** Code point to subset index, -1 for a fallback font. */
  source: Map<number, number>;
  /** Em advance of one code point (for breaking inside a word). */
  chars: Map<number, number>;
  /** Em width of a string (a word, mostly). */
  words: Map<string, number>;
  /** Em widths of a word with spaces around it (wordWidth), by context: after ×2 + before. */
  spaced: Map<string, number[]>;
}

/** Bounds the word cache of a long-lived process (a watch session) fed endless new text. */
const MAX_WORDS = 50_000;
/** Longer strings are measured afresh each time (they seldom recur). */
const MAX_CACHED_LENGTH = 64;

let faces: Record<Face, Measured> | undefined;

function load(): Record<Face, Measured> {
  if (faces) return faces;
  const rules = [...fontFaceCss().matchAll(/@font-face\s*\{([^}]*)\}/gu)].map(([, body = '']) => {
    const get = (name: string) => new RegExp(`${name}:\\s*([^;]+);`, 'u').exec(body)?.[1]?.trim() ?? '';
    return {
      family: get('font-family').replace(/^['"]|['"]$/gu, ''),
      style: get('font-style'),
      weight: Number(get('font-weight')),
      base64: /base64,([^)]+)\)/u.exec(body)?.[1] ?? '',
      ranges: parseRanges(get('unicode-range')),
    };
  });
  const out = {} as Record<Face, Measured>;
  for (const face of FACES) {
    const css = FACE_CSS[face];
    const subsets = rules
      .filter((r) => r.family === css.family && r.weight === css.weight && r.style === css.style)
      .map(({ ranges, base64 }) => ({ ranges, base64 }));
    if (subsets.length === 0) throw new Error(`the theme embeds no ${css.family} ${css.weight} ${css.style}`);
    out[face] = { subsets, source: new Map(), chars: new Map(), words: new Map(), spaced: new Map() };
  }
  faces = out;
  return out;
}

/** `U+0000-00FF,U+0131` as inclusive ranges. */
function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/iu, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
  });
}

function fontOf(subset: Subset): Font {
  subset.font ??= oneFont(create(Buffer.from(subset.base64, 'base64')));
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
  const m = load();
  const measured = m[face];
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
  if (text.length <= MAX_CACHED_LENGTH) {
    if (measured.words.size >= MAX_WORDS) measured.words.clear();
    measured.words.set(text, em);
  }
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
  const measured = load()[face];
  let widths = measured.spaced.get(word);
  if (!widths) {
    if (measured.spaced.size >= MAX_WORDS) measured.spaced.clear();
    widths = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    measured.spaced.set(word, widths);
  }
  let em = widths[context] as number;
  if (Number.isNaN(em)) {
    const spaced = `${spaceBefore ? ' ' : ''}${word}${spaceAfter ? ' ' : ''}`;
    em = textWidth(spaced, face) - (spaced.length - word.length) * textWidth(' ', face);
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

/** Advance of one code point in em of the face, unkerned (the step of a break inside a word). */
export function charEm(cp: number, face: Face): number {
  const measured = load()[face];
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
  return sourceOf(load()[face], cp) >= 0;
}
