// The output folder changes as a set or not at all. A build holds a lock on the folder, stages
// every output in a hidden folder inside it (same file system, so renames are atomic), and
// only when all of them are rendered marks the stage complete and renames each file into
// place. Whatever stops a build before that leaves the earlier files as they were; a build
// killed in the middle of the renames is finished by the next one (the stage is complete and
// marked so), and anything else a dead build left behind is removed. Only what a build made
// is ever removed: a stage holds a mark naming the process that made it.

import { lstat, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from '../edge/errors.js';
import { FORMATS } from '../edge/formats.js';
import { alive, type Instance, parseStamp, stampOf, stillRunning } from '../edge/processes.js';
import { unreplaceable, writableFolder } from './targets.js';

const LOCK = '.briefing.lock';
const STAGE_PREFIX = '.briefing-stage-';
const STAGE = /^\.briefing-stage-\d+-[0-9a-z]+$/;
/** Written into a stage first, naming the process that made it: the proof that it is a stage. */
const STAGE_MARK = '.briefing-stage';
/** Written into a stage when it holds every output: from then on it is committed, never discarded. */
const COMPLETE = '.complete';
/** The files a build writes; a complete stage's list names nothing else. */
const OUTPUTS: ReadonlySet<string> = new Set(Object.values(FORMATS).map((f) => f.file));
/** Temp files of the single-file writes of earlier versions: `.<output>.<pid>.<ms>.tmp`, outputs only. */
const OLD_TEMP = /^\.(.+)\.(\d+)\.\d{13}\.tmp$/;
/** Where a stale lock is moved before it is removed: `.briefing.lock.stale-<pid>`. */
const ASIDE = /^\.briefing\.lock\.stale-(\d+)$/;

/** The folders (by real path) this process holds the lock of now. */
const held = new Set<string>();

/** Another build is writing into the folder. */
export class FolderBusy extends CliError {
  constructor(shown: string, pid?: number) {
    super(
      `briefing: ${shown} is busy: another build${pid === undefined ? '' : ` (process ${pid})`} is writing into it; try again when it ends`,
    );
  }
}

/** Why a lock's holder is not a running build (words after "process N, which"), or undefined when it is. */
function staleness(dir: string, holder: Instance): string | undefined {
  if (holder.pid === process.pid)
    return held.has(dir) ? undefined : 'is this process and holds no lock there (the number was reused)';
  const state = stillRunning(holder);
  return state.running ? undefined : state.why;
}

/**
 * Take the folder's lock, or say who holds it. A lock whose holder is proved not to be a
 * running build is taken over; returns a note saying so.
 */
async function lock(dir: string, shown: string): Promise<string | undefined> {
  const path = join(dir, LOCK);
  let note: string | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(`${stampOf()}\n`).finally(() => file.close());
      held.add(dir);
      return note;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await lstat(path).catch(() => undefined);
    let text = await readFile(path, 'utf8').catch(() => undefined);
    // Empty: being written this instant (a lock is opened, then written), or left so by a
    // build killed in between. Wait for the one; judge the other by its age. An old one is
    // not waited for: a lock being written was made this instant.
    const young = seen !== undefined && Date.now() - seen.mtimeMs < 10_000;
    for (let wait = 0; text === '' && young && wait < 20; wait++) {
      await new Promise((r) => setTimeout(r, 50));
      text = await readFile(path, 'utf8').catch(() => undefined);
    }
    if (seen === undefined || text === undefined) continue;
    if (text === '' && young) throw new FolderBusy(shown);
    const holder = parseStamp(text);
    let why = ', which names no process';
    if (holder !== undefined) {
      const stale = staleness(dir, holder);
      if (stale === undefined) throw new FolderBusy(shown, holder.pid);
      why = ` from process ${holder.pid}, which ${stale}`;
    }
    // Move the stale lock aside and make sure it is the one judged: another build may have
    // taken it over meanwhile, and its fresh lock goes back.
    const aside = `${path}.stale-${process.pid}`;
    if (
      !(await rename(path, aside).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const moved = await lstat(aside).catch(() => undefined);
    if (moved?.ino !== seen.ino) await rename(aside, path).catch(() => undefined);
    else note = `took over ${join(shown, LOCK)}${why}`;
    await rm(aside, { force: true });
  }
  throw new CliError(`briefing: cannot lock ${shown}`, EXIT.usage);
}

/** Rename every file of a complete stage into the folder, then remove the stage. */
async function commitStage(dir: string, stage: string): Promise<string[]> {
  const listed = (await readFile(join(stage, COMPLETE), 'utf8')).split('\n').filter(Boolean);
  const files = listed.filter((file) => OUTPUTS.has(file));
  for (const file of files) {
    await rename(join(stage, file), join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      // Already moved by the run that was killed half-way through.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await rm(stage, { recursive: true, force: true });
  return files;
}

/** The mark in a stage: the process that made it, or undefined when the folder is no stage of ours. */
async function stageOwner(stage: string): Promise<ReturnType<typeof parseStamp>> {
  const text = await readFile(join(stage, STAGE_MARK), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseStamp(text);
}

/**
 * Clean up after dead builds (with the lock held): finish a stage that was complete, remove
 * one that was not, and remove the temp files of earlier versions. Only a stage with a mark,
 * an empty stage-named folder (a build killed before its mark) and temp files named after an
 * output are touched: a user's `.draft.2024.05.tmp` stays. Returns what was recovered.
 */
async function recover(dir: string): Promise<string[]> {
  const finished: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (STAGE.test(name)) {
      // A folder, not a link to one: what is removed must be inside this folder.
      if (
        !(await lstat(path).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      )
        continue;
      const owner = await stageOwner(path);
      if (owner === undefined) {
        // Empty: made by a build killed before it marked it. rmdir removes nothing else.
        await rmdir(path).catch(() => undefined);
        continue;
      }
      if (owner.pid !== process.pid && stillRunning(owner).running) continue;
      const complete = await stat(join(path, COMPLETE)).then(
        () => true,
        () => false,
      );
      if (complete) finished.push(...(await commitStage(dir, path)));
      else await rm(path, { recursive: true, force: true });
      continue;
    }
    const old = OLD_TEMP.exec(name);
    if (old && OUTPUTS.has(old[1] as string) && !alive(Number(old[2]))) await rm(path, { force: true });
    const aside = ASIDE.exec(name);
    if (aside && !alive(Number(aside[1]))) await rm(path, { force: true });
  }
  return finished;
}

export interface Stage {
  /** Add one output to the set (written into the stage, not yet visible in the folder). */
  put(file: string, data: Uint8Array | string): Promise<void>;
}

/**
 * Run `fill` with a stage for `dir`, then put everything it staged into the folder at once.
 * The folder must be one the user may write into (not `/` or a system folder; see
 * targets.ts). Holds the folder's lock from start to end (a second build gets "busy", exit 2);
 * a stale lock is taken over (`tookOver` says so). If `fill` throws (a failed render, a stop
 * request), nothing in the folder changes.
 */
export async function writeOutputs<T>(
  dir: string,
  shown: string,
  fill: (stage: Stage) => Promise<T>,
): Promise<{ result: T; files: string[]; recovered: string[]; tookOver?: string }> {
  /** The folder's own file operations: a failure is one line and exit 2, never a stack trace. */
  const fs = async <R>(work: () => Promise<R>): Promise<R> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`briefing: cannot write into ${shown}: ${(error as Error).message}`, EXIT.usage);
    }
  };
  const real = await writableFolder(dir, shown, 'briefing');
  await fs(() => mkdir(real, { recursive: true }));
  const tookOver = await fs(() => lock(real, shown));
  const stage = join(real, `${STAGE_PREFIX}${process.pid}-${Date.now().toString(36)}`);
  let complete = false;
  try {
    const recovered = await fs(() => recover(real));
    await fs(async () => {
      await mkdir(stage);
      await writeFile(join(stage, STAGE_MARK), `${stampOf()}\n`);
    });
    const files: string[] = [];
    const result = await fill({
      put: async (file, data) => {
        // Refused before the commit point, so the folder is left as it was.
        const why = await fs(() => unreplaceable(join(real, file)));
        if (why) throw new CliError(`briefing: cannot write ${join(shown, file)}: ${why}`, EXIT.usage);
        await writeFile(join(stage, file), data);
        if (!files.includes(file)) files.push(file);
      },
    });
    // The commit point: from here the stage is the new set and is never thrown away.
    await fs(() => writeFile(join(stage, COMPLETE), `${files.join('\n')}\n`));
    complete = true;
    await fs(() => commitStage(real, stage));
    return { result, files, recovered, ...(tookOver ? { tookOver } : {}) };
  } finally {
    // A complete stage that could not be moved in stays for the next build to finish.
    if (!complete) await rm(stage, { recursive: true, force: true }).catch(() => undefined);
    held.delete(real);
    await rm(join(real, LOCK), { force: true }).catch(() => undefined);
  }
}
