import { describe, expect, it } from 'vitest';
import { Rebuilder } from '../src/preview/rebuilder.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Rebuilder', () => {
  it('never runs two builds at once and coalesces requests made during a build into one', async () => {
    let active = 0;
    let maxActive = 0;
    const rebuilder = new Rebuilder(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await tick(30);
      active--;
    });
    rebuilder.request();
    await tick(5);
    for (let i = 0; i < 10; i++) rebuilder.request();
    await rebuilder.idle();
    expect(maxActive).toBe(1);
    expect(rebuilder.runs).toBe(2);
  });

  it('runs again for a request after it went idle', async () => {
    const rebuilder = new Rebuilder(async () => {
      await tick(1);
    });
    rebuilder.request();
    await rebuilder.idle();
    rebuilder.request();
    await rebuilder.idle();
    expect(rebuilder.runs).toBe(2);
  });

  it('keeps working after a build throws', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const rebuilder = new Rebuilder(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    rebuilder.request();
    await rebuilder.idle();
    rebuilder.request();
    await rebuilder.idle();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
  });
});
