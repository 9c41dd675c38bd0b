import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtIsCurrent } from '../src/built.js';
import { freshDir } from '../src/cli.js';

/** A repository with one package, its source and its build each one file written at `time` (seconds). */
function repoWith(times: { src: number; dist?: number }): string {
  const root = freshDir();
  const write = (path: string, time: number) => {
    const file = join(root, 'packages/p', path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, time, time);
  };
  write('src/deep/a.ts', times.src);
  if (times.dist !== undefined) write('dist/deep/a.js', times.dist);
  return root;
}

describe('builtIsCurrent', () => {
  it('runs dist only when it is at least as new as every source file', () => {
    expect(builtIsCurrent(repoWith({ src: 1000, dist: 2000 }), ['p'])).toBe(true);
    expect(builtIsCurrent(repoWith({ src: 2000, dist: 2000 }), ['p'])).toBe(true);
  });

  it('runs the sources after an edit since the build, and when nothing is built', () => {
    expect(builtIsCurrent(repoWith({ src: 3000, dist: 2000 }), ['p'])).toBe(false);
    expect(builtIsCurrent(repoWith({ src: 1000 }), ['p'])).toBe(false);
  });
});
