// A build stopped at any moment (Ctrl+C, SIGTERM, SIGKILL) leaves no Chromium running, no temp
// file or profile behind, and the earlier outputs byte for byte; Ctrl+C and SIGTERM stop it
// within about a second with exit 130 / 143.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReportInput, reportInput } from '@briefing/content';
import { waitFor } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const browser = browserOrReason();
const browserPath = 'path' in browser ? browser.path : '';

/** The outputs in a folder (not its hidden lock or stage), byte for byte. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f)).toString('base64')]),
  );

/** Processes whose command line names a profile folder of the given build (read from /proc). */
function chromiumOf(pid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (args.includes(`briefing-chromium-${pid}-`)) found.push(`${entry} ${args}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Chromium profile folders in a temp folder (tsx keeps its own cache there too). */
const profiles = (tmp: string) => readdirSync(tmp).filter((f) => f.startsWith('briefing-'));

function until(what: string, test: () => boolean, ms = 15_000): Promise<void> {
  return waitFor(what, test, { ms, every: 10 }).then(() => undefined);
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** `briefing build` as its own process, from source, with its own temp folder. */
function startBuild(args: string[], tmp: string): Run {
  const child = spawn(
    process.execPath,
    ['--conditions=@briefing/source', '--import', 'tsx', join(repo, 'packages/cli/src/bin.ts'), 'build', ...args],
    { cwd: repo, env: { ...process.env, TMPDIR: tmp, CHROME_PATH: browserPath }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, stdout: () => out, exited };
}

const changed = join(mkdtempSync(join(tmpdir(), 'briefing-kill-')), 'changed.json');
const out = join(mkdtempSync(join(tmpdir(), 'briefing-kill-')), 'out');
let before: Record<string, string>;

/** The moments to stop at: while the HTML deck renders, and while Chromium converts the deck. */
const moments = {
  'while the HTML deck renders': (run: Run) => until('the PDF line', () => /^\s+md\s/m.test(run.stdout())),
  'while Chromium converts the deck': (run: Run) =>
    until('Chromium to start', () => run.child.pid !== undefined && chromiumOf(run.child.pid).length > 0),
} as const;

describe.skipIf(!browserPath)('stopping a build', () => {
  beforeAll(async () => {
    const copy = structuredClone(reportInput) as ReportInput;
    copy.meta.title = `${copy.meta.title}, revised`;
    writeFileSync(changed, JSON.stringify(copy));
    const tmp = mkdtempSync(join(tmpdir(), 'briefing-kill-tmp-'));
    const first = startBuild(['--out', out], tmp);
    expect((await first.exited).code, first.stdout()).toBe(0);
    before = snapshot(out);
    expect(Object.keys(before)).toEqual(['briefing.pdf', 'slides.html', 'slides.md', 'slides.pdf', 'slides.pptx']);
  }, 120_000);

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    for (const [moment, reach] of Object.entries(moments)) {
      it(`${signal} ${moment}: exits ${code} within a second, closes the browser, leaves nothing behind`, async () => {
        const tmp = mkdtempSync(join(tmpdir(), 'briefing-kill-tmp-'));
        const run = startBuild(['--input', changed, '--out', out], tmp);
        await reach(run);
        const pid = run.child.pid as number;
        const sent = Date.now();
        run.child.kill(signal);
        const exit = await run.exited;
        expect(exit.code, run.stdout()).toBe(code);
        // "Within a second" on an idle machine; a loaded CI core gets a little slack.
        expect(exit.at - sent).toBeLessThan(process.env.CI ? 2000 : 1000);
        expect(run.stdout()).toMatch(/stopped \((Ctrl\+C|SIGTERM)\); outputs left as they were/);
        expect(chromiumOf(pid)).toEqual([]);
        expect(profiles(tmp)).toEqual([]);
        expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
        expect(snapshot(out)).toEqual(before);
      }, 60_000);
    }
  }

  for (const [moment, reach] of Object.entries(moments)) {
    it(`SIGKILL ${moment}: Chromium dies with it, the outputs are untouched, the next build cleans up`, async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'briefing-kill-tmp-'));
      const run = startBuild(['--input', changed, '--out', out], tmp);
      await reach(run);
      const pid = run.child.pid as number;
      run.child.kill('SIGKILL');
      await run.exited;
      await until('Chromium to exit after its parent died', () => chromiumOf(pid).length === 0, 5000);
      expect(snapshot(out)).toEqual(before);
      // The next build takes over the dead build's lock and removes its stage and profile.
      mkdirSync(tmp, { recursive: true });
      const next = startBuild(['--format', 'slides-pdf', '--out', out], tmp);
      expect((await next.exited).code, next.stdout()).toBe(0);
      expect(profiles(tmp)).toEqual([]);
      expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
      expect(snapshot(out)).toEqual(before);
    }, 60_000);
  }
});
