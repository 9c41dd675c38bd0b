import { relative, resolve } from 'node:path';
import { defineCommand } from '../command.js';
import { CliError, EXIT } from '../errors.js';
import { BROWSERLESS_FORMATS, FORMATS } from '../formats.js';
import { startPreview } from '../preview-server.js';
import { packagedSource, watchSource } from '../watcher.js';
import { parseFormats, parsePaper } from './build.js';

const watchHelp = `Usage: briefing watch [options]

Rebuild on every save and serve a live preview: the slides (with presenter view) and the
PDF side by side, reloading by themselves. An invalid edit shows its problems in the
terminal and on the page, and the last good outputs stay in place.

Options:
  -i, --input <file>    report JSON to watch (default: the packaged report's source,
                        packages/content/src/report.ts)
  -o, --out <dir>       output folder (default: out)
  -f, --format <list>   formats to rebuild: ${BROWSERLESS_FORMATS.join(', ')} (default: all of them;
                        the formats that need a browser: use briefing build)
      --paper <size>    a4 or letter (default: a4)
  -p, --port <n>        preview port on 127.0.0.1 (default: 4321; 0 picks a free one)
                        (only requests to 127.0.0.1, localhost or [::1] on that
                        port are answered)
  -h, --help            show this help

Stop with Ctrl+C. Exit codes: 0 stopped cleanly; 2 usage error (a browser format too) or port in use.
`;

/** The refusal of formats that need a browser, naming the ones watch supports. */
export function browserFormatsRefusal(formats: readonly string[]): string {
  return `briefing watch: ${formats.join(' and ')} need${formats.length === 1 ? 's' : ''} a browser, which watch does not start; watch supports ${BROWSERLESS_FORMATS.join(', ')} (use briefing build for ${formats.join(' and ')})`;
}

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'rebuild on save and serve a live preview',
  help: watchHelp,
  options: {
    input: { type: 'string', short: 'i' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    paper: { type: 'string' },
    port: { type: 'string', short: 'p' },
  },
  async run(values, _positionals, io) {
    const paper = parsePaper('watch', values.paper);
    const portText = values.port ?? '4321';
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) throw new CliError('briefing watch: --port must be 0 to 65535');
    const { formats } = parseFormats(values.format ?? BROWSERLESS_FORMATS.join(','), 'watch');
    const needsBrowser = formats.filter((f) => FORMATS[f].browser);
    if (needsBrowser.length > 0) throw new CliError(browserFormatsRefusal(needsBrowser));
    const outDir = resolve(io.cwd, values.out ?? 'out');
    const { input } = values;
    const sourcePath = input === undefined ? packagedSource() : resolve(io.cwd, input);

    const preview = await startPreview(port, {
      state: { version: 0, ok: false, problems: [], message: 'first build in progress' },
      title: 'briefing',
      outputs: new Map(),
    });
    let watcher: ReturnType<typeof watchSource>;
    try {
      watcher = watchSource({
        sourcePath,
        kind: input === undefined ? 'module' : 'json',
        outDir,
        formats,
        paper,
        io,
        publish: (update) => preview.show(update),
        state: () => preview.content.state,
      });
    } catch (error) {
      await preview.close();
      throw error;
    }
    io.stdout(`watching ${relative(io.cwd, sourcePath) || sourcePath}\n`);
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
