// `briefing watch` as a real process against what an author's machine does to it: hundreds of
// idle connections with few file handles, its folder replaced under it, a report module that
// never finishes loading.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report, reportToJson } from '@briefing/content';
import { eventStream, getJson, httpGet, idleSockets, spawnWatch, stopClock, waitFor } from '@briefing/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Status {
  version: number;
  ok: boolean;
  building: boolean;
  message?: string;
}

/** A watch process and ways to wait on it. */
function watching(input: string | undefined, out: string, options: Parameters<typeof spawnWatch>[2] = {}) {
  const { child, output } = spawnWatch(input, out, options);
  const log = () => `stdout:\n${output.stdout}\nstderr:\n${output.stderr}`;
  const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000) =>
    waitFor(what, probe, { ms, log });
  let url = '';
  const status = () => getJson<Status>(`${url}status`, 5000);
  return {
    child,
    output,
    until,
    status,
    get url() {
      return url;
    },
    async started() {
      url = await until('the preview URL', () => /preview on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1]);
      return url;
    },
    /** Build `version` or a later one has been shown and written. */
    settled: (version: number) =>
      until(`build ${version}`, async () => {
        const s = await status();
        return s.version >= version && !s.building ? s : undefined;
      }),
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** The report JSON with its first section's title changed, written over `file`. */
const saveTitled = (file: string, title: string) => {
  const edited = JSON.parse(readFileSync(file, 'utf8'));
  edited.sections[0].title = title;
  writeFileSync(file, JSON.stringify(edited, null, 2));
};

describe('briefing watch with few file handles (ulimit -n 256)', () => {
  let dir: string;
  let input: string;
  let watch: ReturnType<typeof watching>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-watch-limits-'));
    mkdirSync(join(dir, 'report'));
    input = join(dir, 'report', 'report.json');
    writeFileSync(input, reportToJson(report));
    watch = watching(input, join(dir, 'out'), { fileLimit: 256 });
    await watch.started();
    await watch.settled(1);
  }, 60_000);

  afterAll(() => watch?.stop());

  it('answers the page, keeps its event stream and still rebuilds while 400 idle connections are open', async () => {
    const { version } = await watch.status();
    // The page's event stream, open before the idle connections come.
    const { req: stream, seen: events } = eventStream(`${watch.url}events`);
    await watch.until('the event stream', () => (events.text.includes('event: state') ? true : undefined));

    // More connections than the process has file handles, none of them sending a request.
    const sockets = await idleSockets(Number(new URL(watch.url).port), 400);
    try {
      // On a connection of its own (fetch would reuse one opened before the idle ones).
      const page = await httpGet(watch.url);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<section class="pane" id="deck"');

      saveTitled(input, 'A title saved among idle connections');
      await watch.settled(version + 1);
      expect(await (await fetch(`${watch.url}slides.html`)).text()).toContain('A title saved among idle connections');
      await watch.until('the new build on the event stream', () =>
        events.text.includes(`"version":${version + 1}`) ? true : undefined,
      );
      expect(events.closed).toBe(false);
      expect(watch.output.stderr).not.toMatch(/EMFILE/);
    } finally {
      for (const socket of sockets) socket.destroy();
      stream.destroy();
    }
  }, 60_000);

  it('keeps rebuilding when the report folder is replaced (renamed away and made again)', async () => {
    const folder = join(dir, 'report');
    const { version } = await watch.status();
    renameSync(folder, `${folder}.old`);
    mkdirSync(folder);
    cpSync(join(`${folder}.old`, 'report.json'), input);
    saveTitled(input, 'A title saved in the new folder');
    await watch.settled(version + 1);
    expect(await (await fetch(`${watch.url}slides.html`)).text()).toContain('A title saved in the new folder');
    expect(watch.output.stdout).toMatch(/watching \S*report again: the folder was replaced/);
    // Saves in the old folder are no longer followed.
    const { version: now } = await watch.status();
    saveTitled(join(`${folder}.old`, 'report.json'), 'A title saved in the old folder');
    await new Promise((r) => setTimeout(r, 300));
    expect((await watch.status()).version).toBe(now);
  }, 60_000);
});

describe('briefing watch on a report module that never finishes loading', () => {
  it('keeps answering requests and stops on SIGINT while the module loops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-watch-module-'));
    const module = join(dir, 'report.ts');
    writeFileSync(module, `export const reportInput = ${reportToJson(report)};\n`);
    const watch = watching(undefined, join(dir, 'out'), {
      args: ['--format', 'md'],
      env: { BRIEFING_WATCH_MODULE: module },
    });
    try {
      await watch.started();
      await watch.settled(1);
      appendFileSync(module, 'while (true) {}\n');
      await watch.until('the rebuild to start', async () => ((await watch.status()).building ? true : undefined));
      // The preview answers while the module loops.
      for (let i = 0; i < 5; i++) {
        const s = await watch.status();
        expect(s.version).toBe(1);
        await new Promise((r) => setTimeout(r, 100));
      }
      const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
        watch.child.once('exit', (code) => resolve({ code, at: Date.now() })),
      );
      const clock = stopClock(watch.child.pid as number);
      watch.child.kill('SIGINT');
      // A guard against a watch that never stops, not a measure of the stop (that is `took`).
      const stillRunning = new Promise<{ code: string; at: number }>((resolve) =>
        setTimeout(() => resolve({ code: 'still running after 40 s', at: Date.now() }), 40_000),
      );
      const exit = await Promise.race([exited, stillRunning]);
      expect(exit.code).toBe(0);
      // Stopped well before the load would have been given up (10 s), not left running (the
      // time a busy machine kept it waiting for a core left out: see stopClock).
      const took = clock.stop(exit.at);
      expect(took.ms, JSON.stringify(took)).toBeLessThan(8000);
      expect(watch.output.stdout).toContain('stopped');
    } finally {
      watch.stop();
    }
  }, 60_000);
});
