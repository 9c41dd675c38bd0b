import { resolve } from 'node:path';
import { defineCommand } from '../edge/command.js';
import { CliError, EXIT } from '../edge/errors.js';
import { ALL_FORMATS, BROWSERLESS_FORMATS, FORMATS } from '../edge/formats.js';
import { shownPath } from '../edge/io.js';

import { findBriefing } from '../edge/workspace.js';

import { parseFormats, parsePaper, realDeps } from './build.js';

const watchHelp = `Usage: briefing watch [options]

Rebuild on every save and serve a live preview: the slides (with presenter view) and the
PDF side by side, each filling half the window. A save updates both panes in well under a
second, on the slide and page you were on; only the outputs whose inputs changed are made
again. An invalid edit shows its problems in the terminal and over the panes, and the last
good outputs stay.

Options:
  -i, --input <file>    report JSON to watch (default: the packaged report's source,
                        packages/content/src/report.ts)
  -r, --report <id>     the workspace's briefing reports/<id>: its src/report.ts
  -o, --out <dir>       output folder (default: out, or reports/<id>/out with --report)
  -f, --format <list>   formats to rebuild (default: ${BROWSERLESS_FORMATS.join(', ')}); ${ALL_FORMATS.filter((f) => FORMATS[f].browser).join(' and ')}
                        are made in one Chromium kept running while watching
      --paper <size>    a4 or letter (default: a4)
  -p, --port <n>        preview port on 127.0.0.1 (default: 4321; 0 picks a free one)
                        (only requests to 127.0.0.1, localhost or [::1] on that
                        port are answered)
  -h, --help            show this help

The preview shows slides.html and briefing.pdf; its "Presenter view" window follows the
deck pane's slide and every rebuild.

Stop with Ctrl+C. Exit codes: 0 stopped cleanly; 2 usage error, port in use, or no
browser for a browser format asked for.
`;

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'rebuild on save and serve a live preview',
  help: watchHelp,
  options: {
    input: { type: 'string', short: 'i' },
    report: { type: 'string', short: 'r' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    paper: { type: 'string' },
    port: { type: 'string', short: 'p' },
  },
  deps: realDeps,
  async run(values, _positionals, io, deps) {
    const paper = parsePaper('watch', values.paper);
    const portText = values.port ?? '4321';
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) throw new CliError('briefing watch: --port must be 0 to 65535');
    const { formats } = parseFormats(values.format ?? BROWSERLESS_FORMATS.join(','), 'watch');
    const needsBrowser = formats.filter((f) => FORMATS[f].browser);
    const browserPath = needsBrowser.length > 0 ? deps.findBrowser(io.env) : undefined;
    if (needsBrowser.length > 0 && !browserPath)
      throw new CliError(
        `briefing watch: no Chromium found for ${needsBrowser.map((f) => FORMATS[f].file).join(' and ')}: install it (apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary`,
        EXIT.usage,
      );
    const { input } = values;
    if (input !== undefined && values.report !== undefined)
      throw new CliError('briefing watch: give --input or --report, not both', EXIT.usage);
    const briefing = values.report === undefined ? undefined : findBriefing(io.cwd, values.report, 'watch');
    const outDir = resolve(io.cwd, values.out ?? briefing?.out ?? 'out');
    // Loaded here, not with the CLI: the watcher brings the renderers and the browser with it.
    const [{ startPreview }, { packagedSource, watchSource }] = await Promise.all([
      import('../preview/preview-server.js'),
      import('../preview/watcher.js'),
    ]);
    // BRIEFING_WATCH_MODULE: a report module to watch in place of the packaged report's source,
    // so tests can break a module of their own instead of the one every other test imports.
    const sourcePath =
      input !== undefined
        ? resolve(io.cwd, input)
        : (briefing?.source ?? io.env.BRIEFING_WATCH_MODULE ?? packagedSource());

    const preview = await startPreview(port, { title: 'briefing' });
    let watcher: ReturnType<typeof watchSource>;
    try {
      watcher = watchSource({
        sourcePath,
        kind: input === undefined ? 'module' : 'json',
        outDir,
        formats,
        paper,
        io,
        browserPath,
        publish: (update) => preview.show(update),
      });
    } catch (error) {
      await preview.close();
      throw error;
    }
    io.stdout(`watching ${shownPath(io, sourcePath)}\n`);
    io.stdout(`preview on ${preview.url} (Ctrl+C to stop)\n`);

    await new Promise<void>((resolveStop) => {
      if (io.signal?.aborted) resolveStop();
      io.signal?.addEventListener('abort', () => resolveStop(), { once: true });
    });
    await watcher.close();
    await preview.close();
    io.stdout('stopped\n');
    return EXIT.ok;
  },
});
