// Temp folders named after the process that made them and marked inside as a build's, so
// that what a killed build left behind (SIGKILL gives no chance to clean up) can be told from
// what a running one is using, and nothing briefing did not make is ever removed.

import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, EXIT } from './errors.js';
import { tempVariable } from './io.js';
import { parseStamp, stampOf, stillRunning } from './processes.js';

export { alive } from './processes.js';

/** The kinds of temp folder a build makes: Chromium's profile, the HTML deck's marp-cli files, check's outputs. */
export type TempKind = 'chromium' | 'deck' | 'check';
const TEMP = /^briefing-(?:chromium|deck|check)-\d+-[A-Za-z0-9]{6}$/;
/** Written into every temp folder a build makes (its process, as `<pid> <start>`): the proof that it is one. */
const MARK = '.briefing-temp';

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

/** A new temp folder `briefing-<kind>-<pid>-XXXXXX` under the system's temp folder, marked as this process's. */
export function processTempDir(kind: TempKind, dir = tmpdir()): string {
  let made: string;
  try {
    made = mkdtempSync(join(dir, `briefing-${kind}-${process.pid}-`));
  } catch (error) {
    throw tempError(dir, error);
  }
  writeFileSync(join(made, MARK), `${stampOf()}\n`);
  return made;
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
 * Remove the temp folders of builds that are gone; returns their names. Only a folder with
 * a build's name, that is a folder (not a link), and whose mark names a process instance that
 * is no longer running is removed; a temp folder that cannot be read has nothing of ours.
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
    if (!TEMP.test(name)) continue;
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isDirectory()) continue;
    } catch {
      continue;
    }
    const owner = markOf(path);
    // This process's own folders count as running; one left by an earlier process that had
    // this process's number (a container's) does not.
    if (owner === undefined || stillRunning(owner).running) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
