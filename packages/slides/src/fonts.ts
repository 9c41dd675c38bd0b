import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tokens } from '@briefing/content';

/** CSS descriptors of the face names the tokens use for web fonts. */
export const FACE_DESCRIPTORS = {
  regular: { weight: 400, style: 'normal' },
  italic: { weight: 400, style: 'italic' },
  semibold: { weight: 600, style: 'normal' },
  bold: { weight: 700, style: 'normal' },
  boldItalic: { weight: 700, style: 'italic' },
} as const;

/**
 * Subsets in the order their rules are written. Where two subsets' ranges overlap (a few
 * combining marks), the rule written last wins, so latin, the fuller subset, comes last.
 */
const SUBSET_ORDER = ['latin-ext', 'latin'] as const;

export interface WebFont {
  family: string;
  web: { package: string; files: Readonly<Record<string, Readonly<Record<string, string>>>> };
}

/** The families the deck's theme embeds: the same as the PDF's, from the design tokens. */
export const WEB_FONTS: readonly WebFont[] = [tokens.font.serif, tokens.font.sans];

let cache: string | undefined;

/**
 * `@font-face` rules for every web-font file in the tokens, each a `data:font/woff2` URL with
 * the `unicode-range` of its subset (from the font package's own unicode.json), so characters
 * outside the subsets fall through to the next family of the theme's stack.
 *
 * The files are read from the npm font packages on first use and the CSS kept for the life of
 * the process: this is the package's only file access, and the CSS depends on nothing else.
 */
export function fontFaceCss(): string {
  cache ??= WEB_FONTS.map(fontFaces).join('\n');
  return cache;
}

function fontFaces(font: WebFont): string {
  const require = createRequire(import.meta.url);
  const { package: pkg, files } = font.web;
  const ranges = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
  const rules: string[] = [];
  for (const [face, subsets] of Object.entries(files)) {
    const descriptors = FACE_DESCRIPTORS[face as keyof typeof FACE_DESCRIPTORS];
    if (!descriptors) throw new Error(`${pkg}: unknown face "${face}" in the web-font tokens`);
    for (const subset of Object.keys(subsets)) {
      if (!(SUBSET_ORDER as readonly string[]).includes(subset) || !ranges[subset]) {
        throw new Error(`${pkg}: unknown subset "${subset}" for face "${face}" in the web-font tokens`);
      }
    }
    for (const subset of SUBSET_ORDER) {
      const file = subsets[subset];
      if (!file) continue;
      const data = readFileSync(require.resolve(`${pkg}/${file}`)).toString('base64');
      rules.push(
        [
          '@font-face {',
          `  font-family: '${font.family}';`,
          `  font-style: ${descriptors.style};`,
          `  font-weight: ${descriptors.weight};`,
          '  font-display: block;',
          `  src: url(data:font/woff2;base64,${data}) format('woff2');`,
          `  unicode-range: ${ranges[subset]};`,
          '}',
        ].join('\n'),
      );
    }
  }
  return rules.join('\n');
}
