// No source file over 300 lines (the packages' src and bin, scripts/, bench/) but the report's
// data: a longer one is doing several jobs, and is split by job (as pptx/build.ts, the slides
// PDF's passes and the preview were).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, sources } from './sources.js';

const LIMIT = 300;
/** The report written against the schema: data, not code. */
const DATA = ['packages/content/src/report.ts'];

/** Each file of `files` (paths from the repo root, with their text) over the limit, with its length. */
export function overLimit(files: readonly { path: string; text: string }[]): string[] {
  return files
    .filter((f) => !DATA.includes(f.path))
    .map((f) => ({ path: f.path, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) }))
    .filter((f) => f.lines > LIMIT)
    .map((f) => `${f.path}: ${f.lines} lines`);
}

describe('source files', () => {
  it(`are at most ${LIMIT} lines each, but the report's data`, () => {
    const packages = readdirSync(join(repo, 'packages'));
    /** The scripts directly in a folder of the repo (none when it has no such folder). */
    const scripts = (dir: string) =>
      readdirSync(join(repo, dir), { withFileTypes: true })
        .filter((e) => e.isFile() && /\.(m?js|ts)$/.test(e.name))
        .map((e) => `${dir}/${e.name}`);
    const files = [
      ...packages.flatMap((p) => sources(`packages/${p}/src`).map((f) => `packages/${p}/src/${f}`)),
      ...packages.flatMap((p) => (existsSync(join(repo, 'packages', p, 'bin')) ? scripts(`packages/${p}/bin`) : [])),
      ...scripts('scripts'),
      ...scripts('bench'),
    ].map((path) => ({ path, text: readFileSync(join(repo, path), 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(overLimit(files)).toEqual([]);
  });

  it('catches a file one line over, and leaves the report data alone', () => {
    const lines = (n: number) => 'x\n'.repeat(n);
    expect(
      overLimit([
        { path: 'packages/pdf/src/a.ts', text: lines(LIMIT) },
        { path: 'packages/pdf/src/b.ts', text: lines(LIMIT + 1) },
        { path: DATA[0] as string, text: lines(LIMIT * 2) },
      ]),
    ).toEqual([`packages/pdf/src/b.ts: ${LIMIT + 1} lines`]);
  });
});
