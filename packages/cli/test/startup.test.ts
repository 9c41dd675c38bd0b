// What each command loads. The heavy libraries (the Marp engine with MathJax, marp-cli,
// Puppeteer, pdfkit, fontkit, pptxgenjs, pdf.js, pdf-lib, linkedom) cost about a second of CPU
// to load, so a command loads only those it uses, when it uses them: `--help`, a usage error,
// `validate` and `export` none, and a PDF-only build not the deck's. Each case runs the real
// `briefing` process under _startup/record-modules.mjs, which lists every module it loaded.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportInput, reportToJson } from '@briefing/content';
import { cliArgs, repoRoot } from '@briefing/testkit';
import { beforeAll, describe, expect, it } from 'vitest';

const RECORDER = new URL('./_startup/record-modules.mjs', import.meta.url).pathname;

/** The heavy packages, by the name their files sit under in node_modules. */
const HEAVY = [
  '@marp-team/marp-core',
  '@marp-team/marp-cli',
  'mathjax-full',
  'puppeteer-core',
  'pdfkit',
  'fontkit',
  'pptxgenjs',
  'pdfjs-dist',
  'pdf-lib',
  'linkedom',
] as const;
type Heavy = (typeof HEAVY)[number];

/** The heavy packages among the module URLs a process loaded. */
export function heavyIn(urls: readonly string[]): Heavy[] {
  return HEAVY.filter((name) => urls.some((url) => url.includes(`/node_modules/${name}/`)));
}

let dir: string;
let report: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-startup-'));
  report = join(dir, 'report.json');
  writeFileSync(report, reportToJson(reportInput as never));
});

/**
 * `briefing <args>` as a process: its exit code and the heavy packages it loaded. Asynchronous,
 * so that the cases of a test run side by side (each is mostly a process starting).
 */
function run(args: string[]): Promise<{ code: number | null; heavy: Heavy[]; stderr: string }> {
  const log = join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', RECORDER, ...cliArgs(repoRoot), ...args],
      { cwd: dir, env: { ...process.env, BRIEFING_MODULE_LOG: log }, encoding: 'utf8' },
      (_error, _stdout, stderr) =>
        resolve({ code: child.exitCode, heavy: heavyIn(readFileSync(log, 'utf8').split('\n')), stderr }),
    );
  });
}

describe('what a command loads', () => {
  it('loads no heavy library for --help, a usage error, validate or export', async () => {
    const cases = [
      [['--help'], 0],
      [['build', '--help'], 0],
      [['no-such-command'], 2],
      [['build', '--no-such-option'], 2],
      [['validate', report], 0],
      [['export', '--schema'], 0],
      [['export', '--json', '--input', report], 0],
    ] as const;
    const runs = await Promise.all(cases.map(([args]) => run([...args])));
    cases.forEach(([args, code], i) => {
      const { code: exit, heavy, stderr } = runs[i] as Awaited<ReturnType<typeof run>>;
      expect({ args, exit, heavy }, stderr).toEqual({ args, exit: code, heavy: [] });
    });
  });

  it('builds the PDF briefing alone without the deck libraries or a browser (and the list sees pdfkit)', async () => {
    const { code, heavy, stderr } = await run(['build', '--format', 'pdf', '--out', join(dir, 'out'), '--quiet']);
    expect(code, stderr).toBe(0);
    // pdfkit and fontkit are the PDF's own: seeing them proves the recorder sees what loads.
    expect(heavy).toEqual(['pdfkit', 'fontkit']);
  });

  it('tells a heavy package from a light one by its folder in node_modules', () => {
    expect(
      heavyIn([
        'file:///r/node_modules/@marp-team/marp-core/lib/marp.js',
        'file:///r/node_modules/pdfkit-table/index.js',
        'file:///r/node_modules/zod/index.js',
        'node:fs',
      ]),
    ).toEqual(['@marp-team/marp-core']);
  });
});
