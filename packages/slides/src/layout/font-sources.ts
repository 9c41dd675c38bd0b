import { tokens } from '@briefing/content';
import type { Font } from 'fontkit';
import { TTF_FILES } from './faces.js';
import { fontFaceCss, ttfBytes } from './fonts.js';

// The font sources the layout measures with (measure.ts): the design's faces as the theme's
// @font-face rules embed them (WOFF2 subsets with their unicode ranges), and whole TTFs of npm
// packages for the PPTX's faces and the substitute it leaves room for. Each face's caches
// (per code point, per word) live with its source.

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

export interface Subset {
  /** Inclusive code point ranges of the rule's unicode-range. */
  ranges: [number, number][];
  /** The font's bytes: a WOFF2 subset of the theme, or a whole TTF. */
  bytes: () => Buffer;
  font?: Font;
}

export interface Measured {
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

let designFaces: Record<Face, Measured> | undefined;

/** The design's faces as the HTML deck embeds them. */
export function loadDesign(): Record<Face, Measured> {
  if (designFaces) return designFaces;
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
      .map(({ ranges, base64 }) => ({ ranges, bytes: () => Buffer.from(base64, 'base64') }));
    if (subsets.length === 0) throw new Error(`the theme embeds no ${css.family} ${css.weight} ${css.style}`);
    out[face] = measured(subsets);
  }
  designFaces = out;
  return out;
}

export const measured = (subsets: Subset[]): Measured => ({
  subsets,
  source: new Map(),
  chars: new Map(),
  words: new Map(),
  spaced: new Map(),
});

const ttfFaces = new Map<string, Record<Face, Measured>>();

/** Faces from whole TTF files of npm packages (each draws every character it has a glyph for). */
export function loadTtf(set: keyof typeof TTF_FILES): Record<Face, Measured> {
  const known = ttfFaces.get(set);
  if (known) return known;
  const out = {} as Record<Face, Measured>;
  for (const face of FACES) {
    const file = TTF_FILES[set][face];
    out[face] = measured([{ ranges: [[0, 0x10ffff]], bytes: () => ttfBytes(file) }]);
  }
  ttfFaces.set(set, out);
  return out;
}

/** `U+0000-00FF,U+0131` as inclusive ranges. */
function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/iu, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
  });
}
