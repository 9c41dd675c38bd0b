// Reading a report: from a file, a pipe or a FIFO, never blocking the process, so that Ctrl+C
// and SIGTERM stop a command that waits for input as they stop any other.
import { spawn, spawnSync } from 'node:child_process';
import { constants, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportInput, reportToJson } from '@briefing/content';
import { childrenOf, descriptors, runCli, spawnCli, spawnPiped, stopClock, until } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { readInput } from '../src/edge/read-input.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'briefing-read-'));
const reportText = reportToJson(reportInput as never);

function fifo(dir: string): string {
  const path = join(dir, 'report.fifo');
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  return path;
}

/**
 * Whether the process has opened `input` the way readInput opens it, without blocking
 * (O_NONBLOCK in /proc/<pid>/fdinfo): a FIFO by its path, /dev/stdin as a second descriptor
 * on the pipe that is its standard input. Nothing else opens the input so: not the shell that
 * made the pipe (its copies block), not Node starting. readInput runs after the stop handlers
 * are in place (bin.ts), so the process is then waiting on its input, ready to be stopped.
 *
 * Neither of the signs used before says that. bash leaves a second descriptor on the pipe, so
 * the pipe count could grow before node ran any of our code; and /proc's SigCgt shows SIGINT
 * and SIGTERM caught from Node's start, by Node's own handlers, which end the process by the
 * signal. Signalled then (caught by /proc in one run: node's command line, one thread, two
 * descriptors on the pipe), the process died of the signal, exit code null, about once in a
 * few dozen runs on a busy machine.
 */
function openedWithoutBlocking(pid: number, input: string): () => boolean {
  const nonBlocking = (fd: number) => {
    try {
      const flags = /^flags:\s*([0-7]+)$/mu.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'))?.[1];
      return flags !== undefined && (Number.parseInt(flags, 8) & constants.O_NONBLOCK) !== 0;
    } catch {
      return false;
    }
  };
  return () => {
    const open = descriptors(pid);
    const target = input === '/dev/stdin' ? open.find((d) => d.fd === 0)?.target : input;
    return target !== undefined && open.some((d) => d.fd > 2 && d.target === target && nonBlocking(d.fd));
  };
}

describe('a command waiting for its input', () => {
  const cases = [
    ['validate /dev/stdin (a pipe nobody writes to)', 'stdin', 'validate', 'SIGINT', 130],
    ['build --input /dev/stdin', 'stdin', 'build', 'SIGTERM', 143],
    ['validate on a FIFO with no writer', 'fifo', 'validate', 'SIGTERM', 143],
    ['build --input on a FIFO with no writer', 'fifo', 'build', 'SIGINT', 130],
  ] as const;
  for (const [name, source, command, signal, code] of cases) {
    // Concurrent: most of each test is starting node and tsx, on a machine that may be busy.
    it.concurrent(`stops at once on ${signal} with exit ${code}: ${name}`, async ({ expect }) => {
      const dir = fresh();
      const input = source === 'stdin' ? '/dev/stdin' : fifo(dir);
      const out = join(dir, 'out');
      const args =
        command === 'validate' ? ['validate', input] : ['build', '--format', 'md', '--input', input, '--out', out];
      // As `sleep 100 | briefing …`: a pipe whose writer never writes.
      const run = spawnCli(args, source === 'stdin' ? { stdinFrom: 'exec sleep 30' } : {});
      const pid = run.child.pid as number;
      let writer: number[] = [];
      try {
        // Once it has the input open it is waiting on it (or, before it could open a FIFO
        // without blocking, it never gets that far: signal it anyway after a while).
        await until(openedWithoutBlocking(pid, input), 30_000);
        writer = childrenOf(pid);
        const clock = stopClock(pid);
        run.child.kill(signal);
        // A guard against a process that never stops; the limit is the clock's, below.
        const exit = await Promise.race([
          run.exited,
          new Promise<'still running'>((r) => setTimeout(r, 10_000, 'still running')),
        ]);
        // Less the time a busy machine kept it waiting for a core (see stopClock).
        const took = clock.stop(exit === 'still running' ? Date.now() : exit.at);
        expect(exit, `${run.output.stderr}`).not.toBe('still running');
        if (exit === 'still running') return;
        expect(exit.code).toBe(code);
        expect(took.ms, JSON.stringify(took)).toBeLessThan(2_000);
        expect(run.output.stderr).toMatch(new RegExp(`stopped \\(${signal === 'SIGINT' ? 'Ctrl\\+C' : 'SIGTERM'}\\)`));
        expect(run.output.stderr).not.toMatch(/\n\s+at /);
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      } finally {
        if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
        for (const sleeper of writer) process.kill(sleeper, 'SIGKILL');
      }
    }, 60_000);
  }

  it('waits for the sign that a command is waiting on its input, not for a process that merely holds the pipe', async () => {
    // Two stand-ins on a pipe nobody writes to, each opening /dev/stdin once more: one as a
    // shell or Node's start might (blocking), one as readInput does (O_NONBLOCK).
    const holder = (flags: string) =>
      spawnPiped(
        [
          process.execPath,
          '-e',
          `require('node:fs').openSync('/dev/stdin', ${flags}); console.log('open'); setInterval(() => {}, 1000);`,
        ],
        'exec sleep 30',
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
    const blocking = holder("require('node:fs').constants.O_RDONLY");
    const waiting = holder("require('node:fs').constants.O_RDONLY | require('node:fs').constants.O_NONBLOCK");
    try {
      for (const child of [blocking, waiting]) await new Promise((r) => child.stdout?.once('data', r));
      // The old sign, more than one descriptor on the pipe, holds for both.
      const held = descriptors(blocking.pid as number);
      const stdin = held.find((d) => d.fd === 0)?.target;
      expect(held.filter((d) => d.target === stdin).length).toBeGreaterThan(1);
      expect(openedWithoutBlocking(blocking.pid as number, '/dev/stdin')()).toBe(false);
      expect(openedWithoutBlocking(waiting.pid as number, '/dev/stdin')()).toBe(true);
    } finally {
      for (const child of [blocking, waiting]) {
        for (const sleeper of childrenOf(child.pid as number)) process.kill(sleeper, 'SIGKILL');
        child.kill('SIGKILL');
      }
    }
  });

  it('reads a report piped into /dev/stdin', async () => {
    const file = join(fresh(), 'report.json');
    writeFileSync(file, reportText);
    const run = spawnCli(['validate', '/dev/stdin'], { stdinFrom: `cat '${file}'` });
    const exit = await run.exited;
    expect(exit.code, run.output.stderr).toBe(0);
    expect(run.output.stdout).toMatch(/^\/dev\/stdin: valid report, /);
  }, 20_000);

  it('reads a report from a FIFO whose writer comes later', async () => {
    const path = fifo(fresh());
    const validating = runCli(['validate', path]);
    // A writer that opens the FIFO only after the command is waiting on it.
    const writer = spawn('sh', ['-c', 'sleep 0.3; cat > "$0"', path], { stdio: ['pipe', 'ignore', 'inherit'] });
    const wrote = new Promise((r) => writer.on('exit', r));
    writer.stdin.end(reportText);
    const { code, stdout, stderr } = await validating;
    expect(await wrote).toBe(0);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('valid report');
  });
});

describe('readInput', () => {
  it('ends at once when the stop comes while the input is still being opened', async () => {
    const path = fifo(fresh());
    const stop = new AbortController();
    const reading = readInput(path, 'report.fifo', { signal: stop.signal });
    stop.abort('SIGTERM');
    const outcome = await Promise.race([
      reading.then(
        () => 'read',
        (reason: unknown) => reason,
      ),
      new Promise((r) => setTimeout(r, 2_000, 'still waiting')),
    ]);
    expect(outcome).toBe('SIGTERM');
  });

  it('stops at the cap it is given, and reads an input of exactly that size', async () => {
    const file = join(fresh(), 'r.json');
    writeFileSync(file, 'x'.repeat(1000));
    expect((await readInput(file, 'r.json', { maxBytes: 1000 })).byteLength).toBe(1000);
    await expect(readInput(file, 'r.json', { maxBytes: 999 })).rejects.toThrow(/^cannot read r\.json: larger than/);
    await expect(readInput('/dev/zero', 'zero', { maxBytes: 100_000 })).rejects.toThrow(/larger than/);
  });
});

describe('an input that is too big or not a file', () => {
  it('stops reading an endless input at the size cap, exit 2', async () => {
    const { code, stderr } = await runCli(['validate', '/dev/zero']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^cannot read \/dev\/zero: larger than 64 MB, far more than any report; is it the right file\?\n$/,
    );
  });

  it('exits 2 with one line for a folder and a missing file', async () => {
    const dir = fresh();
    const folder = await runCli(['validate', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/: is a folder\n$/);
    const missing = await runCli(['validate', join(dir, 'nothing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/: no such file\n$/);
  });
});
