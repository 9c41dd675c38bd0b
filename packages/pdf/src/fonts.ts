import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tokens } from '@briefing/content';
import { create, type Font, type FontCollection, type Glyph } from 'fontkit';

/** The faces the PDF uses: a serif for reading, a sans for headings, labels and the chart. */
export type FaceName = 'serif' | 'serifItalic' | 'serifBold' | 'sans' | 'sansSemibold' | 'sansBold';

export interface Face {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
}

const { serif, sans } = tokens.font;

/** Each face of the PDF as the design tokens name it: family, weight, style. */
const FACES: Record<FaceName, Face> = {
  serif: { family: serif.family, ...serif.faces.regular },
  serifItalic: { family: serif.family, ...serif.faces.italic },
  serifBold: { family: serif.family, ...serif.faces.bold },
  sans: { family: sans.family, ...sans.faces.regular },
  sansSemibold: { family: sans.family, ...sans.faces.semibold },
  sansBold: { family: sans.family, ...sans.faces.bold },
};

export const FACE_NAMES = Object.keys(FACES) as FaceName[];

/**
 * The TTF files of each family: pdfkit's subsetter cannot read WOFF2, and the
 * @expo-google-fonts packages ship TTFs named `<weight><Name>[_Italic]/<Prefix>_<same>.ttf`.
 */
const TTF_PACKAGES: Record<string, { package: string; prefix: string }> = {
  [serif.family]: { package: '@expo-google-fonts/source-serif-4', prefix: 'SourceSerif4' },
  [sans.family]: { package: '@expo-google-fonts/inter', prefix: 'Inter' },
};
const WEIGHT_NAMES: Record<number, string> = { 400: 'Regular', 600: 'SemiBold', 700: 'Bold' };

/** The npm file of a face: `@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf`. */
function ttfFile({ family, weight, style }: Face): string {
  const pkg = TTF_PACKAGES[family];
  const name = WEIGHT_NAMES[weight];
  if (!pkg || !name) throw new Error(`no TTF for ${family} ${weight} ${style}`);
  const face = `${weight}${name}${style === 'italic' ? '_Italic' : ''}`;
  return `${pkg.package}/${face}/${pkg.prefix}_${face}.ttf`;
}

/**
 * The TTF file (resolved path) of a face of the design: the PDF embeds these, and a PPTX
 * viewer draws the faces it names with the same files installed (see the README).
 */
export function ttfPath(face: Face): string {
  return createRequire(import.meta.url).resolve(ttfFile(face));
}

/** The faces the PDF draws, as the design tokens name them. */
export const PDF_FACES: readonly Face[] = FACE_NAMES.map((name) => FACES[name]);

/**
 * The code points a face's TTF maps to a glyph, read afresh from the file: what the PDF (and
 * a PPTX viewer with the design's faces installed) can draw in that face. The content
 * package's charset is generated from these and the deck's subsets.
 */
export function ttfCharacters(face: Face): number[] {
  return [...oneFont(create(readFileSync(ttfPath(face)))).characterSet].sort((a, b) => a - b);
}

/** fontkit's `create` may return a collection (a .ttc); every face here is one font. */
export function oneFont(font: Font | FontCollection): Font {
  if ('fonts' in font) throw new Error('internal: a font collection where one font was expected');
  return font;
}

let cache: Record<FaceName, Font> | undefined;

/**
 * The parsed fonts, read from the npm font packages on first use and kept for the life of
 * the process (parsing is the slow part of a render; the PDF bytes never depend on it).
 * This and ttfCharacters are the only file access of the package.
 */
export function faces(): Record<FaceName, Font> {
  if (!cache) {
    const out = {} as Record<FaceName, Font>;
    for (const name of FACE_NAMES) {
      const font = drawnCodePoints(oneFont(create(readFileSync(ttfPath(FACES[name])))));
      out[name] = name.startsWith('sans') ? withoutArrowLigatures(font) : font;
    }
    cache = out;
  }
  return cache;
}

/**
 * fontkit keeps one glyph object per glyph id, holding the code points of whichever text first
 * asked for it, and hands that object to every later text drawn with the glyph. Where a font
 * draws several characters with one glyph (Inter's ɩ and ι, Source Serif's µ and μ, a
 * ligature for "fi" and for "ﬁ"), the later text would carry the first one's characters into
 * the PDF's ToUnicode map, and copy, search and screen readers get the wrong letter; a font
 * shared across renders would even let an earlier report decide how a later one extracts. So
 * every glyph fontkit hands out while mapping and shaping text carries the code points it was
 * asked for: its cached object when they agree, otherwise a view of it with its own (one view
 * per glyph and code points, kept). fontkit maps characters (`glyphForCodePoint`) and ends its
 * shaping (GSUB) through `getGlyph`; fonts.test.ts fails if it stops doing so.
 */
function drawnCodePoints(font: Font): Font {
  const getGlyph = font.getGlyph.bind(font);
  const views = new Map<string, Glyph>();
  font.getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = getGlyph(id, codePoints);
    // Without code points (a subset copying the glyph, say) the caller wants the glyph alone.
    if (codePoints === undefined || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    const key = `${id}:${codePoints.join(',')}`;
    let view = views.get(key);
    if (!view) {
      view = Object.create(glyph, { codePoints: { value: [...codePoints], enumerable: true } }) as Glyph;
      views.set(key, view);
    }
    return view;
  };
  return font;
}

export const sameCodePoints = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((cp, i) => cp === b[i]);

/**
 * Inter's contextual alternates draw "->", "<-", "=>" and "<–" as arrow glyphs. The arrows
 * are also encoded characters (U+2192 …), so the text would extract as an arrow the author
 * never wrote. Briefing text means its characters: the sans shapes without `calt`.
 */
function withoutArrowLigatures(font: Font): Font {
  const layout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => layout(text, features ?? { calt: false }, ...rest);
  return font;
}
