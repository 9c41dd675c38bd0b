// The stop clock the process tests time their "exits within a second" with: it must count a
// stop that waits or works in full, and leave out only the time the machine had no core free.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readyWaitMs, stopClock } from '../src/process.js';
import { waitFor } from '../src/wait.js';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** A Node process on CPU 0 alone (with `taskset`), running `source`; resolves once it says "ready". */
async function onCpu0(source: string): Promise<{ child: ChildProcess; exited: Promise<number> }> {
  const child = spawn('taskset', ['-c', '0', process.execPath, '-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  const exited = new Promise<number>((resolve) => child.on('exit', () => resolve(Date.now())));
  let said = '';
  child.stdout?.on('data', (d) => {
    said += d;
  });
  await waitFor('the process to be ready', () => said.includes('ready'), { ms: 10_000, every: 10 });
  return { child, exited };
}

/** After SIGTERM: `wait` ms idle, then `work` ms of its own CPU time, then exit. */
const stopping = (wait: number, work: number) => `
process.on('SIGTERM', () => setTimeout(() => {
  const from = process.cpuUsage();
  for (;;) { const used = process.cpuUsage(from); if ((used.user + used.system) / 1000 >= ${work}) break; }
  process.exit(0);
}, ${wait}));
setInterval(() => {}, 1e6);
console.log('ready');`;

describe('stopClock', () => {
  it('reads a run delay for this process and none for one that is gone', () => {
    expect(readyWaitMs(process.pid)).toBeGreaterThanOrEqual(0);
    expect(readyWaitMs(2 ** 22 + 1)).toBeUndefined();
  });

  it('counts in full a stop that waits after the signal', async () => {
    const { child, exited } = await onCpu0(stopping(400, 0));
    const clock = stopClock(child.pid as number);
    child.kill('SIGTERM');
    const took = clock.stop(await exited);
    expect(took.ms, JSON.stringify(took)).toBeGreaterThanOrEqual(400);
  });

  it('counts the work a stop does, and not the time another process held its only core', async () => {
    // A busy loop sharing CPU 0 with the stopping process: each gets about half of it.
    await onCpu0("console.log('ready'); for (;;) {}");
    const { child, exited } = await onCpu0(stopping(0, 300));
    const clock = stopClock(child.pid as number);
    child.kill('SIGTERM');
    const took = clock.stop(await exited);
    const said = JSON.stringify(took);
    // The 300 ms of work took about twice that by the wall clock; the clock gives the 300 back.
    expect(took.wall, said).toBeGreaterThan(450);
    expect(took.queued, said).toBeGreaterThan(150);
    expect(took.ms, said).toBeGreaterThanOrEqual(300 - 20);
    expect(took.ms, said).toBeLessThan(took.wall - 150);
  });
});
