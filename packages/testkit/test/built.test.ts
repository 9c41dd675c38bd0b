import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAMP, sourceStamp } from '../scripts/source-stamp.mjs';
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

describe('builtIsCurrent with the stamp a build writes (scripts/source-stamp.mjs)', () => {
  /** A package built (stamped) from its sources, then `change` made to it. */
  function stamped(change: (pkg: string) => void = () => {}): string {
    const root = repoWith({ src: 1000, dist: 2000 });
    const pkg = join(root, 'packages/p');
    writeFileSync(join(pkg, 'src/deep/a.ts'), 'export const a = 1;\n');
    writeFileSync(join(pkg, STAMP), `${sourceStamp(pkg)}\n`);
    change(pkg);
    return root;
  }

  it('runs dist built from the sources as they are, even when they are newer (a checkout brought them back)', () => {
    expect(builtIsCurrent(stamped(), ['p'])).toBe(true);
    const touched = stamped((pkg) => utimesSync(join(pkg, 'src/deep/a.ts'), 3000, 3000));
    expect(builtIsCurrent(touched, ['p'])).toBe(true);
  });

  it('runs the sources when they differ from what dist was built from, however new dist is', () => {
    const edited = stamped((pkg) => {
      writeFileSync(join(pkg, 'src/deep/a.ts'), 'export const a = 2;\n');
      utimesSync(join(pkg, 'src/deep/a.ts'), 1000, 1000);
    });
    expect(builtIsCurrent(edited, ['p'])).toBe(false);
    const added = stamped((pkg) => writeFileSync(join(pkg, 'src/b.ts'), ''));
    expect(builtIsCurrent(added, ['p'])).toBe(false);
    const renamed = stamped((pkg) => {
      mkdirSync(join(pkg, 'src/other'));
      renameSync(join(pkg, 'src/deep/a.ts'), join(pkg, 'src/other/a.ts'));
    });
    expect(builtIsCurrent(renamed, ['p'])).toBe(false);
  });
});
