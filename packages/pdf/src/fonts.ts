/// <reference path="./fontkit.d.ts" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDrawn, tokens } from '@briefing/content';
import { create, type Font } from 'fontkit';

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
  return [...create(readFileSync(ttfPath(face))).characterSet].sort((a, b) => a - b);
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
      const font = canonical(create(readFileSync(ttfPath(FACES[name]))));
      out[name] = name.startsWith('sans') ? withoutArrowLigatures(font) : font;
    }
    cache = out;
  }
  return cache;
}

/**
 * fontkit caches one glyph object per glyph id, remembering the code points of the text that
 * first asked for it, and pdfkit writes those code points into the PDF's ToUnicode map. A font
 * shared across renders would let an earlier report decide how a later one's text extracts
 * (a no-break space seen first turns every later space into U+00A0). So every glyph the
 * character map reaches is created up front, with one chosen code point: plain ASCII first,
 * then general punctuation (’ over the modifier letter ʼ), then the other characters a report
 * may hold (Greek ι over the Latin letter iota ɩ, which shares its glyph but which no report
 * can hold), then the rest, lowest first. Private-use code points (Inter maps its
 * case-sensitive "(" there) are never chosen: such glyphs are created by shaping, from the
 * text they stand for.
 */
function canonical(font: Font): Font {
  const rank = (cp: number) =>
    cp >= 0x20 && cp <= 0x7e
      ? 0
      : cp >= 0x2000 && cp <= 0x206f
        ? 1
        : cp >= 0x02b0 && cp <= 0x02ff
          ? 4
          : isDrawn(cp)
            ? 2
            : 3;
  const usable = font.characterSet.filter(
    (cp) => cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xe000 && cp <= 0xf8ff) && cp < 0xf0000,
  );
  usable.sort((a, b) => rank(a) - rank(b) || a - b);
  for (const cp of usable) font.glyphForCodePoint(cp);
  return withoutTextlessGlyphs(font);
}

/**
 * The subsetter reaches the parts of a composite glyph (Source Serif's "%" is built from the
 * fraction digits, among them the denominator zero that "1⁄20" is shaped to) by id, without
 * text, and fontkit would keep that glyph with no code points: a later report drawing the
 * fraction then wrote it into the ToUnicode map with none, and "1⁄20" extracted as "1⁄2)".
 * A glyph asked for without text is made afresh each time and never kept, so only shaping,
 * from the text it stands for, decides a glyph's code points.
 */
function withoutTextlessGlyphs(font: Font): Font {
  const getGlyph = font.getGlyph.bind(font);
  const kept = font._glyphs;
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    if (codePoints.length > 0 || kept[id]) return getGlyph(id, codePoints);
    const glyph = getGlyph(id, codePoints);
    delete kept[id];
    return glyph;
  };
  return font;
}

/**
 * Inter's contextual alternates draw "->", "<-", "=>" and "<–" as arrow glyphs. The arrows
 * are also encoded characters (U+2192 …), so the text would extract as an arrow the author
 * never wrote. Briefing text means its characters: the sans shapes without `calt`.
 */
function withoutArrowLigatures(font: Font): Font {
  const layout = font.layout.bind(font);
  font.layout = (text: string, features?: unknown) => layout(text, features ?? { calt: false });
  return font;
}
