import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshDir } from '@briefing/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleThread } from '../src/preview/module-thread.js';

/** A module file with `source`, as a file URL. */
const moduleWith = (source: string) => {
  const file = join(freshDir(), 'report.ts');
  writeFileSync(file, source);
  return pathToFileURL(file).href;
};

const threads: ModuleThread[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.close()));
});
const thread = (timeoutMs?: number) => {
  const t = new ModuleThread(timeoutMs);
  threads.push(t);
  return t;
};

describe('ModuleThread', () => {
  it("loads a TypeScript module's reportInput, afresh on each load", async () => {
    const t = thread();
    const href = moduleWith(`const title: string = 'First'; export const reportInput = { title };\n`);
    expect(await t.load(href, import.meta.url)).toEqual({ ok: true, reportInput: { title: 'First' } });
    writeFileSync(new URL(href), `export const reportInput = { title: 'Second' as string };\n`);
    expect(await t.load(href, import.meta.url)).toEqual({ ok: true, reportInput: { title: 'Second' } });
  });

  it('gives up a module that never finishes loading, with the main thread free meanwhile, and loads the next', async () => {
    // Long enough for the fixed module to load on a new thread on a busy machine (2 s was not,
    // at a load of 47 on two cores).
    const t = thread(4000);
    const href = moduleWith('export const reportInput = {};\nwhile (true) {}\n');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = performance.now();
    const loaded = await t.load(href, import.meta.url);
    clearInterval(ticker);
    expect(loaded).toEqual({ ok: false, message: 'the report module did not finish loading within 4 s' });
    expect(performance.now() - started).toBeLessThan(8000);
    // The event loop ran while the module looped.
    expect(ticks).toBeGreaterThan(20);
    writeFileSync(new URL(href), `export const reportInput = { fixed: true };\n`);
    expect(await t.load(href, import.meta.url)).toEqual({ ok: true, reportInput: { fixed: true } });
  });

  it('gives up a module whose top-level await never settles', async () => {
    const t = thread(1000);
    const href = moduleWith('await new Promise(() => {});\nexport const reportInput = {};\n');
    expect(await t.load(href, import.meta.url)).toMatchObject({ ok: false, message: /did not finish loading/ });
  });

  it("passes on a module's error and the problems it carries, and survives a module that ends its thread", async () => {
    const t = thread();
    const invalid = moduleWith(
      `throw Object.assign(new Error('invalid report'), { problems: [{ path: 'meta.title', message: 'must not be empty' }] });\n`,
    );
    expect(await t.load(invalid, import.meta.url)).toEqual({
      ok: false,
      message: 'invalid report',
      problems: [{ path: 'meta.title', message: 'must not be empty' }],
    });
    const exits = moduleWith('process.exit(3);\n');
    expect(await t.load(exits, import.meta.url)).toEqual({
      ok: false,
      message: 'the report module ended its thread (exit code 3)',
    });
    const fine = moduleWith('export const reportInput = 1;\n');
    expect(await t.load(fine, import.meta.url)).toEqual({ ok: true, reportInput: 1 });
  });

  it('fails a load in progress, and any later one, at once when closed', async () => {
    const t = thread(60_000);
    const loading = t.load(moduleWith('while (true) {}\n'), import.meta.url);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await t.close();
    expect(await loading).toEqual({ ok: false, message: 'stopped' });
    expect(performance.now() - started).toBeLessThan(2000);
    // And no thread is started again for a load that comes later (a save waiting behind the stuck one).
    expect(await t.load(moduleWith('export const reportInput = 1;\n'), import.meta.url)).toEqual({
      ok: false,
      message: 'stopped',
    });
  });
});
