import { spawn } from 'node:child_process';
import { deadPid } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { groupRunning, isBriefingCommand, parseStamp, stampOf, startOf, stillRunning } from '../src/edge/processes.js';

describe('a process instance', () => {
  it('is its number and start time, which stay the same while it runs', () => {
    const start = startOf(process.pid);
    expect(start).toMatch(/^\d+$/);
    expect(startOf(process.pid)).toBe(start);
    expect(stampOf()).toBe(`${process.pid} ${start}`);
    expect(parseStamp(`${stampOf()}\n`)).toEqual({ pid: process.pid, start });
    expect(startOf(deadPid())).toBeUndefined();
  });

  it('is running only while that instance runs: gone, or its number taken by another, it is not', () => {
    expect(stillRunning({ pid: process.pid, start: startOf(process.pid) })).toEqual({ running: true });
    expect(stillRunning({ pid: process.pid, start: '1' })).toEqual({
      running: false,
      why: 'ended; its number now belongs to another process',
    });
    expect(stillRunning({ pid: deadPid() })).toEqual({ running: false, why: 'is no longer running' });
  });

  it('reads no stamp from text that is not one', () => {
    for (const text of ['', 'abc', '0', '-1', '12 ab', '12 34 56', `${'9'.repeat(11)}`])
      expect(parseStamp(text), text).toBeUndefined();
  });
});

describe('the briefing command', () => {
  it('is node running a briefing bin, built, from source or through npm', () => {
    for (const args of [
      ['node', '/repo/node_modules/.bin/briefing', 'build'],
      ['/usr/bin/node', '/repo/packages/cli/bin/briefing.js', 'watch'],
      [
        '/usr/local/bin/node',
        '--conditions=@briefing/source',
        '--import',
        'tsx',
        '/repo/packages/cli/src/bin.ts',
        'build',
      ],
      ['node', '/app/node_modules/briefing/dist/bin.js', 'build'],
    ])
      expect(isBriefingCommand(args), args.join(' ')).toBe(true);
    for (const args of [
      ['/process_api', '--firecracker-init'],
      ['sleep', 'infinity'],
      ['node', '/repo/node_modules/vitest/vitest.mjs', 'run'],
      ['bash', '/repo/bin/briefing.js'],
      ['node', '/home/briefing/server.js'],
    ])
      expect(isBriefingCommand(args), args.join(' ')).toBe(false);
  });
});

describe('groupRunning', () => {
  it('is true while a process of the group runs, false once the group is killed and gone', async () => {
    // A group of two: a shell leading it and the sleep it starts.
    const leader = spawn('/bin/sh', ['-c', 'sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    const group = leader.pid as number;
    expect(groupRunning(group)).toBe(true);
    const exited = new Promise((r) => leader.once('exit', r));
    process.kill(-group, 'SIGKILL');
    await exited;
    const end = Date.now() + 5000;
    while (groupRunning(group) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(groupRunning(group)).toBe(false);
  });
});
