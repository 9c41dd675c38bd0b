import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReportInput, report, reportInput } from '@briefing/content';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deckEngineModule, renderDeckHtml } from '../src/deck-html.js';

describe('renderDeckHtml (marp-cli in-process)', () => {
  // os.tmpdir() follows TMPDIR: each test gets a temp folder of its own to look into.
  let temp: string;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TMPDIR;
    temp = mkdtempSync(join(tmpdir(), 'briefing-deck-test-'));
    process.env.TMPDIR = temp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(temp, { recursive: true, force: true });
  });

  it("makes the bespoke deck with the slides package's engine and the report's language", async () => {
    const input = structuredClone(reportInput) as ReportInput;
    input.meta.lang = 'en-US';
    const html = await renderDeckHtml(input);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html lang="en-US">/);
    // The bespoke template (presenter view, notes) around slides of the briefing theme with its embedded fonts.
    expect(html).toContain('data-marpit-svg');
    expect(html).toContain('bespoke');
    expect(html).toMatch(/@font-face\s*\{\s*font-family: 'Inter'/);
    expect(deckEngineModule()).toMatch(/packages\/slides\/(src\/engine\.ts|dist\/engine\.js)$/);
  });

  it('prints nothing, puts console.warn back and leaves no temp files', async () => {
    // The test setup fails any test that lets marp-cli's [ INFO ] lines reach console.warn.
    const warn = console.warn;
    await renderDeckHtml(report);
    expect(console.warn).toBe(warn);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('gives the same deck for calls made at once as for calls made one after another', async () => {
    const one = await renderDeckHtml(report);
    const both = await Promise.all([renderDeckHtml(report), renderDeckHtml(report, { footer: 'other' })]);
    expect(both[0]).toBe(one);
    expect(both[1]).not.toBe(one);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('stops before converting when its signal is already aborted, and after when it is aborted meanwhile', async () => {
    await expect(renderDeckHtml(report, { signal: AbortSignal.abort('SIGINT') })).rejects.toBe('SIGINT');
    const queued = new AbortController();
    const pending = renderDeckHtml(report, { signal: queued.signal });
    queued.abort('SIGTERM');
    await expect(pending).rejects.toBe('SIGTERM');
    // Aborted once the conversion has its temp folder, that is while marp-cli runs.
    const stop = new AbortController();
    const converting = renderDeckHtml(report, { signal: stop.signal });
    const poll = setInterval(() => {
      if (readdirSync(temp).length > 0) stop.abort('SIGINT');
    }, 1);
    try {
      await expect(converting).rejects.toBe('SIGINT');
    } finally {
      clearInterval(poll);
    }
    expect(readdirSync(temp)).toEqual([]);
  });
});
