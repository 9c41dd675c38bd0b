// `briefing check` and the editorial check: warnings on stderr, one line each with the field,
// the slide and the rule, which leave the exit code alone; `--strict` fails on any; `--json`
// carries them under "editorial". Run on small reports written for the screen (testkit's
// craftedReport), one clean and one with a line too long and a print cross-reference.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '@briefing/content';
import { cleanSections, craftedReport, freshDir, runCli } from '@briefing/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function fileOf(report: Report): string {
  const file = join(freshDir('briefing-editorial-'), 'report.json');
  dirs.push(dirname(file));
  writeFileSync(file, JSON.stringify(report));
  return file;
}

/** The clean report with two faults on slide 4: a 15-word line and "listed below". */
function faulty(): Report {
  const sections = cleanSections();
  const list = sections[0]?.blocks[0];
  if (list?.type !== 'list') throw new Error('fixture moved');
  list.items[1]!.onScreen = 'Reversing vehicles (listed below) hit walkers.';
  list.items[2]!.onScreen = 'A snapped rope whips back faster than anyone standing near it can duck.';
  return craftedReport(sections);
}

const WARNINGS = [
  'warning: sections[0].blocks[0].items[2].onScreen: 15 words on screen (at most 12) [slide 4, on-screen-length]',
  'warning: sections[0].blocks[0].items[1].onScreen: print cross-reference on screen: “listed below” [slide 4, print-reference]',
  '2 editorial warnings on 1 slide',
];

describe('briefing check: the editorial check', () => {
  it('warns on stderr with the field, slide and rule, and still exits 0; --json carries the findings', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--input', fileOf(faulty()), '--json']);
    expect(stderr.split('\n').filter(Boolean)).toEqual(WARNINGS);
    const json = JSON.parse(stdout);
    expect(json.ok).toBe(true);
    expect(json.editorial).toEqual([
      {
        rule: 'on-screen-length',
        severity: 'warning',
        path: 'sections[0].blocks[0].items[2].onScreen',
        slide: 4,
        message: '15 words on screen (at most 12)',
      },
      {
        rule: 'print-reference',
        severity: 'warning',
        path: 'sections[0].blocks[0].items[1].onScreen',
        slide: 4,
        message: 'print cross-reference on screen: “listed below”',
      },
    ]);
    expect(code).toBe(0);
  });

  it('fails with exit 1 under --strict, the same lines as errors', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--input', fileOf(faulty()), '--strict']);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      ...WARNINGS.slice(0, 2).map((line) => line.replace(/^warning:/u, 'error:')),
      '2 editorial warnings on 1 slide (--strict: failing)',
    ]);
    // Everything is present: it is the editorial finding alone that fails it.
    expect(stdout).toContain('All present: 2 sections');
    expect(code).toBe(1);
  });

  it('passes --strict, silent on stderr, on a report written for the screen', async () => {
    const { code, stderr } = await runCli(['check', '--input', fileOf(craftedReport()), '--strict']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
