import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report, reportToJson } from '@briefing/content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

// End to end: the real command in its own process, a temp copy of the report, real HTTP.
let child: ChildProcess;
let dir: string;
let input: string;
let url: string;
let stdout = '';
let stderr = '';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
}

const status = async () =>
  (await fetch(`${url}status`)).json() as Promise<{ version: number; ok: boolean; problems: { path: string }[] }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
  input = join(dir, 'report.json');
  writeFileSync(input, reportToJson(report));
  child = spawn(
    process.execPath,
    [
      join(repoRoot, 'packages/cli/bin/briefing.js'),
      'watch',
      '--input',
      input,
      '--out',
      join(dir, 'out'),
      '--port',
      '0',
    ],
    { env: { ...process.env, BRIEFING_FROM_SOURCE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  url = await until('the preview URL', () => /preview on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1]);
  await until('the first build', async () => ((await status()).version >= 1 ? true : undefined));
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('briefing watch', () => {
  it('serves the preview page, the slides and the PDF', async () => {
    const page = await (await fetch(url)).text();
    expect(page).toContain('<iframe id="slides"');
    expect(page).toContain('<iframe id="pdf"');
    const html = await (await fetch(`${url}slides.html`)).text();
    expect(html).toContain(report.sections[0]!.title);
    const pdf = await fetch(`${url}briefing.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(existsSync(join(dir, 'out', 'briefing.pdf'))).toBe(true);
  });

  it('rebuilds when the report is saved, and the served HTML changes', async () => {
    const before = (await status()).version;
    const edited = JSON.parse(readFileSync(input, 'utf8'));
    edited.sections[0].title = 'A title edited while watching';
    writeFileSync(input, JSON.stringify(edited, null, 2));
    await until('the rebuild', async () => ((await status()).version > before ? true : undefined));
    const html = await (await fetch(`${url}slides.html`)).text();
    expect(html).toContain('A title edited while watching');
  });

  it('reports a broken edit in the terminal and on the page, and keeps the last good outputs', async () => {
    const good = readFileSync(join(dir, 'out', 'slides.html'), 'utf8');
    const broken = JSON.parse(readFileSync(input, 'utf8'));
    broken.sections[3].blocks[0].items[2].text = '';
    writeFileSync(input, JSON.stringify(broken, null, 2));
    const state = await until('the error state', async () => {
      const s = await status();
      return s.ok ? undefined : s;
    });
    expect(state.problems.map((p) => p.path)).toContain('sections[3].blocks[0].items[2].text');
    await until('the terminal report', () =>
      stderr.includes('sections[3].blocks[0].items[2].text') ? true : undefined,
    );
    const page = await (await fetch(url)).text();
    expect(page).toContain('sections[3].blocks[0].items[2].text');
    expect(readFileSync(join(dir, 'out', 'slides.html'), 'utf8')).toBe(good);
    expect(await (await fetch(`${url}slides.html`)).text()).toBe(good);
  });

  it('stops cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('stopped');
  });
});
