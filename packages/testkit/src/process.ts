// A real `briefing` process for the tests that are about processes: signals, what a command
// holds open, locks held by another process. Each runs the compiled CLI when dist is current,
// the TypeScript sources through tsx otherwise (see built.ts), with what it prints collected
// as it comes.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cliArgs } from './built.js';
import { repoRoot } from './cli.js';
import { waitFor } from './wait.js';

export interface CliProcess {
  child: ChildProcess;
  /** What it has printed so far. */
  output: { stdout: string; stderr: string };
  /** Its exit: the code (or the signal that killed it) and when, by `Date.now()`. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * `briefing <args>` as its own process, as it is now (see `cliArgs`); `env` adds variables. Its standard input
 * is what the shell command `stdinFrom` prints, through a pipe as a shell gives it
 * (`sleep 100 | briefing …`: Node's own stdin pipes are sockets, which /dev/stdin cannot
 * open); without one, no input at all.
 */
export function spawnCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; stdinFrom?: string } = {},
): CliProcess {
  const node = [...cliArgs(repoRoot), ...args];
  const spawnOptions = {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
  };
  // bash's process substitution makes the pipe, and `exec` makes the command the child itself.
  const child =
    options.stdinFrom === undefined
      ? spawn(process.execPath, node, spawnOptions)
      : spawn('bash', ['-c', `exec "$0" "$@" < <(${options.stdinFrom})`, process.execPath, ...node], spawnOptions);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d) => {
    output.stdout += d;
  });
  child.stderr?.on('data', (d) => {
    output.stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, output, exited };
}

/** Wait, polling, until `test` holds; false when `ms` passed first. */
export function until(test: () => boolean, ms = 10_000): Promise<boolean> {
  return waitFor('a condition', test, { ms, every: 20 }).then(
    () => true,
    () => false,
  );
}

/** The processes a process started, as /proc shows them (Linux). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** What a process has open, as /proc shows it (`pipe:[123]`, a path…); empty once it is gone. */
export function openFiles(pid: number): string[] {
  const dir = `/proc/${pid}/fd`;
  try {
    return readdirSync(dir).flatMap((fd) => {
      try {
        return [readlinkSync(join(dir, fd))];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}
