import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tokens } from '@briefing/content';
import { create, type Font } from 'fontkit';

/** The faces the PDF uses: a serif for reading, a sans for headings, labels and the chart. */
export type FaceName = 'serif' | 'serifItalic' | 'serifBold' | 'sans' | 'sansSemibold' | 'sansBold';

const FILES: Record<FaceName, { package: string; file: string }> = {
  serif: { package: tokens.font.serif.package, file: tokens.font.serif.files.regular },
  serifItalic: { package: tokens.font.serif.package, file: tokens.font.serif.files.italic },
  serifBold: { package: tokens.font.serif.package, file: tokens.font.serif.files.bold },
  sans: { package: tokens.font.sans.package, file: tokens.font.sans.files.regular },
  sansSemibold: { package: tokens.font.sans.package, file: tokens.font.sans.files.semibold },
  sansBold: { package: tokens.font.sans.package, file: tokens.font.sans.files.bold },
};

export const FACE_NAMES = Object.keys(FILES) as FaceName[];

let cache: Record<FaceName, Font> | undefined;

/**
 * The parsed fonts, read from the npm font packages on first use and kept for the life of
 * the process (parsing is the slow part of a render; the PDF bytes never depend on it).
 * This is the only file access of the package.
 */
export function faces(): Record<FaceName, Font> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const out = {} as Record<FaceName, Font>;
    for (const name of FACE_NAMES) {
      const { package: pkg, file } = FILES[name];
      out[name] = create(readFileSync(require.resolve(`${pkg}/${file}`)));
    }
    cache = out;
  }
  return cache;
}
