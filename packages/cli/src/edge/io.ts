import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { format } from 'node:util';
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

/** Environment variables, as a command is given them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What commands print to and where they run; the real process in `bin.ts`, a capture in tests. */
export interface Io {
  cwd: string;
  env: Env;
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
 * The process's environment, for the CLI's library entry points called outside a command
 * (`convertDeck`, `produce` from tests and benchmarks), which have no Io to take it from.
 * Commands pass `io.env` instead. It is read here so that the edge reads the environment in
 * one module only (test/lint/edge.test.ts).
 */
export function processEnv(): Env {
  return process.env;
}

/**
 * The variable that named the temp folder (Node's tmpdir reads TMPDIR, then TMP, then TEMP),
 * for messages. The temp folder is the process's own (os.tmpdir reads process.env itself, for
 * every caller), so naming it reads the process's environment too, not a command's Io.
 */
export function tempVariable(): string {
  const name = ['TMPDIR', 'TMP', 'TEMP'].find((n) => process.env[n]);
  return name ? `${name}=${process.env[name]}` : 'the system default';
}

/**
 * Run `fn` with the global console's log, warn and error lines going into `logged` instead of
 * the terminal, and put the console back as it was found, however `fn` ends. This must be the
 * global console: marp-cli's API (deck-html.ts) prints through it and takes no console or
 * stream of its own, so there is nothing narrower to hand it. Callers run one capture at a
 * time (deck-html.ts queues its conversions), so one never restores another's stand-in.
 */
export async function withConsoleCaptured<T>(logged: string[], fn: () => Promise<T>): Promise<T> {
  const saved = { warn: console.warn, error: console.error, log: console.log };
  const capture = (...args: unknown[]) => {
    logged.push(format(...args));
  };
  Object.assign(console, { warn: capture, error: capture, log: capture });
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
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
