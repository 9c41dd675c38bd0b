import { type FSWatcher, watch as watchFs } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem, Report } from '@briefing/content';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { type Io, readJson, validateReport } from '../io.js';
import { writeOutputs } from '../outdir.js';
import { FORMATS, type Format, produce } from '../outputs.js';
import { isPreviewHost, type PreviewState, previewPage, WATCH_FORMATS } from '../preview.js';
import { Rebuilder } from '../rebuilder.js';
import { parseFormats, parsePaper } from './build.js';

export const watchHelp = `Usage: briefing watch [options]

Rebuild on every save and serve a live preview: the slides (with presenter view) and the
PDF side by side, reloading by themselves. An invalid edit shows its problems in the
terminal and on the page, and the last good outputs stay in place.

Options:
  -i, --input <file>    report JSON to watch (default: the packaged report's source,
                        packages/content/src/report.ts)
  -o, --out <dir>       output folder (default: out)
  -f, --format <list>   formats to rebuild: pdf, md, html (default: all three;
                        slides-pdf and pptx need a browser: use briefing build)
      --paper <size>    a4 or letter (default: a4)
  -p, --port <n>        preview port on 127.0.0.1 (default: 4321; 0 picks a free one)
                        (only requests to 127.0.0.1, localhost or [::1] on that
                        port are answered)
  -h, --help            show this help

Stop with Ctrl+C. Exit codes: 0 stopped cleanly; 2 usage error (a browser format too) or port in use.
`;

type Loaded = { ok: true; report: Report } | { ok: false; problems: Problem[]; message: string };

/** Where the packaged report's TypeScript source lives (it is re-imported on every save). */
function packagedSource(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@briefing/content/package.json')), 'src', 'report.ts');
}

async function loadJson(path: string, shown: string): Promise<Loaded> {
  try {
    const result = validateReport(await readJson(path, shown));
    return result.ok ? result : { ok: false, problems: result.problems, message: `${shown}: invalid report` };
  } catch (error) {
    return { ok: false, problems: [], message: (error as Error).message };
  }
}

async function loadModule(path: string, shown: string): Promise<Loaded> {
  try {
    // tsx loads the TypeScript source afresh on every call, so each save is seen.
    const { tsImport } = await import('tsx/esm/api');
    const mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { reportInput?: unknown };
    const result = validateReport(mod.reportInput);
    return result.ok ? result : { ok: false, problems: result.problems, message: `${shown}: invalid report` };
  } catch (error) {
    const e = error as Error & { problems?: Problem[] };
    if (Array.isArray(e.problems)) return { ok: false, problems: e.problems, message: `${shown}: invalid report` };
    return { ok: false, problems: [], message: `${shown}: ${e.message.split('\n').slice(0, 6).join('\n')}` };
  }
}

const CONTENT_TYPES: Record<string, string> = {
  'slides.html': 'text/html; charset=utf-8',
  'slides.md': 'text/markdown; charset=utf-8',
  'briefing.pdf': 'application/pdf',
  'slides.pdf': 'application/pdf',
  'slides.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export async function watch(argv: string[], io: Io): Promise<ExitCode> {
  const { values } = parseCommandArgs(
    'watch',
    argv,
    {
      input: { type: 'string', short: 'i' },
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      paper: { type: 'string' },
      port: { type: 'string', short: 'p' },
    },
    0,
  );
  if (values.help) {
    io.stdout(watchHelp);
    return EXIT.ok;
  }
  const paper = parsePaper('watch', values.paper as string | undefined);
  const portText = (values.port as string | undefined) ?? '4321';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new CliError('briefing watch: --port must be 0 to 65535');
  const formats: Format[] = parseFormats(
    (values.format as string | undefined) ?? WATCH_FORMATS.join(','),
    'watch',
  ).formats;
  const needsBrowser = formats.filter((f) => FORMATS[f].browser);
  if (needsBrowser.length > 0) {
    throw new CliError(
      `briefing watch: ${needsBrowser.join(' and ')} need${needsBrowser.length === 1 ? 's' : ''} a browser, which watch does not start; watch supports ${WATCH_FORMATS.join(', ')} (use briefing build for ${needsBrowser.join(' and ')})`,
    );
  }
  const outDir = resolve(io.cwd, (values.out as string | undefined) ?? 'out');
  const input = values.input as string | undefined;
  const sourcePath = input === undefined ? packagedSource() : resolve(io.cwd, input);
  const shown = relative(io.cwd, sourcePath) || sourcePath;
  const load = () => (input === undefined ? loadModule(sourcePath, shown) : loadJson(sourcePath, shown));
  const say = (line: string) => io.stdout(`${line}\n`);

  let outputs = new Map<string, Uint8Array | string>();
  let state: PreviewState = { version: 0, ok: false, problems: [], message: 'first build in progress' };
  let title = 'briefing';
  const clients = new Set<ServerResponse>();
  const broadcast = () => {
    for (const client of clients) client.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
  };

  const rebuilder = new Rebuilder(
    async () => {
      const started = performance.now();
      const loaded = await load();
      if (!loaded.ok) {
        state = { ...state, ok: false, problems: loaded.problems, message: loaded.message };
        io.stderr(`${loaded.message}${loaded.problems.length ? ':' : ''}\n`);
        for (const p of loaded.problems) io.stderr(`  ${p.path}: ${p.message}\n`);
        io.stderr('keeping the last good outputs\n');
        broadcast();
        return;
      }
      try {
        const next = new Map<string, Uint8Array | string>();
        for await (const output of produce(loaded.report, formats, { paper })) next.set(output.file, output.data);
        // Written only once every format rendered, and as one set, so the folder always holds
        // one consistent build (and a build running into the same folder is never mixed in).
        await writeOutputs(outDir, relative(io.cwd, outDir) || outDir, async (stage) => {
          for (const [file, data] of next) await stage.put(file, data);
        });
        outputs = next;
        title = loaded.report.meta.shortTitle;
        state = { version: state.version + 1, ok: true, problems: [], builtAt: new Date().toISOString() };
        say(
          `rebuilt ${[...next.keys()].join(', ')} in ${Math.round(performance.now() - started)} ms (version ${state.version})`,
        );
      } catch (error) {
        const e = error as Error & { problems?: Problem[] };
        state = {
          ...state,
          ok: false,
          problems: e.problems ?? [],
          message: e.message.split('\n')[0] ?? 'build failed',
        };
        io.stderr(`${e.message}\nkeeping the last good outputs\n`);
      }
      broadcast();
    },
    (error) => io.stderr(`briefing watch: rebuild failed: ${(error as Error).message}\n`),
  );

  let boundPort = port;
  const server = createServer((req, res) => {
    if (!isPreviewHost(req.headers.host, boundPort)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `forbidden: the preview answers only http://127.0.0.1:${boundPort}/ and http://localhost:${boundPort}/\n`,
      );
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(previewPage(title, state));
    } else if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      clients.add(res);
      res.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
      req.on('close', () => clients.delete(res));
    } else if (path === '/status') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(state));
    } else {
      const file = basename(path);
      const data = outputs.get(file);
      if (data === undefined || `/${file}` !== path) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end(state.ok || state.version > 0 ? 'not found\n' : 'no successful build yet\n');
        return;
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[file] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(data);
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          error.code === 'EADDRINUSE' ? `briefing watch: port ${port} is in use (try --port 0)` : error.message,
          EXIT.usage,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (typeof address === 'object' && address) boundPort = address.port;
  const url = `http://127.0.0.1:${boundPort}/`;

  // Editors save by writing in place or by renaming a temp file over the original: watch
  // the folder and filter by name, and let a short quiet period gather a burst of events.
  const watched = basename(sourcePath);
  const folder = dirname(sourcePath);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watchFs(folder, (_event, name) => {
    const changed = name?.toString();
    if (changed !== undefined && changed !== watched && !(input === undefined && changed.endsWith('.ts'))) return;
    clearTimeout(timer);
    timer = setTimeout(() => rebuilder.request(), 40);
  });

  say(`watching ${shown}`);
  say(`preview on ${url} (Ctrl+C to stop)`);
  rebuilder.request();

  await new Promise<void>((resolveStop) => {
    if (io.signal?.aborted) resolveStop();
    io.signal?.addEventListener('abort', () => resolveStop(), { once: true });
  });
  clearTimeout(timer);
  watcher.close();
  await rebuilder.idle();
  for (const client of clients) client.end();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  say('stopped');
  return EXIT.ok;
}
