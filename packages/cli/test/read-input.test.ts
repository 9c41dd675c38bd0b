// Reading a report: from a file, a pipe or a FIFO, never blocking the process, so that Ctrl+C
// and SIGTERM stop a command that waits for input as they stop any other.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportInput, reportToJson } from '@briefing/content';
import { childrenOf, openFiles, runCli, spawnCli, stopClock, until } from '@briefing/testkit';
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

/** Whether the process catches `signal` (its bit in /proc/<pid>/status SigCgt): its handler is in place. */
function catches(pid: number, signal: 'SIGINT' | 'SIGTERM'): boolean {
  try {
    const mask = /^SigCgt:\s*([0-9a-f]+)$/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
    return ((BigInt(`0x${mask}`) >> BigInt(constants.signals[signal] - 1)) & 1n) === 1n;
  } catch {
    return false;
  }
}

/**
 * A test of whether the process waits on its input, ready to be stopped: it catches the signal
 * the test sends (its stop handler is in place), and it has opened the FIFO's path, or its
 * standard input's pipe once more than when the command started (bash may leave the pipe open
 * on a second fd). Without the first, the signal once came before the handler was in place
 * (a README run: exit by the signal itself, no code), the pipe count having grown early.
 */
function opened(pid: number, input: string, signal: 'SIGINT' | 'SIGTERM'): () => boolean {
  const has = openedInput(pid, input);
  // Both asked each time: the pipe count's baseline is the first sample's, taken at the start.
  return () => {
    const open = has();
    return catches(pid, signal) && open;
  };
}

function openedInput(pid: number, input: string): () => boolean {
  if (input !== '/dev/stdin') return () => openFiles(pid).includes(input);
  let before: number | undefined;
  return () => {
    const open = openFiles(pid);
    const pipes = open.filter((f) => f === open[0]).length;
    let program = '';
    try {
      program = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    } catch {
      return false;
    }
    // Still bash, before its `exec` of node.
    if (program !== process.execPath) return false;
    before ??= pipes;
    return pipes > before;
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
        await until(opened(pid, input, signal), 30_000);
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
