import { join, resolve } from 'node:path';
import type { FaceSetName } from '@briefing/slides';
import { browserTimeout, findBrowser } from '../browser/browser.js';
import { defineCommand } from '../edge/command.js';
import { CliError, EXIT } from '../edge/errors.js';
import { ALL_FORMATS, DEFAULT_FORMATS, FORMATS, type Format, formatsHelp, parseFormat } from '../edge/formats.js';
import { shownPath } from '../edge/io.js';
import { readInput } from '../edge/read-input.js';
import { checkTempRoot, removeStaleTemp } from '../edge/temp.js';
import { chooseReport } from '../edge/workspace.js';
import { writeOutputs } from '../outputs/outdir.js';
import { deckOf, produce } from '../outputs/outputs.js';

const buildHelp = `Usage: briefing build [options]

Render the briefing into every output (or those named with --format) and write them
to the output folder as one set: every output is rendered first, then all are moved
into place together. A failed or interrupted build (Ctrl+C) leaves the earlier outputs
as they were, and an invalid report writes nothing. One build at a time per folder.

Options:
  -f, --format <list>   comma-separated formats or their file names (default: all)
  -i, --input <file>    report JSON to build (default: the packaged report)
  -r, --report <id>     the workspace's briefing reports/<id> (see briefing list)
  -o, --out <dir>       output folder (default: out, or reports/<id>/out with
                        --report); never / or a system folder
      --paper <size>    a4 or letter, for the PDF briefing (default: a4)
      --pptx-template <file>
                        build slides.pptx on an organisation's .pptx or .potx template
      --pptx-faces <set>  office (Georgia and Arial, on every PowerPoint) or design
                        (Inter and Source Serif 4, as the HTML deck), for slides.pptx
                        (default: office)
      --json            print one JSON object describing the build, nothing else
  -q, --quiet           print nothing but errors
  -h, --help            show this help

Formats:
${formatsHelp()}

Chromium comes from CHROME_PATH, or Debian's "apt-get install chromium". Without one the
formats that need it are skipped with a note; asked for by --format, that is an error (exit 2).
BRIEFING_BROWSER_TIMEOUT (seconds, default 60) bounds Chromium's start and each of its steps;
a Chromium that does not answer in time, or exits, fails the build (exit 2) saying why.

Exit codes: 0 built; 1 invalid report; 2 usage, I/O error, folder busy or no browser
for a requested format; 70 internal error (a bug: please report it); 130/143 stopped by
Ctrl+C/SIGTERM (outputs unchanged).
`;

const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);
const byteLength = (data: Uint8Array | string) =>
  typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;

export function parseFormats(value: string | undefined, command = 'build'): { formats: Format[]; explicit: boolean } {
  if (value === undefined) return { formats: [...DEFAULT_FORMATS], explicit: false };
  const formats: Format[] = [];
  for (const name of value.split(',').filter((n) => n.trim() !== '')) {
    const format = parseFormat(name);
    if (!format)
      throw new CliError(`briefing ${command}: unknown format "${name}" (formats: ${ALL_FORMATS.join(', ')})`);
    if (!formats.includes(format)) formats.push(format);
  }
  if (formats.length === 0) throw new CliError(`briefing ${command}: --format needs at least one format`);
  return { formats: ALL_FORMATS.filter((f) => formats.includes(f)), explicit: true };
}

/** `--paper`: a4 (the default) or letter. */
export function parsePaper(command: string, value: string | undefined): 'a4' | 'letter' {
  const paper = value ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter') {
    throw new CliError(`briefing ${command}: --paper must be a4 or letter, not "${paper}"`);
  }
  return paper;
}

/**
 * `--pptx-faces`: office (the default) or design. The slides package, which knows the sets,
 * is loaded only when the option is given: a build that makes no PPTX should not load it.
 */
export async function parsePptxFaces(command: string, value: string | undefined): Promise<FaceSetName> {
  if (value === undefined) return 'office';
  const { FACE_SETS } = await import('@briefing/slides');
  const known = FACE_SETS.find((f) => f === value);
  if (!known) throw new CliError(`briefing ${command}: --pptx-faces must be ${FACE_SETS.join(' or ')}, not "${value}"`);
  return known;
}

/**
 * What every output can stamp: MS-DOS dates (the PPTX's zip entries) hold 1980 to 2107, PDF
 * dates four-digit years. (fflate writes zip entries up to 2099: zipTime dates a later file's
 * entries 2099-12-31, its own dates stay exact.)
 */
const EPOCH_RANGE = { min: Date.UTC(1980, 0, 1) / 1000, max: Date.UTC(2108, 0, 1) / 1000 - 1 };

export function sourceDateEpoch(env: Record<string, string | undefined>): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new CliError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${raw}"`);
  const seconds = Number(raw);
  if (!(seconds >= EPOCH_RANGE.min && seconds <= EPOCH_RANGE.max))
    throw new CliError(
      `SOURCE_DATE_EPOCH must be a time from 1980 to 2107 (${EPOCH_RANGE.min} to ${EPOCH_RANGE.max}), not "${raw}"`,
    );
  return seconds;
}

/** The largest template read: a corporate template with its pictures is some megabytes. */
const TEMPLATE_BYTES = 256 * 1024 * 1024;

/** A template slides.pptx cannot be built on: exit 2, one line naming the file and what is wrong. */
async function* templateErrors<T>(outputs: AsyncGenerator<T>, path: string): AsyncGenerator<T> {
  try {
    yield* outputs;
  } catch (error) {
    // Only the PPTX on a template throws one (templateErrors wraps only a build with a template).
    const { PptxTemplateError } = await import('@briefing/slides');
    if (error instanceof PptxTemplateError) throw new CliError(`briefing build: ${path}: ${error.message}`, EXIT.usage);
    throw error;
  }
}

/** What build reaches outside the process for; tests swap in a machine without a browser. */
export interface BuildDeps {
  findBrowser: (env: Record<string, string | undefined>) => string | undefined;
}

/** The machine a build really runs on (tests swap in one without a browser). */
export const realDeps: BuildDeps = { findBrowser };

export const buildCommand = defineCommand({
  name: 'build',
  summary: 'render the PDF briefing and the slide deck (md, html, pdf, pptx)',
  help: buildHelp,
  options: {
    format: { type: 'string', short: 'f' },
    input: { type: 'string', short: 'i' },
    report: { type: 'string', short: 'r' },
    out: { type: 'string', short: 'o' },
    paper: { type: 'string' },
    'pptx-template': { type: 'string' },
    'pptx-faces': { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  deps: realDeps,
  async run(values, _positionals, io, deps) {
    const paper = parsePaper('build', values.paper);
    const pptxFaces = await parsePptxFaces('build', values['pptx-faces']);
    const { formats, explicit } = parseFormats(values.format);
    const json = values.json === true;
    const quiet = values.quiet === true || json;
    const say = (line: string) => {
      if (!quiet) io.stdout(`${line}\n`);
    };

    // Everything that can reject the input happens before anything is written.
    const { report, from, briefing } = await chooseReport('build', values, io);
    const outDir = resolve(io.cwd, values.out ?? briefing?.out ?? 'out');
    const epoch = sourceDateEpoch(io.env);
    const templatePath = values['pptx-template'];
    const pptxTemplate =
      templatePath === undefined
        ? undefined
        : await readInput(resolve(io.cwd, templatePath), templatePath, { signal: io.signal, maxBytes: TEMPLATE_BYTES });

    const needsBrowser = formats.filter((f) => FORMATS[f].browser);
    const browserPath = needsBrowser.length > 0 ? deps.findBrowser(io.env) : undefined;
    const timeout = browserPath ? browserTimeout(io.env) : undefined;
    const skipped: Format[] = [];
    if (needsBrowser.length > 0 && !browserPath) {
      const message = `no Chromium found for ${needsBrowser.map((f) => FORMATS[f].file).join(' and ')}: install it (apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary`;
      if (explicit) throw new CliError(`briefing build: ${message}`, EXIT.usage);
      skipped.push(...needsBrowser);
      if (!quiet) io.stderr(`note: skipping ${message}\n`);
    }

    const todo = formats.filter((f) => !skipped.includes(f));
    // The HTML deck (marp-cli's files) and the browser's formats (Chromium's profile) work in
    // the temp folder: a TMPDIR that is no folder stops the build before anything is made.
    if (todo.some((f) => ['marp-cli', 'browser'].includes(FORMATS[f].produce.by))) checkTempRoot();

    const shown = (path: string) => shownPath(io, path);
    say(`Building from ${from} into ${shown(outDir)}`);
    const started = performance.now();
    const written: { format: Format; path: string; bytes: number; ms: number }[] = [];
    // What builds killed earlier left in the temp folder (Chromium profiles, marp-cli files) goes first.
    removeStaleTemp();
    // The deck is planned once, by the first output that needs it, and read again for the talk.
    const deck = deckOf(report, { pptxFaces, pptxTemplate });
    // Every output is staged first; the folder takes the whole set at the end, or nothing.
    const { recovered, tookOver } = await writeOutputs(outDir, shown(outDir), async (stage) => {
      const options = {
        paper,
        browserPath,
        browserTimeout: timeout,
        sourceDateEpoch: epoch,
        signal: io.signal,
        deck,
        env: io.env,
        pptxTemplate,
        onWarning: (message: string) => {
          if (!quiet) io.stderr(`note: ${message}\n`);
        },
      };
      const produced = produce(report, todo, options);
      for await (const output of templatePath === undefined ? produced : templateErrors(produced, templatePath)) {
        const path = join(outDir, output.file);
        try {
          await stage.put(output.file, output.data);
        } catch (error) {
          if (error instanceof CliError) throw error;
          throw new CliError(`briefing build: cannot write ${shown(path)}: ${(error as Error).message}`, EXIT.usage);
        }
        const bytes = byteLength(output.data);
        written.push({ format: output.format, path, bytes, ms: output.ms });
        say(
          `  ${output.format.padEnd(10)} ${`${(output.ms / 1000).toFixed(2)} s`.padStart(8)} ${kb(bytes).padStart(10)}  ${shown(path)}`,
        );
      }
    });
    if (tookOver && !quiet) io.stderr(`note: ${tookOver}\n`);
    if (recovered.length > 0 && !quiet)
      io.stderr(`note: finished an interrupted build's update of ${recovered.join(', ')} first\n`);
    const total = (performance.now() - started) / 1000;
    say(
      `Built ${written.length} file${written.length === 1 ? '' : 's'} in ${total.toFixed(2)} s${skipped.length ? ` (skipped ${skipped.join(', ')}: no browser)` : ''}`,
    );
    // The deck's length as a talk, from its speaker notes.
    const talk = written.some((w) => w.format !== 'pdf') ? await deck.plan() : undefined;
    // The editable PowerPoint is planned for its own faces or template (a narrower body area
    // takes more slides): its count, where it differs from the deck's.
    const pptxSlides = written.some((w) => w.format === 'pptx') ? (await deck.pptxPlan()).slides.length : undefined;
    const inPptx = pptxSlides !== undefined && pptxSlides !== talk?.slides.length ? pptxSlides : undefined;
    if (talk) {
      say(
        `Slides: ${talk.slides.length}${inPptx === undefined ? '' : ` (${inPptx} in slides.pptx)`}, a talk of about ${talk.talk.minutes} min (${talk.talk.words} words of speaker notes)`,
      );
    }
    if (json) {
      io.stdout(
        `${JSON.stringify({
          ok: true,
          input: from,
          outDir,
          seconds: Number(total.toFixed(3)),
          outputs: written.map((w) => ({ ...w, ms: Math.round(w.ms) })),
          skipped,
          ...(talk
            ? {
                deck: {
                  slides: talk.slides.length,
                  ...(pptxSlides === undefined ? {} : { pptxSlides }),
                  minutes: talk.talk.minutes,
                  words: talk.talk.words,
                },
              }
            : {}),
        })}\n`,
      );
    }
    return EXIT.ok;
  },
});

/** `briefing build`; tests pass a machine without a browser as `deps`. */
export const build = buildCommand.run;
