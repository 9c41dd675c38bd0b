import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report, reportToJson } from '@briefing/content';
import { readPdf } from '@briefing/inspect';
import { captureIo, getJson, spawnWatch, waitFor } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

// End to end: the real command in its own process, a temp copy of the report, real HTTP.
let child: ChildProcess;
let dir: string;
let input: string;
let url: string;
let output = { stdout: '', stderr: '' };

function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  return waitFor(what, probe, { ms, every: 100, log: () => `stdout:\n${output.stdout}\nstderr:\n${output.stderr}` });
}

const status = () =>
  getJson<{
    version: number;
    ok: boolean;
    building: boolean;
    problems: { path: string }[];
  }>(`${url}status`);
/** Build `version` or a later one has been shown and written. */
const settled = (version: number) =>
  until(`build ${version}`, async () => {
    const s = await status();
    return s.version >= version && !s.building ? s : undefined;
  });

/** A GET with a chosen Host header (or none), as a rebinding page's request would arrive. */
function get(path: string, host: string | undefined): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        setHost: false,
        headers: host === undefined ? {} : { host },
      },
      (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (d) => {
          body += d;
          // An event stream never ends: the status and first bytes are enough.
          if (path === '/events') res.destroy();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('close', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
  input = join(dir, 'report.json');
  writeFileSync(input, reportToJson(report));
  const watching = spawnWatch(input, join(dir, 'out'));
  child = watching.child;
  output = watching.output;
  url = await until('the preview URL', () => /preview on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1]);
  await settled(1);
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('briefing watch', () => {
  it('serves the preview page, the slides and the PDF', async () => {
    const page = await (await fetch(url)).text();
    expect(page).toContain('<section class="pane" id="deck"');
    expect(page).toContain('<section class="pane" id="briefing"');
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
    await settled(before + 1);
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
      output.stderr.includes('sections[3].blocks[0].items[2].text') ? true : undefined,
    );
    const page = await (await fetch(url)).text();
    expect(page).toContain('sections[3].blocks[0].items[2].text');
    expect(state.ok).toBe(false);
    expect(readFileSync(join(dir, 'out', 'slides.html'), 'utf8')).toBe(good);
    expect(await (await fetch(`${url}slides.html`)).text()).toBe(good);
  });

  it('holds an edit to the same rules as build: characters the fonts cannot show are problems by path', async () => {
    const edited = JSON.parse(readFileSync(input, 'utf8'));
    edited.sections[3].blocks[0].items[2].text = 'Now valid again';
    edited.sections[1].title = '网络 title';
    writeFileSync(input, JSON.stringify(edited, null, 2));
    const state = await until('the error state', async () => {
      const s = await status();
      return !s.ok && s.problems.some((p) => p.path === 'sections[1].title') ? s : undefined;
    });
    expect(state.problems.map((p) => p.path)).toEqual(['sections[1].title']);
    await until('the terminal report', () =>
      /sections\[1\]\.title: characters the fonts/.test(output.stderr) ? true : undefined,
    );
  });

  it('makes again only the outputs whose inputs changed: speaker notes remake the decks, not the PDF', async () => {
    // A valid report again (the tests before left it invalid), then notes alone.
    const valid = JSON.parse(reportToJson(report));
    valid.sections[0].title = 'A valid report again';
    const version = (await status()).version;
    writeFileSync(input, JSON.stringify(valid, null, 2));
    const before = await settled(version + 1);
    const files = (await (await fetch(`${url}status`)).json()) as { files: Record<string, string> };
    const logged = output.stdout.length;
    const edited = JSON.parse(readFileSync(input, 'utf8'));
    edited.sections[2].notes = ['A cue for the presenter alone'];
    writeFileSync(input, JSON.stringify(edited, null, 2));
    await settled(before.version + 1);
    const after = (await (await fetch(`${url}status`)).json()) as { files: Record<string, string> };
    const line = await until('the rebuild line', () => /^rebuilt .*$/m.exec(output.stdout.slice(logged))?.[0]);
    expect(line).toMatch(/^rebuilt slides\.html, slides\.md\b/);
    expect(line).not.toContain('briefing.pdf');
    expect(after.files['briefing.pdf']).toBe(files.files['briefing.pdf']);
    expect(after.files['slides.html']).not.toBe(files.files['slides.html']);
  });

  it('answers only requests whose Host is 127.0.0.1, localhost or [::1] with its own port (DNS rebinding guard)', async () => {
    const port = Number(new URL(url).port);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await get('/status', host)).status, host).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `0.0.0.0:${port}`,
      '',
    ]) {
      const res = await get('/briefing.pdf', host);
      expect(res.status, JSON.stringify(host)).toBe(403);
      expect(res.body).not.toContain('%PDF');
    }
    expect((await get('/events', 'evil.example')).status).toBe(403);
    // No Host at all: Node's HTTP/1.1 server already answers 400 before the handler runs.
    expect([400, 403]).toContain((await get('/', undefined)).status);
  });

  it('answers a malformed request target with 400 and keeps serving (a page elsewhere could send one)', async () => {
    const port = Number(new URL(url).port);
    /** A request sent as raw bytes, so the target reaches the server exactly as written. */
    const raw = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.end(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
        );
        let reply = '';
        socket.setEncoding('latin1');
        socket.on('data', (d) => {
          reply += d;
        });
        socket.on('close', () => resolve(reply));
        socket.on('error', reject);
      });
    for (const target of ['//[', '//%zz', '/%zz', '/a%b', '*', 'http://[', 'slides.html']) {
      const reply = await raw(target);
      expect(reply, target).toMatch(/^HTTP\/1\.1 400 /);
      expect(reply, target).not.toMatch(/at .*\.ts:\d+/);
    }
    // Well-formed targets the preview does not serve are not found; none of them throws.
    for (const target of ['///', '//256.256.256.256', '//localhost/slides.html', '/a//b']) {
      expect(await raw(target), target).toMatch(/^HTTP\/1\.1 404 /);
    }
    expect((await status()).version).toBeGreaterThan(0);
    expect(child.exitCode).toBeNull();
    expect(output.stderr).not.toMatch(/Invalid URL/);
  });

  it('stops cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.stdout).toContain('stopped');
  });
});

describe('briefing watch options', () => {
  it('refuses a --port that is not a number from 0 to 65535, including an empty one', async () => {
    for (const port of ['', ' ', '65536', '4e3', '0x10', '12.5', '+80']) {
      const { io, out } = captureIo();
      io.signal = AbortSignal.timeout(5000);
      const code = await main(['watch', '--port', port, '--out', mkdtempSync(join(tmpdir(), 'w-'))], io);
      expect(code, JSON.stringify(port)).toBe(2);
      expect(out.stderr, JSON.stringify(port)).toMatch(/^briefing watch: --port must be 0 to 65535/);
    }
  });

  it("says plainly when the input's folder does not exist", async () => {
    const { io, out } = captureIo();
    io.signal = AbortSignal.timeout(5000);
    const missing = join(mkdtempSync(join(tmpdir(), 'w-')), 'gone', 'report.json');
    expect(await main(['watch', '--input', missing, '--port', '0', '--format', 'md'], io)).toBe(2);
    expect(out.stderr).toMatch(/^cannot watch \S*gone: no such folder\n$/);
  });

  it('names itself in a --format error', async () => {
    const { io, out } = captureIo();
    io.signal = AbortSignal.timeout(5000);
    expect(await main(['watch', '--format', 'docx', '--port', '0'], io)).toBe(2);
    expect(out.stderr).toMatch(/^briefing watch: unknown format "docx"/);
  });
});

/** Every process below `pid` (read from /proc), with its command name. */
function descendants(pid: number): { pid: number; ppid: number; name: string }[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const name = /\((.*)\)/.exec(stat)?.[1] ?? '';
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return [{ pid: Number(d), ppid, name }];
      } catch {
        return [];
      }
    });
  const below: { pid: number; ppid: number; name: string }[] = [];
  const walk = (parent: number) => {
    for (const p of all.filter((q) => q.ppid === parent)) {
      below.push(p);
      walk(p.pid);
    }
  };
  walk(pid);
  return below;
}

const browser = browserOrReason();
describe.skipIf(!('path' in browser))(
  `briefing watch --format slides-pdf${'reason' in browser ? ` (skipped: ${browser.reason})` : ''}`,
  () => {
    it("remakes the slides' PDF on each save in one Chromium kept running, and closes it when stopped", async () => {
      const dir = mkdtempSync(join(tmpdir(), 'briefing-watch-browser-'));
      const file = join(dir, 'report.json');
      writeFileSync(file, reportToJson(report));
      const { child: watching, output: printed } = spawnWatch(file, join(dir, 'out'), {
        args: ['--format', 'pdf,html,slides-pdf'],
        env: { CHROME_PATH: 'path' in browser ? browser.path : '' },
      });
      const log = () => printed.stdout + printed.stderr;
      try {
        const wait = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined) =>
          waitFor(what, probe, { ms: 60_000, every: 100, log });
        const base = await wait('the preview URL', () => /preview on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log())?.[1]);
        const settled = async (version: number) =>
          wait(`build ${version}`, async () => {
            const s = (await (await fetch(`${base}status`)).json()) as { version: number; building: boolean };
            return s.version >= version && !s.building ? true : undefined;
          });
        await settled(1);
        const slidesPdf = async () =>
          (await readPdf(new Uint8Array(readFileSync(join(dir, 'out', 'slides.pdf'))))).pages.join(' ');
        expect(await slidesPdf()).toContain(report.sections[0]!.title);
        // The browser itself: a Chromium process whose parent is not one (its renderers come and go with pages).
        const browsers = () => {
          const below = descendants(watching.pid as number);
          const chromium = new Set(below.filter((p) => /chrom/i.test(p.name)).map((p) => p.pid));
          return [...chromium].filter((pid) => !chromium.has(below.find((p) => p.pid === pid)?.ppid ?? 0)).sort();
        };
        const first = browsers();
        expect(first).toHaveLength(1);

        const edited = JSON.parse(readFileSync(file, 'utf8'));
        edited.sections[0].title = 'A title the warm browser printed';
        writeFileSync(file, JSON.stringify(edited, null, 2));
        await settled(2);
        await wait('the new slides.pdf', async () =>
          (await slidesPdf()).includes('A title the warm browser printed') ? true : undefined,
        );
        // The same Chromium made it: no browser was started for the second build.
        expect(browsers()).toEqual(first);
        // A save may fire twice (the file emptied, then written): the second build can give
        // way to a third, which then makes slides.pdf; either way not the first build.
        expect(log()).toMatch(/rebuilt [^\n]*slides\.pdf[^\n]*\(build [2-9]\)/);

        const exited = new Promise<number | null>((resolve) => watching.once('exit', (code) => resolve(code)));
        watching.kill('SIGINT');
        expect(await exited).toBe(0);
        // Closed with the watch: none of its browser's processes is left.
        await wait('the browser to exit', () => (first.every((pid) => !existsSync(`/proc/${pid}`)) ? true : undefined));
      } finally {
        if (watching.exitCode === null) watching.kill('SIGKILL');
      }
    }, 120_000);
  },
);
