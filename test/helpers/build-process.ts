// `briefing build` as a process of its own (compiled when dist is current, from source
// otherwise: the testkit's `cliArgs`), for tests that send it signals or give it a stand-in
// browser, and what it leaves running behind it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cliArgs, waitFor } from '@briefing/testkit';

const repo = new URL('../../', import.meta.url).pathname;

export interface BuildProcess {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr so far, interleaved as they came. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** `briefing build <args>` as a process, with `env` over the test's environment. */
export function startBuild(args: string[], env: Record<string, string>, cwd = repo): BuildProcess {
  const child = spawn(process.execPath, [...cliArgs(repo), 'build', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, pid: child.pid as number, output: () => out, exited };
}

/** Running processes whose command line contains `text` (read from /proc), as "pid command". */
export function processesWith(text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // A zombie has an empty command line: it is dead, only not yet reaped.
      if (args.includes(text)) found.push(`${entry} ${args}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** The Chromium processes of a build: those started with a profile folder of that build's process. */
export const chromiumOf = (pid: number) => processesWith(`briefing-chromium-${pid}-`);

/**
 * Wait, polling every 10 ms, until `test` holds. A guard against a build that never gets
 * there, not a measure of speed (a loaded machine may take many seconds to start one).
 */
export function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  return waitFor(what, test, { ms, every: 10 }).then(() => undefined);
}
