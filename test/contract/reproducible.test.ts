// Two builds in fresh temp folders give identical bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertReport, report } from '@briefing/content';
import { reportArbitrary, runCli, stressReport } from '@briefing/testkit';
import fc from 'fast-check';
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
