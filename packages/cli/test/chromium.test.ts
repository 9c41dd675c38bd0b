import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/browser.js';
import { Chromium, settled, whenAborted } from '../src/browser/chromium.js';
import { PipeTransport, Tail } from '../src/browser/chromium-pipe.js';

const browserPath = findBrowser(process.env);

describe('settled', () => {
  it('says whether a promise settled in time, either way, and gives up on one that never does', async () => {
    expect(await settled(Promise.resolve(1), 1000)).toBe(true);
    expect(await settled(Promise.reject(new Error('no')), 1000)).toBe(true);
    const started = Date.now();
    expect(await settled(new Promise(() => {}), 50)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe('whenAborted', () => {
  it('rejects when the signal aborts (at once if it has), and stops listening when disposed', async () => {
    const stop = new AbortController();
    const { aborted, dispose } = whenAborted(stop.signal);
    stop.abort();
    await expect(aborted).rejects.toThrow('stopped');
    dispose();
    await expect(whenAborted(AbortSignal.abort()).aborted).rejects.toThrow('stopped');
    expect(await settled(whenAborted(undefined).aborted, 20)).toBe(false);
  });
});

describe('PipeTransport', () => {
  it('hands on each NUL-ended message whole, however the pipe cuts them, and sends NUL-ended', () => {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const transport = new PipeTransport(toBrowser, fromBrowser);
    const got: string[] = [];
    transport.onmessage = (m) => got.push(m);
    const bytes = Buffer.from('{"id":1,"é":"ü"}\0{"id":2}\0{"id":3,"long":"');
    // Cut inside a message, inside a two-byte character and right after a NUL.
    for (const [from, to] of [
      [0, 5],
      [5, 15],
      [15, 26],
      [26, bytes.length],
    ])
      fromBrowser.write(bytes.subarray(from, to));
    fromBrowser.write(Buffer.from('x"}\0'));
    expect(got).toEqual(['{"id":1,"é":"ü"}', '{"id":2}', '{"id":3,"long":"x"}']);
    transport.send('{"id":4}');
    expect(toBrowser.read()?.toString()).toBe('{"id":4}\0');
  });

  it('tells puppeteer once when the browser closes its end', async () => {
    const fromBrowser = new PassThrough();
    const transport = new PipeTransport(new PassThrough(), fromBrowser);
    let closed = 0;
    transport.onclose = () => closed++;
    fromBrowser.destroy();
    fromBrowser.emit('error', new Error('EPIPE'));
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(1);
  });
});

describe('Tail', () => {
  it('keeps the last lines, without blank ones, a line cut short when very long', () => {
    const tail = new Tail(2);
    tail.add(Buffer.from('one\n\ntwo\nthr'));
    tail.add(Buffer.from(`ee\n${'x'.repeat(400)}`));
    expect(tail.lines()).toEqual(['three', 'x'.repeat(400)]);
    tail.add(Buffer.from('\n'));
    expect(tail.lines()).toEqual(['three', `${'x'.repeat(300)}…`]);
  });
});

describe.skipIf(!browserPath)('Chromium', () => {
  it('starts with its profile in a folder of its own, and close() ends it and removes the folder', async () => {
    const chromium = await Chromium.start(browserPath as string, { lang: 'en-GB', timeout: 60_000, env: process.env });
    expect(chromium.running).toBe(true);
    expect(existsSync(`${chromium.dir}/profile`)).toBe(true);
    expect(await chromium.browser.version()).toMatch(/Chrom/);
    await chromium.close();
    expect(chromium.running).toBe(false);
    expect(existsSync(chromium.dir)).toBe(false);
    await expect(chromium.lost).rejects.toThrow('the browser was closed');
  }, 60_000);
});
