// `npm run lint` ends with scripts/check-imports.mjs: no relative import may leave its
// package. Run here on a small tree with one offending import, and on the repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const checker = join(repo, 'scripts/check-imports.mjs');

function runChecker(dir: string) {
  const result = spawnSync(process.execPath, [checker, dir], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A repository of two packages, `a` and `b`, plus the given files (path → text). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-imports-'));
  dirs.push(dir);
  const all = {
    'package.json': '{ "name": "root", "private": true }',
    'packages/a/package.json': '{ "name": "a" }',
    'packages/b/package.json': '{ "name": "b" }',
    'packages/b/src/y.ts': 'export const y = 1;\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// Imports that stay inside package a, and import-like text that is no import at all.
const inside = [
  "import { z } from './z.js';",
  "import type { Z } from '../src/z.js';",
  "export * from './z.js';",
  "import { y } from 'b';",
  '// import { y } from "../../b/src/y.js";',
  "/* export { y } from '../../b/src/y.js'; */",
  'const text = "import { y } from \'../../b/src/y.js\'";',
  'const template = `import("../../b/src/y.js")`;',
  'const quote = /[\'"]/u.test(text);',
  "const later = await import('./z.js');",
  "export type { Z as W } from './z.js';",
  'const note = "vi.mock(\'../../b/src/y.js\')";',
].join('\n');

describe('the import checker', () => {
  it('fails on one relative import that leaves its package, naming file, line, package and target', () => {
    const dir = tree({
      'packages/a/src/z.ts': 'export const z = 1;\nexport type Z = number;\n',
      'packages/a/src/x.ts': `${inside}\nimport {\n  y,\n} from '../../b/src/y.js';\n`,
    });
    const { code, stderr } = runChecker(dir);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe('packages/a/src/x.ts:15: "../../b/src/y.js" leaves a for packages/b/src/y.js');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^1 relative import\(s\) leave their package/);
  });

  it('sees every form: export from, export type from, side-effect import, dynamic import, vi.mock, require, and root into a nested package', () => {
    const dir = tree({
      'packages/a/src/forms.ts': [
        "export { y } from '../../b/src/y.js';",
        "import '../../b/src/y.js';",
        "const m = await import('../../b/src/y.js');",
        "vi.mock('../../b/src/y.js');",
        "export type { Y } from '../../b/src/y.js';",
        "const { y: z } = require('../../b/src/y.js');",
      ].join('\n'),
      'bench/run.ts': "import { y } from '../packages/b/src/y.js';\n",
    });
    const { code, stderr } = runChecker(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('bench/run.ts:1: "../packages/b/src/y.js" leaves root for packages/b/src/y.js');
    for (const line of [1, 2, 3, 4, 5, 6]) {
      expect(stderr).toContain(`packages/a/src/forms.ts:${line}: "../../b/src/y.js" leaves a for packages/b/src/y.js`);
    }
    expect(stderr).toContain('7 relative import(s)');
  });

  it('fails on a file it cannot lex, naming the file and line, rather than passing it unread', () => {
    const dir = tree({
      'packages/a/src/x.ts': "const ok = 1;\nconst broken = `never closed;\nimport '../../b/src/y.js';\n",
    });
    const { code, stderr } = runChecker(dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^packages\/a\/src\/x\.ts:\d+: cannot read its imports \(Parse error/);
  });

  it('passes a tree whose relative imports all stay inside their package', () => {
    const dir = tree({ 'packages/a/src/z.ts': 'export const z = 1;\n', 'packages/a/src/x.ts': `${inside}\n` });
    expect(runChecker(dir)).toMatchObject({ code: 0, stderr: '' });
  });

  it('passes the repository itself', () => {
    expect(runChecker(repo)).toMatchObject({ code: 0, stderr: '' });
  });
});
