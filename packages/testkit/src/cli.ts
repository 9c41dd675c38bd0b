import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReportInput, reportInput } from '@briefing/content';
import type { Io } from 'briefing';
import type * as CliInternals from 'briefing/internal';
import { runsBuilt } from './built.js';

export const repoRoot = new URL('../../../', import.meta.url).pathname;

/**
 * A real `briefing watch` process (through the bin, compiled when dist is current and from
 * source otherwise: see built.ts) on `input` (the packaged report's source when
 * undefined), writing into `out`, its preview on a free port, with what it prints collected as
 * it comes. `args` add options, `env` variables; `fileLimit` starts it with that many file
 * handles at most (`ulimit -n`), to see how it copes when they run short.
 */
export function spawnWatch(
  input: string | undefined,
  out: string,
  options: { args?: string[]; env?: Record<string, string>; fileLimit?: number } = {},
): { child: ChildProcess; output: { stdout: string; stderr: string } } {
  const output = { stdout: '', stderr: '' };
  const command = [
    process.execPath,
    join(repoRoot, 'packages/cli/bin/briefing.js'),
    'watch',
    ...(input === undefined ? [] : ['--input', input]),
    '--out',
    out,
    '--port',
    '0',
    ...(options.args ?? []),
  ];
  // The shell sets the limit and is then replaced by node (exec), so the child is still the watch itself.
  const [file, ...args] =
    options.fileLimit === undefined
      ? command
      : ['/bin/sh', '-c', `ulimit -n ${options.fileLimit} && exec "$0" "$@"`, ...command];
  const child = spawn(file as string, args, {
    env: { ...process.env, BRIEFING_FROM_SOURCE: runsBuilt(repoRoot) ? '0' : '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output.stdout += d;
  });
  child.stderr?.on('data', (d) => {
    output.stderr += d;
  });
  return { child, output };
}

/** An Io that records what a command prints, for running commands in-process. */
export function captureIo(options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    isTTY: false,
  };
  return { io, out };
}

/** Run the CLI in-process with captured output. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const { io, out } = captureIo(options);
  // Loaded on first use: a test that imports the testkit only for its fixtures (the PDF
  // package's, say) neither pays for loading the whole CLI nor fails when it does not load.
  const { main } = await import('briefing');
  const code = await main(argv, io);
  return { code, ...out };
}

/** A new empty folder under the system's temp folder. */
export const freshDir = (prefix = 'briefing-test-') => mkdtempSync(join(tmpdir(), prefix));

/** The packaged report as a JSON file, changed by `edit` first. */
export function reportFile(edit: (r: ReportInput) => void = () => {}): string {
  const copy = structuredClone(reportInput) as ReportInput;
  edit(copy);
  const file = join(freshDir(), 'report.json');
  writeFileSync(file, JSON.stringify(copy));
  return file;
}

// CLI internals the slides package's tests, bench and scripts drive: converting a deck in
// Chromium, the presenter-view HTML deck from marp-cli. They come through the testkit, whose
// dependency on the CLI is a peer dependency, because a devDependency of @briefing/slides on
// the CLI (which depends on @briefing/slides) would be a cycle in turbo's build graph. Like
// `runCli`, each loads the CLI on its first call. (`findBrowser` is in the Chromium helper.)
const cliInternals = () => import('briefing/internal');

export const convertDeck: typeof CliInternals.convertDeck = async (...args) =>
  (await cliInternals()).convertDeck(...args);

export const renderDeckHtml: typeof CliInternals.renderDeckHtml = async (...args) =>
  (await cliInternals()).renderDeckHtml(...args);

/**
 * One Chromium for a test file's many conversions: the CLI's DeckBrowser, which `briefing
 * watch` keeps between rebuilds. Its `convert` is convertDeck's without a browser start each
 * time (about 0.6 s of CPU apiece); close it in the file's afterAll.
 */
export async function deckBrowser(browserPath: string): Promise<CliInternals.DeckBrowser> {
  const { DeckBrowser } = await cliInternals();
  return new DeckBrowser(browserPath, { env: process.env });
}
