// Temp folders named after the process that made them and marked inside as a build's, so
// that what a killed build left behind (SIGKILL gives no chance to clean up) can be told from
// what a running one is using, and nothing briefing did not make is ever removed.

import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CliError, EXIT } from './errors.js';
import { tempVariable } from './io.js';
import { alive, parseStamp, stampOf, stillRunning } from './processes.js';

export { alive } from './processes.js';

/** The kinds of temp folder a build makes: Chromium's profile, the HTML deck's marp-cli files, check's outputs. */
export type TempKind = 'chromium' | 'deck' | 'check';
/**
 * A build's temp folder, `briefing-<kind>-<pid>-XXXXXX`, or one being made under the name
 * `briefing-new-<kind>-<pid>-XXXXXX` before it is marked and renamed, or Chromium's short temp
 * folder in /tmp, `briefing-chromium-<pid>-tXXXXXX` (browser/chromium-temp.ts, never marked);
 * the process number is group 1.
 */
const TEMP = /^briefing-(?:(?:new-)?(?:chromium|deck|check)-(\d{1,10})-|chromium-(\d{1,10})-t)[A-Za-z0-9]{6}$/;
/** Written into every temp folder a build makes (its process, as `<pid> <start>`): the proof that it is one. */
const MARK = '.briefing-temp';
/** How many random names processTempDir tries before giving up (one clash in 62^6 is already unlikely). */
const ATTEMPTS = 8;

function tempError(dir: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such folder'
      : code === 'ENOTDIR'
        ? 'not a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'cannot write there'
          : (code ?? (error as Error).message);
  return new CliError(
    `briefing: cannot make a temp folder in ${dir} (from ${tempVariable()}): ${why}; set TMPDIR to a folder you can write to`,
    EXIT.usage,
  );
}

/** Check, before anything is made, that the temp folder is a folder; a CliError (exit 2) naming TMPDIR if not. */
export function checkTempRoot(dir = tmpdir()): void {
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw tempError(dir, error);
  }
}

/**
 * A new temp folder `briefing-<kind>-<pid>-XXXXXX` under the system's temp folder, marked as
 * this process's. It appears under that name with its mark already inside: it is made and
 * marked as `briefing-new-<kind>-<pid>-XXXXXX`, then renamed, so a build killed (SIGKILL)
 * between the two steps leaves no unmarked folder under a build's name, only an empty
 * `briefing-new-…` folder that removeStaleTemp knows for what it is. `onStep` (tests only)
 * is told each step as it is done, to look at the folder in between.
 */
export function processTempDir(
  kind: TempKind,
  dir = tmpdir(),
  onStep: (step: 'made' | 'marked' | 'renamed', path: string) => void = () => {},
): string {
  for (let attempt = 1; ; attempt++) {
    let making: string;
    try {
      making = mkdtempSync(join(dir, `briefing-new-${kind}-${process.pid}-`));
    } catch (error) {
      throw tempError(dir, error);
    }
    onStep('made', making);
    const made = join(dir, basename(making).replace(/^briefing-new-/, 'briefing-'));
    try {
      writeFileSync(join(making, MARK), `${stampOf()}\n`);
      onStep('marked', making);
      // A folder already under that name (this process made one with the same letters) holds
      // a mark, so the rename fails rather than replace it, and another name is tried.
      renameSync(making, made);
    } catch (error) {
      rmSync(making, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOTEMPTY' || code === 'EEXIST') && attempt < ATTEMPTS) continue;
      throw tempError(dir, error);
    }
    onStep('renamed', made);
    return made;
  }
}

/** The process a temp folder's mark names; undefined when it has no mark (then it is not ours to judge). */
function markOf(path: string): ReturnType<typeof parseStamp> {
  try {
    return parseStamp(readFileSync(join(path, MARK), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether a folder with a build's temp name and no mark is what a build killed between making
 * and marking it left: empty, this user's, and named after a process that is gone. Earlier
 * versions made the folder under its final name before marking it, and processTempDir's first
 * step still makes an unmarked `briefing-new-…` folder (or one whose mark it was killed while
 * writing). A running process's number in the name
 * (a live build between its two steps, or a number reused) keeps it; so does anything in it.
 */
function unmarkedLeftover(path: string, pid: number, owner: number): boolean {
  if (alive(pid)) return false;
  try {
    // Or holding only a mark that does not read: one killed while it was being written (an
    // empty file), the folder's one content until it is renamed.
    const names = readdirSync(path);
    const only = names.length === 0 || (names.length === 1 && names[0] === MARK);
    return only && (process.getuid === undefined || owner === process.getuid());
  } catch {
    return false;
  }
}

/**
 * Remove the temp folders of builds that are gone; returns their names. Only a folder with
 * a build's name, that is a folder (not a link), and whose mark names a process instance that
 * is no longer running is removed, or, without a mark, an empty one named after a process that
 * is gone (unmarkedLeftover); a temp folder that cannot be read has nothing of ours.
 */
export function removeStaleTemp(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const named = TEMP.exec(name);
    if (!named) continue;
    const path = join(dir, name);
    let owner: number;
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory()) continue;
      owner = stat.uid;
    } catch {
      continue;
    }
    const mark = markOf(path);
    if (mark === undefined) {
      if (!unmarkedLeftover(path, Number(named[1] ?? named[2]), owner)) continue;
      // The torn mark, then rmdir, not rm: it removes only an empty folder, should anything
      // have appeared in it since.
      try {
        rmSync(join(path, MARK), { force: true });
        rmdirSync(path);
        removed.push(name);
      } catch {}
      continue;
    }
    // This process's own folders count as running; one left by an earlier process that had
    // this process's number (a container's) does not.
    if (stillRunning(mark).running) continue;
    // A killed build's Chromium may still be writing into its profile for a moment after the
    // build is gone (a helper process going down last): retried, and left for a later build if
    // it still will not go, rather than failing this one (it failed with ENOTEMPTY).
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      removed.push(name);
    } catch {}
  }
  return removed;
}
