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
// offence: `file:line: "spec" leaves <package> for <path>`, 2 on a usage error.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

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

const KEYWORDS_BEFORE_REGEX = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

/**
 * The source with comments blanked and every string's contents masked (newlines kept, so
 * offsets and line numbers stay), plus each string literal's value by the offset of its
 * opening quote. Searching the masked text for `from '` can then match only real code: an
 * import written inside a string or a comment is invisible.
 */
function scan(src) {
  const out = src.split('');
  const strings = new Map();
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const mask = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = '_';
  };
  // Braces opened inside template substitutions: at depth 0 a `}` resumes the template.
  const templateDepth = [];
  let last = ''; // last significant character of code
  let lastWord = '';
  let i = 0;
  const n = src.length;

  /** Read a template literal's text from i (just after ` or }) up to its end or to `${`. */
  const templateChunk = (start) => {
    let j = i;
    let text = '';
    while (j < n) {
      const c = src[j];
      if (c === '\\') {
        text += src.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        mask(i, j);
        if (start !== undefined) strings.set(start, text);
        i = j + 1;
        last = '`';
        return;
      } else if (c === '$' && src[j + 1] === '{') {
        mask(i, j);
        i = j + 2;
        templateDepth.push(0);
        last = '{';
        return;
      } else {
        text += c;
        j++;
      }
    }
    mask(i, n);
    i = n;
  };

  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < n && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') {
          text += src.slice(j, j + 2);
          j += 2;
        } else text += src[j++];
      }
      strings.set(i, text);
      mask(i + 1, j);
      i = j + 1;
      last = c;
      lastWord = '';
    } else if (c === '`') {
      const start = i;
      i++;
      templateChunk(start);
      lastWord = '';
    } else if (c === '}' && templateDepth.length > 0 && templateDepth.at(-1) === 0) {
      templateDepth.pop();
      i++;
      templateChunk(undefined);
    } else if (c === '/') {
      const regexAllowed = last === '' || '(,=:[!&|?{};+-*%<>~^'.includes(last) || KEYWORDS_BEFORE_REGEX.has(lastWord);
      if (regexAllowed) {
        let j = i + 1;
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          const r = src[j];
          if (r === '\\') j += 2;
          else {
            if (r === '[') inClass = true;
            else if (r === ']') inClass = false;
            else if (r === '/' && !inClass) break;
            j++;
          }
        }
        mask(i + 1, j);
        i = j + 1;
        while (i < n && /[a-z]/i.test(src[i])) i++;
        last = '/';
        lastWord = '';
      } else {
        last = '/';
        lastWord = '';
        i++;
      }
    } else if (/[\w$]/.test(c)) {
      let j = i;
      while (j < n && /[\w$]/.test(src[j])) j++;
      lastWord = src.slice(i, j);
      last = 'a';
      i = j;
    } else {
      if (!/\s/.test(c)) {
        last = c;
        lastWord = '';
        if (templateDepth.length > 0) {
          if (c === '{') templateDepth[templateDepth.length - 1]++;
          else if (c === '}') templateDepth[templateDepth.length - 1]--;
        }
      }
      i++;
    }
  }
  return { code: out.join(''), strings };
}

// Each pattern ends just before the quote that opens the specifier.
const PATTERNS = [
  // import x from '…', import type { X } from '…', export * from '…', export { a as b } from '…'
  /(?<![\w$.])(?:import|export)\s*(?:type\s+)?[\w$\s{},*]*?\bfrom\s*(?=['"])/g,
  // import '…' (side effects only)
  /(?<![\w$.])import\s*(?=['"])/g,
  // import('…'), require('…'), vi.mock('…') and friends
  /(?<![\w$.])(?:import|require)\s*\(\s*(?=['"`])/g,
  /(?<![\w$])vi\s*\.\s*(?:mock|doMock|unmock|doUnmock|importActual|importMock)\s*\(\s*(?=['"`])/g,
];

/** Every module specifier in a file, with its 1-based line. */
export function specifiers(src) {
  const { code, strings } = scan(src);
  const found = new Map();
  for (const pattern of PATTERNS) {
    for (const m of code.matchAll(pattern)) {
      const at = m.index + m[0].length;
      const value = strings.get(at);
      if (value !== undefined) found.set(at, value);
    }
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
  return [...found.entries()].sort(([a], [b]) => a - b).map(([at, spec]) => ({ spec, line: lineOf(at) }));
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
    for (const { spec, line } of specifiers(readFileSync(abs, 'utf8'))) {
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
