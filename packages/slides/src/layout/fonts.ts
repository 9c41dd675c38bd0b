import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tokens } from '@briefing/content';
import { create, type Font, type FontCollection } from 'fontkit';

/**
 * Subsets in the order their rules are written (the font packages' own order). Where two
 * subsets' ranges overlap (a few combining marks and Vietnamese letters), the rule written
 * last wins, so latin, the fuller subset, comes last.
 */
const SUBSET_ORDER = ['cyrillic-ext', 'cyrillic', 'greek', 'vietnamese', 'latin-ext', 'latin'] as const;

export type Subset = (typeof SUBSET_ORDER)[number];

export interface DeckFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** The fontsource subsets embedded for the face. */
  subsets: readonly Subset[];
}

const { serif, sans } = tokens.font;

/**
 * Every subset of both families whose characters the PDF's faces draw too: Latin, Greek,
 * Cyrillic and Vietnamese (not greek-ext: Source Serif 4 has no polytonic Greek). The
 * characters a report may hold are those every face of every output draws (the content
 * package's charset, generated from these files and the PDF's), so each subset embedded here
 * is a script that works in every output rather than one the schema refuses. Every face
 * carries every subset, the italic too: any field may be emphasised. Beyond Latin (about
 * 250 KB), they add about 220 KB to every HTML deck; the slides' PDF embeds only the glyphs
 * it uses.
 */
const ALL_SUBSETS: readonly Subset[] = ['latin', 'latin-ext', 'greek', 'cyrillic', 'cyrillic-ext', 'vietnamese'];

/**
 * The faces the deck's theme draws, from the design tokens: headings in the bold serif; body
 * text, strong emphasis and emphasis in the sans.
 */
export const DECK_FACES: readonly DeckFace[] = [
  { family: serif.family, ...serif.faces.bold, subsets: ALL_SUBSETS },
  { family: sans.family, ...sans.faces.regular, subsets: ALL_SUBSETS },
  { family: sans.family, ...sans.faces.italic, subsets: ALL_SUBSETS },
  { family: sans.family, ...sans.faces.bold, subsets: ALL_SUBSETS },
];

/**
 * The WOFF2 files of each family: the @fontsource packages, whose files are named
 * `files/<id>-<subset>-<weight>-<style>.woff2` and whose unicode.json gives each subset's range.
 */
const WEB_PACKAGES: Record<string, { package: string; id: string }> = {
  [serif.family]: { package: '@fontsource/source-serif-4', id: 'source-serif-4' },
  [sans.family]: { package: '@fontsource/inter', id: 'inter' },
};

function webPackage(family: string): { package: string; id: string } {
  const pkg = WEB_PACKAGES[family];
  if (!pkg) throw new Error(`no web font package for the family "${family}"`);
  return pkg;
}

let cache: string | undefined;

/**
 * `@font-face` rules for every face the deck draws, one per subset, each a
 * `data:font/woff2` URL with the `unicode-range` of its subset (from the font package's own
 * unicode.json), so characters outside the subsets fall through to the next family of the
 * theme's stack.
 *
 * The files are read from the npm font packages on first use and the CSS kept for the life of
 * the process: this is the package's only file access, and the CSS depends on nothing else.
 */
export function fontFaceCss(): string {
  if (cache === undefined) {
    const files = deckFontFiles();
    cache = DECK_FACES.map((face) => fontFaces(face, files)).join('\n');
  }
  return cache;
}

/** One embedded subset of a face: its WOFF2 file (resolved path) and its unicode-range. */
export interface SubsetFile {
  face: DeckFace;
  subset: Subset;
  file: string;
  range: string;
}

/**
 * The WOFF2 files the deck embeds, face by face, in the order their rules are written. The
 * theme's CSS is made from these, and so is the content package's charset (what every
 * output's faces draw), so the two cannot disagree.
 */
export function deckFontFiles(): SubsetFile[] {
  const require = createRequire(import.meta.url);
  return DECK_FACES.flatMap((face) => {
    const { package: pkg, id } = webPackage(face.family);
    const ranges = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    return SUBSET_ORDER.filter((subset) => face.subsets.includes(subset)).map((subset) => {
      const range = ranges[subset];
      if (!range) throw new Error(`${pkg}: no unicode range for the subset "${subset}"`);
      const file = require.resolve(`${pkg}/files/${id}-${subset}-${face.weight}-${face.style}.woff2`);
      return { face, subset, file, range };
    });
  });
}

/**
 * The code points each face of the deck draws from its embedded subsets: every glyph of a
 * subset's file inside the subset's unicode-range (the browser takes nothing else from it).
 * Read afresh from the files; the content package's charset is generated from these and the
 * PDF's faces.
 */
export function deckCharacters(): { face: DeckFace; characters: number[] }[] {
  const files = deckFontFiles();
  return DECK_FACES.map((face) => {
    const drawn = new Set<number>();
    for (const { file, range } of files.filter((f) => f.face === face)) {
      const ranges = range.split(',').map((part) => {
        const [from = '', to] = part.trim().replace(/^U\+/iu, '').split('-');
        return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)] as const;
      });
      for (const cp of oneFont(create(readFileSync(file))).characterSet) {
        if (ranges.some(([a, b]) => cp >= a && cp <= b)) drawn.add(cp);
      }
    }
    return { face, characters: [...drawn].sort((a, b) => a - b) };
  });
}

function fontFaces(face: DeckFace, files: readonly SubsetFile[]): string {
  const rules: string[] = [];
  for (const { file, range } of files.filter((f) => f.face === face)) {
    const data = readFileSync(file).toString('base64');
    rules.push(
      [
        '@font-face {',
        `  font-family: '${face.family}';`,
        `  font-style: ${face.style};`,
        `  font-weight: ${face.weight};`,
        '  font-display: block;',
        `  src: url(data:font/woff2;base64,${data}) format('woff2');`,
        `  unicode-range: ${range};`,
        '}',
      ].join('\n'),
    );
  }
  return rules.join('\n');
}

/**
 * The bytes of a whole TTF from an npm package (a package-relative path, as faces.ts lists
 * them): the office faces' equivalents and the substitute the PPTX layout measures in.
 */
export function ttfBytes(specifier: string): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve(specifier));
}

/** fontkit's `create` may return a collection (a .ttc); every subset here is one font. */
export function oneFont(font: Font | FontCollection): Font {
  if ('fonts' in font) throw new Error('internal: a font collection where one font was expected');
  return font;
}
