// The output folder changes as a set or not at all: a build that fails half-way leaves the
// earlier outputs byte for byte, and two builds into one folder never interleave.
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDir, reportFile, runCli } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';

const fresh = () => freshDir('briefing-set-');

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f)).toString('base64')]),
  );

/** A report that renders differently from the packaged one in every output. */
const changedReport = () =>
  reportFile((r) => {
    r.meta.title = `${r.meta.title}, revised`;
  });

/** A "Chromium" that fails the moment it starts. */
function brokenBrowser(): string {
  const path = join(fresh(), 'chromium');
  writeFileSync(path, '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n');
  chmodSync(path, 0o755);
  return path;
}

describe('the output folder as a set', () => {
  it('keeps every earlier output byte for byte when the browser fails after the PDF and HTML were made', async () => {
    const out = fresh();
    expect((await runCli(['build', '--format', 'pdf,md,html', '--out', out])).code).toBe(0);
    const before = snapshot(out);
    const { code, stderr, stdout } = await runCli(
      ['build', '--input', changedReport(), '--format', 'pdf,md,html,slides-pdf', '--out', out],
      { env: { CHROME_PATH: brokenBrowser() } },
    );
    // The PDF, Markdown and HTML were rendered (and reported) before the browser step failed.
    expect(stdout).toMatch(/^\s+pdf\s/m);
    expect(stdout).toMatch(/^\s+html\s/m);
    expect(code).toBe(2);
    // One message: which browser failed and how, then what it wrote before it ended.
    expect(stderr).toMatch(
      /^briefing: Chromium \(.*chromium\) exited with code 1 before the conversion was done; the last lines it wrote:\n {2}cannot open display\n?$/,
    );
    expect(snapshot(out)).toEqual(before);
  });

  it('lets only one of two builds into the same folder run; the other exits 2 "busy" and the set is whole', async () => {
    const out = fresh();
    const [a, b] = await Promise.all([
      runCli(['build', '--format', 'pdf,md,html', '--out', out]),
      runCli(['build', '--input', changedReport(), '--format', 'pdf,md,html', '--out', out]),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(loser.stderr).toMatch(/is busy: another build \(process \d+\) is writing into it/);
    // The winner's three files, and nothing else (no lock, no stage).
    expect(readdirSync(out).sort()).toEqual(['briefing.pdf', 'slides.html', 'slides.md']);
    const md = readFileSync(join(out, 'slides.md'), 'utf8');
    const html = readFileSync(join(out, 'slides.html'), 'utf8');
    expect(md.includes(', revised')).toBe(html.includes(', revised'));
  });
});
