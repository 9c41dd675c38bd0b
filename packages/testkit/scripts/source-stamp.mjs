#!/usr/bin/env node
// What a package's dist was built from: a hash of every file under its src, written as
// dist/.source-stamp by the package's build (`node ../testkit/scripts/source-stamp.mjs`, run
// in the package's folder, after the compiler). The tests run the compiled `briefing` only
// when the stamp matches the sources as they are now (src/built.ts). Turbo restores the stamp
// with the rest of dist, so it always names the sources of the dist beside it, whatever the
// files' times say: a checkout that brings back sources turbo has built before leaves them
// newer than their restored dist, which the times alone took for an edit.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The stamp's file, under the package's folder. */
export const STAMP = 'dist/.source-stamp';

/** A hash of the files under `<packageDir>/src`: their paths there and their bytes, in path order. */
export function sourceStamp(packageDir) {
  const src = join(packageDir, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(src, join(entry.parentPath, entry.name)).replaceAll(sep, '/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = readFileSync(join(src, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(join(process.cwd(), STAMP), `${sourceStamp(process.cwd())}\n`);
}
