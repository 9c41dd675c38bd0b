// A real `briefing` process for the tests that are about processes: signals, what a command
// holds open, locks held by another process. Each runs the compiled CLI when dist is current,
// the TypeScript sources through tsx otherwise (see built.ts), with what it prints collected
// as it comes.
import { type ChildProcess, execFileSync, type SpawnOptions, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cliArgs } from './built.js';
import { repoRoot } from './cli.js';
import { waitFor } from './wait.js';

export interface CliProcess {
  child: ChildProcess;
  /** What it has printed so far. */
  output: { stdout: string; stderr: string };
  /**
   * Its exit: the code (or the signal that killed it) and when, by `Date.now()`; settled once
   * what it printed has been read to the end, so `output` is then whole.
   */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * `command` as a process whose standard input is what the shell command `stdinFrom` prints,
 * through a pipe as a shell gives it (`sleep 100 | command`). bash's process substitution
 * makes the pipe, and `exec` makes the command the child itself. The writer's own errors go
 * nowhere: holding the command's stderr open, it would keep its output from ending when the
 * command exits.
 */
export function spawnPiped(command: string[], stdinFrom: string, options: SpawnOptions): ChildProcess {
  return spawn('bash', ['-c', `exec "$0" "$@" < <(${stdinFrom} 2>/dev/null)`, ...command], options);
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
  const child =
    options.stdinFrom === undefined
      ? spawn(process.execPath, node, spawnOptions)
      : spawnPiped([process.execPath, ...node], options.stdinFrom, spawnOptions);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d) => {
    output.stdout += d;
  });
  child.stderr?.on('data', (d) => {
    output.stderr += d;
  });
  // 'exit' can come before the last of the output has been read (a busy machine once gave
  // a stop's exit code with its "stopped" line still unread); 'close' comes after both.
  let at = 0;
  child.on('exit', () => {
    at = Date.now();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, at })),
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

/**
 * The number of a process that has ended: a shell that prints its own and exits (a shell,
 * not Node, which took about 150 ms of CPU to start each time).
 */
export function deadPid(): number {
  const pid = Number(execFileSync('/bin/sh', ['-c', 'echo $$'], { encoding: 'utf8' }));
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no process number from the shell: ${pid}`);
  return pid;
}

/** A process's open descriptors and what each is open on, as /proc shows it (`pipe:[123]`, a path…); none once it is gone. */
export function descriptors(pid: number): { fd: number; target: string }[] {
  const dir = `/proc/${pid}/fd`;
  try {
    return readdirSync(dir).flatMap((fd) => {
      try {
        return [{ fd: Number(fd), target: readlinkSync(join(dir, fd)) }];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/**
 * Milliseconds a thread has spent ready to run with no core free for it: its run delay, the
 * second field of /proc/<tid>/schedstat (the main thread's when `tid` is a process id).
 * Undefined once it is gone, or where the kernel does not keep it.
 */
export function readyWaitMs(tid: number): number | undefined {
  try {
    const waited = Number(readFileSync(`/proc/${tid}/schedstat`, 'utf8').split(' ')[1]);
    return Number.isFinite(waited) ? waited / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

export interface StopTime {
  /** Milliseconds by the wall clock from `start` to the exit. */
  wall: number;
  /** Of those, the time the process's main thread stood ready to run with every core busy. */
  queued: number;
  /** `wall - queued`: what the same stop takes on an idle machine (see `stopClock`). */
  ms: number;
}

/**
 * A clock for "exits within N ms of a signal" that other work on the machine does not move.
 * Started just before the signal, it samples the process's run delay (readyWaitMs) every
 * 10 ms until `stop(at)` is given the exit's `Date.now()`, and takes off the wall time the
 * time the process's main thread (where a Node program handles the signal, stops and exits)
 * was ready to run but had no core: the time a loaded machine adds. A stop that waits (on a
 * timer, a browser, a lock) or works on after the signal still counts in full; only the wait
 * for a core does not. The last 10 ms or so of the process's run delay go unseen (it is
 * sampled, and gone at the exit), and so does this test's own wait to hear of the exit: both
 * can only make `ms` longer, never shorter. (Taking this thread's run delay off as well took
 * off too much: the two threads mostly wait for a core at the same time.)
 */
export function stopClock(pid: number): { stop(at: number): StopTime } {
  const start = Date.now();
  const first = readyWaitMs(pid);
  let last = first;
  const sampler = setInterval(() => {
    last = readyWaitMs(pid) ?? last;
  }, 10);
  return {
    stop(at: number) {
      clearInterval(sampler);
      const wall = at - start;
      const queued = first === undefined || last === undefined ? 0 : Math.min(wall, last - first);
      return { wall, queued, ms: wall - queued };
    },
  };
}
