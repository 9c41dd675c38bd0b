import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  type ParseResult,
  report as packaged,
  parseReport,
  type Report,
  ReportValidationError,
} from '@briefing/content';
import { decodeReport } from './decode.js';
import { CliError, EXIT } from './errors.js';
import { readInput } from './read-input.js';

/** What commands print to and where they run; the real process in `bin.ts`, a capture in tests. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (progress lines may then be decorated). */
  isTTY: boolean;
  /** Aborted (reason: the signal's name) when the user stops the command: build cleans up and exits, watch shuts down. */
  signal?: AbortSignal;
}

/**
 * A path as the user should read it: relative to the folder they ran the command in. That is
 * the working directory, except under a script runner that starts the command elsewhere: npm
 * runs a package's script in the package's folder and names the user's folder in INIT_CWD, and
 * turbo (`npm run build`) runs each package's npm script (which sets INIT_CWD to that package)
 * and names the folder it was started in in TURBO_INVOCATION_DIR. So `npm run build` at the root
 * reports `out/briefing.pdf`, not `../../out/briefing.pdf`. A path that is that folder itself is
 * shown whole.
 */
export function shownPath(io: Pick<Io, 'cwd' | 'env'>, path: string): string {
  const from = [io.env.TURBO_INVOCATION_DIR, io.env.INIT_CWD].find((dir) => dir && isAbsolute(dir));
  return relative(from ?? io.cwd, path) || path;
}

/**
 * Write a file so that readers never see half of it: write a temp file in the same folder,
 * then rename it over the target. A failed write leaves any earlier file untouched.
 */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Read and parse a JSON report file: a missing or unreadable file, text that is not UTF-8 and
 * text that is not JSON are usage errors (exit 2), each one line naming the file. A stop
 * request (`signal`) ends a read that waits (a pipe, a FIFO) at once.
 */
export async function readJson(path: string, shown = path, signal?: AbortSignal): Promise<unknown> {
  const decoded = decodeReport(await readInput(path, shown, { signal }));
  if (!decoded.ok) throw new CliError(`${shown} ${decoded.why}`, EXIT.usage);
  if (decoded.text.trim() === '') throw new CliError(`${shown} is empty: a report is one JSON object`, EXIT.usage);
  try {
    return JSON.parse(decoded.text);
  } catch (error) {
    throw new CliError(`${shown} is not valid JSON: ${(error as Error).message}`, EXIT.usage);
  }
}

/**
 * Every check a report must pass before any output is made, the same for every command and
 * every format: the schema, whose one character rule admits only what every face of every
 * output draws, in every field, and only a language whose dates and numbers those faces draw.
 */
export function validateReport(data: unknown): ParseResult {
  return parseReport(data);
}

/** The report to work on: `--input` JSON when given, else the packaged report; validated either way. */
export async function loadReport(
  input: string | undefined,
  cwd: string,
  signal?: AbortSignal,
): Promise<{ report: Report; from: string }> {
  // The packaged report was validated when content was loaded (its `report` is assertReport's
  // value): it is not parsed again.
  if (input === undefined) return { report: packaged, from: '@briefing/content' };
  const result = validateReport(await readJson(resolve(cwd, input), input, signal));
  if (!result.ok) throw new ReportValidationError(result.problems, input);
  return { report: result.report, from: input };
}
