import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReport, type ReportInput, report, reportInput } from '@briefing/content';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deckEngineModule, renderDeckHtml, worthSaying } from '../src/browser/deck-html.js';

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
    const html = await renderDeckHtml(assertReport(input));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html lang="en-US">/);
    // The bespoke template (presenter view, notes) around slides of the briefing theme with its embedded fonts.
    expect(html).toContain('data-marpit-svg');
    expect(html).toContain('bespoke');
    expect(html).toMatch(/@font-face\s*\{\s*font-family: 'Inter'/);
    expect(deckEngineModule()).toMatch(/packages\/slides\/(src\/markdown\/engine\.ts|dist\/markdown\/engine\.js)$/);
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

  it('works, printing nothing of marp-cli, in a relative TMPDIR that reads like an option ("-t")', async () => {
    // marp-cli took "-t/briefing-deck-…/marp.config.json" for options and printed its whole help.
    const cwd = process.cwd();
    mkdirSync(join(temp, '-t'));
    process.chdir(temp);
    process.env.TMPDIR = '-t';
    try {
      const html = await renderDeckHtml(report);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(readdirSync(join(temp, '-t'))).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('worthSaying', () => {
  it("keeps marp-cli's warnings and errors for an error message, uncoloured, without its [ INFO ] lines", () => {
    const logged = [
      '\u001b[46m[  INFO ]\u001b[49m Converting 1 markdown...',
      '\u001b[43m[  WARN ]\u001b[49m Not found processable Markdown file(s).',
      '[ ERROR ] Failed converting Markdown.\n  at somewhere',
      '',
    ];
    expect(worthSaying(logged)).toEqual([
      '[  WARN ] Not found processable Markdown file(s).',
      '[ ERROR ] Failed converting Markdown.',
      '  at somewhere',
    ]);
  });
});
