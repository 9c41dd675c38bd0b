import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem, Report } from '@briefing/content';
import type { PdfOptions } from '@briefing/pdf';
import { browserTimeout } from '../browser/browser.js';
import type { DeckBrowser } from '../browser/marp.js';
import { FORMATS, type Format } from '../edge/formats.js';
import { type Io, readJson, shownPath, validateReport } from '../edge/io.js';
import { writeOutputs } from '../outputs/outdir.js';
import { deckOf, produce } from '../outputs/outputs.js';
import { PdfThread } from '../outputs/pdf-thread.js';
import { watchFolderOf } from './folder-watch.js';
import { inputKeys } from './inputs.js';
import { ModuleThread } from './module-thread.js';
import { digestOf, type PreviewContent } from './preview-server.js';
import { Rebuilder } from './rebuilder.js';
import type { PreviewState } from './state.js';

type Loaded = { ok: true; report: Report } | { ok: false; problems: Problem[]; message: string };

/**
 * Where the packaged report's TypeScript source lives (it is re-imported on every save): the
 * file content exports as `@briefing/content/report.ts`, so where content keeps it is
 * content's to say.
 */
export function packagedSource(): string {
  return createRequire(import.meta.url).resolve('@briefing/content/report.ts');
}

async function loadJson(path: string, shown: string): Promise<Loaded> {
  try {
    const result = validateReport(await readJson(path, shown));
    return result.ok ? result : { ok: false, problems: result.problems, message: `${shown}: invalid report` };
  } catch (error) {
    return { ok: false, problems: [], message: (error as Error).message };
  }
}

/** The report module, loaded on a thread of its own (module-thread.ts) and validated here. */
async function loadModule(thread: ModuleThread, path: string, shown: string): Promise<Loaded> {
  const loaded = await thread.load(pathToFileURL(path).href, import.meta.url);
  if (!loaded.ok) {
    if (loaded.problems) return { ok: false, problems: loaded.problems, message: `${shown}: invalid report` };
    return { ok: false, problems: [], message: `${shown}: ${loaded.message.split('\n').slice(0, 6).join('\n')}` };
  }
  const result = validateReport(loaded.reportInput);
  return result.ok ? result : { ok: false, problems: result.problems, message: `${shown}: invalid report` };
}

/** The outputs the preview's panes show, made first after a save so the panes update soonest. */
const PANES: readonly Format[] = ['html', 'pdf'];

export interface SourceWatcherOptions {
  /** The report file: a JSON report (`--input`), or the packaged report's TypeScript source. */
  sourcePath: string;
  kind: 'json' | 'module';
  outDir: string;
  formats: readonly Format[];
  paper: 'a4' | 'letter';
  io: Io;
  /** The Chromium for the formats that need a browser (kept running while watching); none when none is asked for. */
  browserPath?: string | undefined;
  /** Called whenever there is something new to show: outputs as they are made, the state of each build. */
  publish: (update: Partial<PreviewContent>) => void;
  /** How long the report module may take to load (ms) before the build is given up. */
  loadTimeoutMs?: number;
}

/**
 * Rebuild the outputs whenever the report file is saved: load and validate it, make again the
 * outputs whose inputs changed (inputs.ts), hand each to the preview as soon as it is made
 * (the panes' own first), then write the whole set into the output folder at once. An invalid
 * edit or a failed render is reported (terminal and preview) and the last good outputs stay.
 * The formats that need a browser are made in one Chromium kept running while watching. A
 * report module is loaded on a thread of its own, so one that never finishes loading fails its
 * build after `loadTimeoutMs` without holding up the preview or a stop request. The watch
 * follows the report's folder when it is replaced (folder-watch.ts). The first build starts at
 * once; `close()` stops watching, gives up a module still loading, waits for a running build
 * and closes the browser.
 */
export function watchSource(options: SourceWatcherOptions): { close: () => Promise<void> } {
  const { sourcePath, io, outDir, formats, paper, publish } = options;
  const shown = shownPath(io, sourcePath);
  const moduleThread = options.kind === 'module' ? new ModuleThread(options.loadTimeoutMs) : undefined;
  const load = () => (moduleThread ? loadModule(moduleThread, sourcePath, shown) : loadJson(sourcePath, shown));
  /** Stopping: a load or build cut short by it is not reported. */
  let closing = false;
  const { browserPath } = options;
  // The browser session (Puppeteer and the slides' PDF passes) is loaded only when a browser format is watched.
  const browser: Promise<DeckBrowser> | undefined = browserPath
    ? import('../browser/marp.js').then(
        ({ DeckBrowser }) => new DeckBrowser(browserPath, { timeoutSeconds: browserTimeout(io.env), env: io.env }),
      )
    : undefined;
  // Its failure (a bug) is reported by the build that awaits it, not as an unhandled rejection first.
  browser?.catch(() => {});
  const pdfThread = new PdfThread();
  const renderPdf = (report: Report, pdfOptions: PdfOptions = {}) => pdfThread.render(report, pdfOptions);
  /** The last good output of each format and the key of the inputs it was made from. */
  const made = new Map<Format, { key: string; data: Uint8Array | string }>();
  let state: PreviewState = { version: 0, ok: true, problems: [], building: true, files: {}, slides: [] };
  const show = (next: Partial<PreviewState>, outputs?: ReadonlyMap<string, Uint8Array | string>) => {
    state = { ...state, ...next };
    publish({ state, ...(outputs ? { outputs } : {}) });
  };
  const served = () => new Map([...made].map(([format, { data }]) => [FORMATS[format].file, data]));
  const digests = () =>
    Object.fromEntries([...made].map(([format, { data }]) => [FORMATS[format].file, digestOf(data)]));
  /** When the save that the running build answers was seen. */
  let savedAt = performance.now();

  const rebuilder = new Rebuilder(
    async () => {
      if (closing) return;
      const started = savedAt;
      const loaded = await load();
      if (closing) return;
      if (!loaded.ok) {
        io.stderr(`${loaded.message}${loaded.problems.length ? ':' : ''}\n`);
        for (const p of loaded.problems) io.stderr(`  ${p.path}: ${p.message}\n`);
        io.stderr('keeping the last good outputs\n');
        show({ ok: false, building: false, problems: loaded.problems, message: loaded.message });
        return;
      }
      const { report } = loaded;
      try {
        const deck = deckOf(report);
        const keys = inputKeys(report, formats, { paper, markdown: await deck.markdown() });
        const stale = formats.filter((f) => made.get(f)?.key !== keys.get(f));
        if (stale.length === 0) {
          show({ ok: true, building: false, problems: [], message: undefined });
          io.stdout(`nothing to rebuild: no output's inputs changed (build ${state.version})\n`);
          return;
        }
        const version = state.version + 1;
        const rebuilt: string[] = [];
        let slides = state.slides;
        let shownAt: number | undefined;
        let builtAt: string | undefined;
        /** Hand the preview the outputs made so far as build `version`. */
        const showBuild = (next: Partial<PreviewState> = {}) => {
          shownAt ??= performance.now();
          builtAt ??= new Date().toISOString();
          show(
            {
              version,
              ok: true,
              problems: [],
              message: undefined,
              builtAt,
              ms: Math.round(shownAt - started),
              files: digests(),
              slides,
              ...next,
            },
            served(),
          );
        };
        const make = async (group: readonly Format[]) => {
          for await (const output of produce(report, group, {
            paper,
            deck,
            browser: await browser,
            renderPdf,
            signal: io.signal,
          })) {
            made.set(output.format, { key: keys.get(output.format) as string, data: output.data });
            rebuilt.push(output.file);
            if (output.format === 'html') slides = (await deck.plan()).slides.map((s) => s.section ?? s.kind);
            if (PANES.includes(output.format)) showBuild();
          }
        };
        // The preview's panes first, side by side (the PDF on its own thread), each shown as
        // soon as it is made; then the rest, unless a newer save is waiting (what is left would
        // be out of date before it is written).
        await Promise.all(PANES.filter((f) => stale.includes(f)).map((f) => make([f])));
        // The browser's formats are made together, in one page; the others one by one.
        const rest = stale.filter((f) => !PANES.includes(f));
        const inBrowser = rest.filter((f) => FORMATS[f].browser);
        for (const group of [...rest.filter((f) => !FORMATS[f].browser).map((f) => [f]), inBrowser]) {
          if (rebuilder.pending) break;
          if (group.length > 0) await make(group);
        }
        if (rebuilder.pending) {
          showBuild({ building: true });
          io.stdout(`rebuilt ${rebuilt.join(', ')} (build ${version}); a newer save is next\n`);
          return;
        }
        // Written only once every format is made, and as one set, so the folder always holds
        // one consistent build (and a build running into the same folder is never mixed in).
        await writeOutputs(outDir, shownPath(io, outDir), async (stage) => {
          for (const [format, { data }] of made) await stage.put(FORMATS[format].file, data);
        });
        showBuild({ building: false });
        io.stdout(
          `rebuilt ${rebuilt.join(', ')} in ${Math.round(performance.now() - started)} ms, in the preview after ${state.ms} ms (build ${version})\n`,
        );
      } catch (error) {
        // Stopped (Ctrl+C): nothing to report.
        if (io.signal?.aborted) return;
        const e = error as Error & { problems?: Problem[] };
        io.stderr(`${e.message}\nkeeping the last good outputs\n`);
        show({
          ok: false,
          building: false,
          problems: e.problems ?? [],
          message: e.message.split('\n')[0] ?? 'build failed',
        });
      }
    },
    (error) => io.stderr(`briefing watch: rebuild failed: ${(error as Error).message}\n`),
  );

  // The report's folder, followed when it is replaced (folder-watch.ts); a short quiet period
  // gathers a burst of events (a save is often two or three) into one rebuild.
  const watched = basename(sourcePath);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watchFolderOf(sourcePath, {
    shown: shownPath(io, dirname(sourcePath)),
    relevant: (name) => name === watched || (options.kind === 'module' && name.endsWith('.ts')),
    onNotice: (text, trouble) => (trouble ? io.stderr : io.stdout)(`${text}\n`),
    onChange: () => {
      if (timer === undefined) savedAt = performance.now();
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        show({ building: true });
        rebuilder.request();
      }, QUIET_MS);
    },
  });
  rebuilder.request();

  return {
    async close() {
      closing = true;
      clearTimeout(timer);
      watcher.close();
      // A module still loading (or never to finish) is given up at once.
      await moduleThread?.close();
      await rebuilder.idle();
      await (await browser)?.close();
      await pdfThread.close();
    },
  };
}

/** How long a burst of file events must be quiet before a rebuild starts (a save is often two or three events). */
const QUIET_MS = 10;
