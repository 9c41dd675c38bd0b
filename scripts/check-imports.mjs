#!/usr/bin/env node
// Fails when a relative import leaves its package. Every package is used only through its
// exports (`@briefing/inspect`, `briefing/internal`...), so a specifier such as
// `../../packages/cli/src/check/run.js` from test/ is an error, while `../src/x.js` inside
// the same package is fine. Biome's noRestrictedImports matches specifiers, not where they
// land, so it cannot tell those two apart; this resolves each one.
//
//   node scripts/check-imports.mjs [dir]   # dir: the repository (default: the current folder)
//
// Files: what git tracks plus untracked files it does not ignore (every file, minus
// node_modules and build output, when dir is not a git work tree). A file's package is the
// folder of the nearest package.json above it; a specifier leaves it when the path it
// resolves to belongs to another package (or to none). Exit 0 clean, 1 with one line per
// offence: `file:line: "spec" leaves <package> for <path>` (or `file:line: cannot read its
// imports` when the lexer fails on it), 2 on a usage error.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { init, parse } from 'es-module-lexer';

await init;

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', '.turbo', '.git', 'coverage']);

/** Files to check, relative to `root`, with `/` separators. */
function listFiles(root) {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    // Inside a git work tree, but maybe not at its top: paths are relative to `root` already.
    return [...new Set(out.split('\0'))].filter((f) => SOURCE.test(f) && existsSync(join(root, f)));
  } catch {
    const files = [];
    const walk = (dir) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!SKIP_DIRS.has(entry.name)) walk(path);
        } else if (SOURCE.test(entry.name)) files.push(path);
      }
    };
    walk('');
    return files;
  }
}

// es-module-lexer finds every import and export of an ES module and skips strings, comments,
// regular expressions and templates as a JavaScript parser does. Two forms it does not know
// are rewritten first into ones it does, with the same length so offsets and lines stay:
// TypeScript's `export type { X } from '…'` (the `type` blanked), and `require('…')` or
// Vitest's `vi.mock('…')` family (written over as a dynamic `import('…')`). A rewrite that
// lands inside a string or a comment stays there, invisible to the lexer like the rest.
const TYPE_EXPORT = /(?<![\w$.])(export\s+)type(?=\s*[{*])/g;
const CALLS =
  /(?<![\w$.])require\s*\(|(?<![\w$])vi\s*\.\s*(?:mock|doMock|unmock|doUnmock|importActual|importMock)\s*\(/g;

function asModule(src) {
  return src
    .replace(TYPE_EXPORT, (_, head) => `${head}    `)
    .replace(CALLS, (call) => `${' '.repeat(call.length - 7)}import(`);
}

/** A template literal without substitutions, as a dynamic import's specifier may be. */
function plainTemplate(text) {
  return /^`[^`$\\]*`$/.test(text) ? text.slice(1, -1) : undefined;
}

/** Every module specifier in a file, with its 1-based line. */
export function specifiers(src) {
  const code = asModule(src);
  const [imports] = parse(code);
  const found = [];
  for (const { n, s, e, d } of imports) {
    if (d === -2) continue; // import.meta
    const spec = n ?? (d >= 0 ? plainTemplate(code.slice(s, e)) : undefined);
    if (spec !== undefined) found.push({ at: s, spec });
  }
  const lineStarts = [0];
  for (let k = 0; k < src.length; k++) if (src[k] === '\n') lineStarts.push(k + 1);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return found.sort((a, b) => a.at - b.at).map(({ at, spec }) => ({ spec, line: lineOf(at) }));
}

/** The folder of the nearest package.json at or above `path`, stopping at `root` (or undefined). */
function packageOf(root, path, cache) {
  const chain = [];
  let dir = path;
  let result;
  for (;;) {
    if (cache.has(dir)) {
      result = cache.get(dir);
      break;
    }
    chain.push(dir);
    if (existsSync(join(dir, 'package.json')) && statSync(dir).isDirectory()) {
      result = dir;
      break;
    }
    const up = dirname(dir);
    if (dir === root || up === dir || relative(root, dir).startsWith('..')) {
      result = undefined;
      break;
    }
    dir = up;
  }
  for (const d of chain) cache.set(d, result);
  return result;
}

function packageName(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name ?? dir;
  } catch {
    return dir;
  }
}

/** Every relative import in `root` that lands outside the package of the file holding it. */
export function findOffences(root) {
  root = resolve(root);
  const cache = new Map();
  const show = (p) => relative(root, p).split(sep).join('/') || '.';
  const offences = [];
  for (const file of listFiles(root).sort()) {
    const abs = join(root, file);
    const home = packageOf(root, dirname(abs), cache);
    let found;
    try {
      found = specifiers(readFileSync(abs, 'utf8'));
    } catch (error) {
      // A file the lexer cannot read may hide an import: an offence, never a silent pass.
      const at = error.message.match(/@:(\d+):/)?.[1] ?? '1';
      offences.push({
        file,
        line: Number(at),
        spec: '',
        text: `${file}:${at}: cannot read its imports (${error.message})`,
      });
      continue;
    }
    for (const { spec, line } of found) {
      if (spec !== '.' && spec !== '..' && !spec.startsWith('./') && !spec.startsWith('../')) continue;
      const target = resolve(dirname(abs), spec);
      const lands = packageOf(root, target, cache);
      if (lands === home) continue;
      const name = home ? packageName(home) : '(no package)';
      offences.push({ file, line, spec, text: `${file}:${line}: "${spec}" leaves ${name} for ${show(target)}` });
    }
  }
  return offences;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error('usage: node scripts/check-imports.mjs [dir]');
    process.exit(2);
  }
  const offences = findOffences(args[0] ?? process.cwd());
  for (const o of offences) console.error(o.text);
  if (offences.length > 0) {
    console.error(
      `${offences.length} relative import(s) leave their package: import the other package by its name instead.`,
    );
    process.exit(1);
  }
}
