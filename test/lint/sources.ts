// The TypeScript files under a package's src/, for the layer tests (cli-layers, slides-layers) and file-size.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repo = new URL('../../', import.meta.url).pathname;

/** The .ts files under `src` (a folder of the repo), as posix paths relative to it. */
export function sources(src: string): string[] {
  return readdirSync(join(repo, src), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => relative(join(repo, src), join(e.parentPath, e.name)).split('\\').join('/'));
}
