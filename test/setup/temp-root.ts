// Every temp folder of a test run in one folder of its own, removed when the run ends. The
// tests make scratch folders in the system's temp folder (tmpdir()), and so do the processes
// they start (builds, Chromium, npm, turbo); a full run used to leave about 190 of them in /tmp
// for good. Setting TMPDIR here, before the workers start, puts all of them in the run's
// folder by construction, whichever test or process makes them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Short on purpose: a build's Chromium folder inside it must stay within the 52 characters
 * Chromium's socket path allows (browser/chromium-temp.ts), as it is directly in /tmp, so that
 * the tests run the build's usual path, not the one for a deep TMPDIR.
 */
export const PREFIX = 'bt-';
/** The file in a run's folder that names the run's process. */
export const MARK = '.briefing-test-run';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The folders of earlier runs that were stopped before their end (Ctrl+C, a kill): their process is gone. */
export function removeStaleRuns(root: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PREFIX)) continue;
    let pid: number;
    try {
      pid = Number(readFileSync(join(root, name, MARK), 'utf8'));
    } catch {
      continue; // Not a run's folder, or not ours to judge.
    }
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

export default function setup() {
  const system = tmpdir();
  removeStaleRuns(system);
  const run = mkdtempSync(join(system, PREFIX));
  writeFileSync(join(run, MARK), String(process.pid));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = run;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(run, { recursive: true, force: true });
  };
}
