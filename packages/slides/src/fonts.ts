import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tokens } from '@briefing/content';

/**
 * Subsets in the order their rules are written. Where two subsets' ranges overlap (a few
 * combining marks), the rule written last wins, so latin, the fuller subset, comes last.
 */
const SUBSET_ORDER = ['latin-ext', 'latin'] as const;

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
 * The faces the deck's theme draws, from the design tokens: headings in the bold serif; body
 * text, strong emphasis and emphasis in the sans. The italic carries the latin subset only
 * (about 50 KB of HTML saved); emphasised text outside it falls back to the next family of
 * the stack.
 */
export const DECK_FACES: readonly DeckFace[] = [
  { family: serif.family, ...serif.faces.bold, subsets: ['latin', 'latin-ext'] },
  { family: sans.family, ...sans.faces.regular, subsets: ['latin', 'latin-ext'] },
  { family: sans.family, ...sans.faces.italic, subsets: ['latin'] },
  { family: sans.family, ...sans.faces.bold, subsets: ['latin', 'latin-ext'] },
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
  cache ??= DECK_FACES.map(fontFaces).join('\n');
  return cache;
}

function fontFaces(face: DeckFace): string {
  const require = createRequire(import.meta.url);
  const { package: pkg, id } = webPackage(face.family);
  const ranges = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
  const rules: string[] = [];
  for (const subset of SUBSET_ORDER) {
    if (!face.subsets.includes(subset)) continue;
    const range = ranges[subset];
    if (!range) throw new Error(`${pkg}: no unicode range for the subset "${subset}"`);
    const file = `${pkg}/files/${id}-${subset}-${face.weight}-${face.style}.woff2`;
    const data = readFileSync(require.resolve(file)).toString('base64');
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
