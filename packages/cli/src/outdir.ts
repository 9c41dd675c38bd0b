// The output folder changes as a set or not at all. A build holds a lock on the folder, stages
// every output in a hidden folder inside it (same file system, so renames are atomic), and
// only when all of them are rendered marks the stage complete and renames each file into
// place. Whatever stops a build before that leaves the earlier files as they were; a build
// killed in the middle of the renames is finished by the next one (the stage is complete and
// marked so), and anything else a dead build left behind is removed.

import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from './errors.js';
import { alive } from './temp.js';

const LOCK = '.briefing.lock';
const STAGE_PREFIX = '.briefing-stage-';
/** Written into a stage when it holds every output: from then on it is committed, never discarded. */
const COMPLETE = '.complete';
/** Temp files of the single-file writes of earlier versions: `.<name>.<pid>.<time>.tmp`. */
const OLD_TEMP = /^\..+\.(\d+)\.\d+\.tmp$/;

const pidOf = (name: string, prefix: string) => Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1] ?? Number.NaN);

/** Another build is writing into the folder. */
export class FolderBusy extends CliError {
  constructor(shown: string, pid: number) {
    super(`briefing: ${shown} is busy: another build (process ${pid}) is writing into it; try again when it ends`);
  }
}

/** Take the folder's lock, or say who holds it; a lock whose process is gone is taken over. */
async function lock(dir: string, shown: string): Promise<void> {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (holder === process.pid) throw new FolderBusy(shown, holder);
    if (alive(holder)) throw new FolderBusy(shown, holder);
    // A dead build's lock (or one being written this instant: read again before taking it).
    await new Promise((r) => setTimeout(r, 20));
    const again = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (again !== holder && alive(again)) throw new FolderBusy(shown, again);
    await rm(path, { force: true });
  }
  throw new CliError(`briefing: cannot lock ${shown}`, EXIT.usage);
}

/** Rename every file of a complete stage into the folder, then remove the stage. */
async function commitStage(dir: string, stage: string): Promise<string[]> {
  const files = (await readFile(join(stage, COMPLETE), 'utf8')).split('\n').filter(Boolean);
  for (const file of files) {
    await rename(join(stage, file), join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      // Already moved by the run that was killed half-way through.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await rm(stage, { recursive: true, force: true });
  return files;
}

/**
 * Clean up after dead builds (with the lock held): finish a stage that was complete, remove one
 * that was not, and remove stray temp files. Returns what was recovered, for a note.
 */
async function recover(dir: string): Promise<string[]> {
  const finished: string[] = [];
  for (const name of await readdir(dir)) {
    if (name.startsWith(STAGE_PREFIX)) {
      const pid = pidOf(name, STAGE_PREFIX);
      if (pid !== process.pid && alive(pid)) continue;
      const stage = join(dir, name);
      const complete = await stat(join(stage, COMPLETE)).then(
        () => true,
        () => false,
      );
      if (complete) finished.push(...(await commitStage(dir, stage)));
      else await rm(stage, { recursive: true, force: true });
    } else {
      const pid = OLD_TEMP.exec(name)?.[1];
      if (pid !== undefined && !alive(Number(pid))) await rm(join(dir, name), { force: true });
    }
  }
  return finished;
}

export interface Stage {
  /** Add one output to the set (written into the stage, not yet visible in the folder). */
  put(file: string, data: Uint8Array | string): Promise<void>;
}

/**
 * Run `fill` with a stage for `dir`, then put everything it staged into the folder at once.
 * Holds the folder's lock from start to end (a second build gets "busy", exit 2). If `fill`
 * throws (a failed render, a stop request), nothing in the folder changes.
 */
export async function writeOutputs<T>(
  dir: string,
  shown: string,
  fill: (stage: Stage) => Promise<T>,
): Promise<{ result: T; files: string[]; recovered: string[] }> {
  /** The folder's own file operations: a failure is one line and exit 2, never a stack trace. */
  const fs = async <R>(work: () => Promise<R>): Promise<R> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`briefing: cannot write into ${shown}: ${(error as Error).message}`, EXIT.usage);
    }
  };
  await fs(() => mkdir(dir, { recursive: true }));
  await fs(() => lock(dir, shown));
  const stage = join(dir, `${STAGE_PREFIX}${process.pid}-${Date.now().toString(36)}`);
  let complete = false;
  try {
    const recovered = await fs(() => recover(dir));
    await fs(() => mkdir(stage));
    const files: string[] = [];
    const result = await fill({
      put: async (file, data) => {
        await writeFile(join(stage, file), data);
        if (!files.includes(file)) files.push(file);
      },
    });
    // The commit point: from here the stage is the new set and is never thrown away.
    await fs(() => writeFile(join(stage, COMPLETE), `${files.join('\n')}\n`));
    complete = true;
    await fs(() => commitStage(dir, stage));
    return { result, files, recovered };
  } finally {
    // A complete stage that could not be moved in stays for the next build to finish.
    if (!complete) await rm(stage, { recursive: true, force: true }).catch(() => undefined);
    await rm(join(dir, LOCK), { force: true }).catch(() => undefined);
  }
}
