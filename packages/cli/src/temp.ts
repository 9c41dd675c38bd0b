// Temp folders named after the process that made them, so that what a killed build left
// behind (SIGKILL gives no chance to clean up) can be told from what a running one is using.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a process is still running (a process we may not signal is running too). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The kinds of temp folder a build makes: Chromium's profile, the HTML deck's marp-cli files. */
export type TempKind = 'chromium' | 'deck';
const TEMP = /^briefing-(chromium|deck)-(\d+)-/;

/** A new temp folder `briefing-<kind>-<pid>-XXXXXX` under the system's temp folder. */
export function processTempDir(kind: TempKind, dir = tmpdir()): string {
  return mkdtempSync(join(dir, `briefing-${kind}-${process.pid}-`));
}

/** Remove the temp folders of builds that are gone; returns their names. */
export function removeStaleTemp(dir = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const pid = Number(TEMP.exec(name)?.[2] ?? Number.NaN);
    if (Number.isNaN(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
