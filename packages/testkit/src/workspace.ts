// A fresh clone of the workspace for the tests that run turbo or `briefing new` on one: the
// files as git would give them (tracked, plus new files git does not ignore, so a test sees
// the edits not yet committed), committed in a repository of its own, with no dist/, out/ or
// turbo cache. Installing packages for each clone would take minutes and the network, so its
// node_modules links to this checkout's installed packages, except the workspace links, which
// point into the clone as npm would make them.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './cli.js';

/** A workspace link (`node_modules/@briefing/pdf -> ../../packages/pdf`) made again as it is, so it points into the clone. */
function linkAgain(from: string, to: string): void {
  symlinkSync(readlinkSync(from), to);
}

/** The clone's node_modules: the installed packages by absolute link, the workspaces' links as they are. */
function linkModules(root: string, dest: string): void {
  const from = join(root, 'node_modules');
  const to = join(dest, 'node_modules');
  mkdirSync(to);
  for (const name of readdirSync(from)) {
    const path = join(from, name);
    if (name === '.bin') {
      mkdirSync(join(to, name));
      for (const bin of readdirSync(path)) linkAgain(join(path, bin), join(to, name, bin));
    } else if (name.startsWith('.')) {
      // npm's and vite's bookkeeping, and caches: a clone starts without them.
    } else if (lstatSync(path).isSymbolicLink()) {
      linkAgain(path, join(to, name));
    } else if (name.startsWith('@') && readdirSync(path).some((n) => lstatSync(join(path, n)).isSymbolicLink())) {
      mkdirSync(join(to, name));
      for (const entry of readdirSync(path)) {
        const p = join(path, entry);
        if (lstatSync(p).isSymbolicLink()) linkAgain(p, join(to, name, entry));
        else symlinkSync(p, join(to, name, entry));
      }
    } else {
      symlinkSync(path, join(to, name));
    }
  }
}

/**
 * Make a clone of the workspace at `root` (this checkout by default) in `dest`, a new or empty
 * folder, and return `dest`. Workspaces with packages of their own (content's zod) get a link
 * to them too.
 */
export function workspaceClone(dest: string, root: string = repoRoot): string {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  mkdirSync(dest, { recursive: true });
  for (const file of listed.split('\0')) {
    // A tracked file deleted in the working tree is still listed: a clone of the edits has none.
    if (file === '' || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(root, file), join(dest, file));
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
      cwd: dest,
      stdio: 'ignore',
    });
  git('init', '-q');
  // The clone's node_modules are links, which git's own "node_modules/" (folders only) lets through.
  writeFileSync(join(dest, '.git', 'info', 'exclude'), 'node_modules\n');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'clone');
  linkInstalled(root, dest);
  return dest;
}

/**
 * A second clone, made by `git clone` of the clone at `from` (its committed state only, as a
 * teammate or CI would get it), with its packages linked as in `from`.
 */
export function gitClone(from: string, dest: string): string {
  execFileSync('git', ['clone', '-q', from, dest], { stdio: 'ignore' });
  writeFileSync(join(dest, '.git', 'info', 'exclude'), 'node_modules\n');
  linkInstalled(from, dest);
  return dest;
}

/** node_modules for the clone at `dest`, from the installed packages at `root`, and each workspace's own. */
function linkInstalled(root: string, dest: string): void {
  linkModules(root, dest);
  const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces as string[];
  for (const pattern of workspaces) {
    if (pattern.endsWith('/*') && !existsSync(join(root, pattern.slice(0, -2)))) continue;
    const dirs = pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(pattern.slice(0, -2), d.name))
      : [pattern];
    for (const dir of dirs) {
      const modules = join(root, dir, 'node_modules');
      if (existsSync(modules) && existsSync(join(dest, dir))) symlinkSync(modules, join(dest, dir, 'node_modules'));
    }
  }
}
