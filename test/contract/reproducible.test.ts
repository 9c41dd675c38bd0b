// Two builds in fresh temp folders give identical bytes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReport, report } from '@briefing/content';
import { openPdf } from '@briefing/inspect';
import { reportArbitrary, runCli, stressReport } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../helpers/artifacts.js';

async function exportJson(): Promise<string> {
  return (await runCli(['export', '--json'])).stdout;
}

describe('reproducible builds', () => {
  it('gives byte-identical report.json, briefing.pdf, slides.md and slides.html twice', async () => {
    const first = await build(['--format', 'pdf,md,html', '--quiet']);
    const second = await build(['--format', 'pdf,md,html', '--quiet']);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.dir).not.toBe(second.dir);
    for (const file of ['briefing.pdf', 'slides.md', 'slides.html']) {
      const a = readFileSync(join(first.dir, file));
      const b = readFileSync(join(second.dir, file));
      expect(a.equals(b), `${file} differs between builds`).toBe(true);
    }
    expect(await exportJson()).toBe(await exportJson());
  });

  it('honours SOURCE_DATE_EPOCH, and still reproducibly', async () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = env.SOURCE_DATE_EPOCH;
    try {
      const a = await build(['--format', 'pdf', '--quiet']);
      const b = await build(['--format', 'pdf', '--quiet']);
      const pa = readFileSync(join(a.dir, 'briefing.pdf'));
      expect(pa.equals(readFileSync(join(b.dir, 'briefing.pdf')))).toBe(true);
      expect(pa.toString('latin1')).toContain('D:20231114');
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

const browser = browserOrReason();

/** A PDF date (D:YYYYMMDDHHmmSS, then Z or an offset) as an ISO instant. */
function pdfInstant(date: unknown): string {
  const m = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'?\d\d'?)?$/u.exec(String(date));
  if (!m) return `not a PDF date: ${String(date)}`;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/gu, '').slice(3, 5)}`;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`).toISOString();
}

/** Every date a file says it was made or changed on, read back from the file, as ISO instants. */
async function datesIn(file: string): Promise<Record<string, string>> {
  const bytes = new Uint8Array(readFileSync(file));
  if (file.endsWith('.pdf')) {
    const doc = await openPdf(bytes);
    const { info, metadata } = (await doc.getMetadata()) as unknown as {
      info: Record<string, unknown>;
      metadata: { get(name: string): unknown } | null;
    };
    const xmp = Object.fromEntries(
      ['xmp:CreateDate', 'xmp:ModifyDate', 'xmp:MetadataDate'].flatMap((key) => {
        const value = metadata?.get(key.toLowerCase());
        return typeof value === 'string' ? [[key, new Date(value).toISOString()]] : [];
      }),
    );
    await doc.destroy();
    return { CreationDate: pdfInstant(info.CreationDate), ModDate: pdfInstant(info.ModDate), ...xmp };
  }
  const core = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' })['docProps/core.xml']!);
  const read = (tag: string) =>
    new Date(/>([^<]*)</u.exec(core.split(`<dcterms:${tag}`)[1] ?? '')?.[1] ?? '').toISOString();
  return { created: read('created'), modified: read('modified') };
}

const DATED = ['briefing.pdf', 'slides.pdf', 'slides.pptx', 'slides-images.pptx'];

/** The dates of every dated output of one build, by file: a record of one instant when they all agree. */
async function buildDates(env: Record<string, string | undefined>): Promise<Record<string, Set<string>>> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-dates-'));
  const { code, stderr } = await runCli(['build', '--out', dir, '-f', 'pdf,slides-pdf,pptx,pptx-images', '-q'], {
    env,
  });
  expect(code, stderr).toBe(0);
  const dates: Record<string, Set<string>> = {};
  for (const file of DATED) dates[file] = new Set(Object.values(await datesIn(join(dir, file))));
  return dates;
}

describe.skipIf(!('path' in browser))(
  `the dates every dated output carries${'reason' in browser ? ` (skipped: ${browser.reason})` : ''}`,
  () => {
    const each = (instant: string) => Object.fromEntries(DATED.map((f) => [f, new Set([instant])]));

    it('are the exact instant of SOURCE_DATE_EPOCH, time of day and all, in all four files', async () => {
      // 1700000000 is 2023-11-14 at 22:13:20 UTC: late in its day, so a rule that keeps the day only shows.
      expect(await buildDates({ ...process.env, SOURCE_DATE_EPOCH: '1700000000' })).toEqual(
        each('2023-11-14T22:13:20.000Z'),
      );
    }, 120_000);

    it('are the report’s date at midnight UTC without SOURCE_DATE_EPOCH', async () => {
      const { SOURCE_DATE_EPOCH: _, ...env } = process.env;
      expect(await buildDates(env)).toEqual(each(`${report.meta.date}T00:00:00.000Z`));
    }, 120_000);
  },
);

describe('renders do not leak into each other', () => {
  // Each renderer may cache (parsed fonts, shaping) across calls; a later render must
  // still give exactly what a fresh process gives. Samples from a fixed seed that once
  // caught glyphs from an earlier document being reused.
  const others = fc.sample(reportArbitrary, { seed: 316955189, numRuns: 3 }).map((r) => assertReport(r));
  const subjects = [report, others[2]!];

  it('a PDF rendered after other reports equals the same PDF rendered first in a fresh module', async () => {
    for (const subject of subjects) {
      vi.resetModules();
      const fresh = await import('@briefing/pdf');
      const first = Buffer.from(await fresh.renderPdf(subject));
      vi.resetModules();
      const warm = await import('@briefing/pdf');
      for (const other of [stressReport(), ...others.slice(0, 2)]) await warm.renderPdf(other);
      expect(Buffer.from(await warm.renderPdf(subject)).equals(first)).toBe(true);
    }
  });

  it('an HTML deck rendered after other reports equals the same deck rendered first in a fresh module', async () => {
    vi.resetModules();
    const fresh = await import('briefing/internal');
    const first = await fresh.renderDeckHtml(others[2]!);
    vi.resetModules();
    const warm = await import('briefing/internal');
    for (const other of [stressReport(), ...others.slice(0, 2)]) await warm.renderDeckHtml(other);
    expect(await warm.renderDeckHtml(others[2]!)).toBe(first);
  });
});
