import { type FSWatcher, watch as watchFs } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem, Report } from '@briefing/content';
import type { Format } from './formats.js';
import { type Io, readJson, validateReport } from './io.js';
import { writeOutputs } from './outdir.js';
import { produce } from './outputs.js';
import type { PreviewState } from './preview.js';
import type { PreviewContent } from './preview-server.js';
import { Rebuilder } from './rebuilder.js';

type Loaded = { ok: true; report: Report } | { ok: false; problems: Problem[]; message: string };

/** Where the packaged report's TypeScript source lives (it is re-imported on every save). */
export function packagedSource(): string {
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

export interface SourceWatcherOptions {
  /** The report file: a JSON report (`--input`), or the packaged report's TypeScript source. */
  sourcePath: string;
  kind: 'json' | 'module';
  outDir: string;
  formats: readonly Format[];
  paper: 'a4' | 'letter';
  io: Io;
  /** Called when a rebuild lands or fails, with what the preview should show now. */
  publish: (update: Partial<PreviewContent>) => void;
  /** The state shown so far (the rebuild counts versions on from it). */
  state: () => PreviewState;
}

/**
 * Rebuild the outputs whenever the report file is saved: load and validate it, render every
 * format, and write them into the output folder as one set. An invalid edit or a failed
 * render is reported (terminal and preview) and the last good outputs stay. The first build
 * starts at once; `close()` stops watching and waits for a running build.
 */
export function watchSource(options: SourceWatcherOptions): { close: () => Promise<void> } {
  const { sourcePath, io, outDir, formats, paper, publish } = options;
  const shown = relative(io.cwd, sourcePath) || sourcePath;
  const load = () => (options.kind === 'module' ? loadModule(sourcePath, shown) : loadJson(sourcePath, shown));

  const rebuilder = new Rebuilder(
    async () => {
      const started = performance.now();
      const state = options.state();
      const loaded = await load();
      if (!loaded.ok) {
        io.stderr(`${loaded.message}${loaded.problems.length ? ':' : ''}\n`);
        for (const p of loaded.problems) io.stderr(`  ${p.path}: ${p.message}\n`);
        io.stderr('keeping the last good outputs\n');
        publish({ state: { ...state, ok: false, problems: loaded.problems, message: loaded.message } });
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
        const version = state.version + 1;
        publish({
          outputs: next,
          title: loaded.report.meta.shortTitle,
          state: { version, ok: true, problems: [], builtAt: new Date().toISOString() },
        });
        io.stdout(
          `rebuilt ${[...next.keys()].join(', ')} in ${Math.round(performance.now() - started)} ms (version ${version})\n`,
        );
      } catch (error) {
        const e = error as Error & { problems?: Problem[] };
        io.stderr(`${e.message}\nkeeping the last good outputs\n`);
        publish({
          state: {
            ...state,
            ok: false,
            problems: e.problems ?? [],
            message: e.message.split('\n')[0] ?? 'build failed',
          },
        });
      }
    },
    (error) => io.stderr(`briefing watch: rebuild failed: ${(error as Error).message}\n`),
  );

  // Editors save by writing in place or by renaming a temp file over the original: watch
  // the folder and filter by name, and let a short quiet period gather a burst of events.
  const watched = basename(sourcePath);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watchFs(dirname(sourcePath), (_event, name) => {
    const changed = name?.toString();
    if (changed !== undefined && changed !== watched && !(options.kind === 'module' && changed.endsWith('.ts'))) return;
    clearTimeout(timer);
    timer = setTimeout(() => rebuilder.request(), 40);
  });
  rebuilder.request();

  return {
    async close() {
      clearTimeout(timer);
      watcher.close();
      await rebuilder.idle();
    },
  };
}
