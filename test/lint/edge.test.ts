// The edge is the CLI: the content package and the renderers start no process, read no
// environment, write no file, and read only font bytes, in one module per renderer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const PURE = ['packages/content/src', 'packages/pdf/src', 'packages/slides/src'];
/** The only modules that may read files: the font bytes of each renderer. */
const FONT_READERS = new Set(['packages/pdf/src/fonts.ts', 'packages/slides/src/layout/fonts.ts']);

const RULES: [string, RegExp][] = [
  [
    'starts a process',
    /\bchild_process\b|\bworker_threads\b|\bprocess\.(?:exit|kill|argv|cwd|chdir|stdout|stderr|stdin)\b/,
  ],
  ['reads the environment', /\bprocess\.env\b/],
  ['touches files', /from 'node:fs(?:\/promises)?'|from 'fs'|require\(['"](?:node:)?fs/],
  ['prints', /\bconsole\.\w+\(/],
];

/** What a source text breaks: one `rule: line` per hit (code only, comments skipped). */
function offences(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/^\s*(?:\/\/|\*|\/\*).*$/, '');
    for (const [rule, pattern] of RULES) {
      if (!pattern.test(code)) continue;
      if (rule === 'touches files' && FONT_READERS.has(file) && /import \{ readFileSync \}/.test(code)) continue;
      found.push(`${file}:${i + 1}: ${rule}: ${line.trim()}`);
    }
  });
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => relative(repo, join(e.parentPath, e.name)));
}

/** The CLI's modules that meet the process: bin.ts builds the Io from it, io.ts holds what cannot go through an Io. */
const PROCESS_MODULES = new Set(['packages/cli/src/bin.ts', 'packages/cli/src/edge/io.ts']);
/** Any use of the console counts, not only a call: swapping `console.warn` for a capture is the console too. */
const EDGE_RULES: [string, RegExp][] = [
  ['reads the environment', /\bprocess\.env\b/],
  ['uses the console', /(?<![\w'"`.])console\b(?!['"`])/],
];

/** What a CLI module breaks: reading process.env or using the console outside bin.ts and io.ts. */
function edgeOffences(file: string, text: string): string[] {
  if (PROCESS_MODULES.has(file)) return [];
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/^\s*(?:\/\/|\*|\/\*).*$/, '');
    for (const [rule, pattern] of EDGE_RULES)
      if (pattern.test(code)) found.push(`${file}:${i + 1}: ${rule}: ${line.trim()}`);
  });
  return found;
}

describe('the content package and the renderers stay inside the edge', () => {
  it('start no process, read no environment, print nothing, and read files only for font bytes', () => {
    const files = PURE.flatMap(sources);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => offences(f, readFileSync(join(repo, f), 'utf8')))).toEqual([]);
  });

  it('catches each of those in a module', () => {
    const text = [
      "import { spawn } from 'node:child_process';",
      'const lang = process.env.LANG;',
      "import { writeFileSync } from 'node:fs';",
      "console.warn('x');",
      '// process.env in a comment is fine',
    ].join('\n');
    expect(offences('packages/slides/src/x.ts', text).map((o) => o.split(': ')[1])).toEqual([
      'starts a process',
      'reads the environment',
      'touches files',
      'prints',
    ]);
    // The font modules may import readFileSync, and nothing else from node:fs.
    expect(offences('packages/pdf/src/fonts.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
    expect(
      offences('packages/pdf/src/fonts.ts', "import { readFileSync, writeFileSync } from 'node:fs';"),
    ).toHaveLength(1);
  });
});

describe('the CLI reads the environment and the console only through its Io', () => {
  it('reads process.env and uses the console only in bin.ts and io.ts', () => {
    const files = sources('packages/cli/src');
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => edgeOffences(f, readFileSync(join(repo, f), 'utf8')))).toEqual([]);
  });

  it('catches a module that reads the environment or swaps the console itself', () => {
    const text = [
      'const path = process.env.CHROME_PATH;',
      'const saved = { warn: console.warn };',
      "console.log('x');",
      '// console.warn in a comment is fine',
      "page.on('console', listen);",
    ].join('\n');
    expect(edgeOffences('packages/cli/src/browser/marp.ts', text).map((o) => o.split(': ')[1])).toEqual([
      'reads the environment',
      'uses the console',
      'uses the console',
    ]);
    expect(edgeOffences('packages/cli/src/edge/io.ts', text)).toEqual([]);
  });
});
