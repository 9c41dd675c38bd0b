// The presenter-view HTML deck. It exists only in marp-cli's bespoke template, which marp-cli
// reaches only from files through its documented API (`marpCli(argv)`): the Markdown goes into
// a temp folder, marp-cli converts it in this process with the slides package's engine, and
// the HTML is read back. No child process, no browser. Measured with bench/run.ts on the
// briefing (2 busy cores, medians): 0.18-0.21 s a deck in-process (0.08 s at best), against
// 2.5-2.8 s for the marp-cli child process per render it replaced.

import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Report } from '@briefing/content';
import { type DeckOptions, renderDeck } from '@briefing/slides';
import { withConsoleCaptured } from '../edge/io.js';
import { processTempDir } from '../edge/temp.js';

export interface DeckHtmlOptions extends DeckOptions {
  /** Checked before and after the conversion (which takes about 0.1 s): a stopped build ends there. */
  signal?: AbortSignal | undefined;
  /** The deck's Markdown when the caller has it already: renderDeck of the same report and options. */
  markdown?: string | undefined;
}

/**
 * The module marp-cli loads as its `--engine`: the default export of `@briefing/slides/engine`
 * (BriefingMarp: theme, embedded fonts, chart and notes plugins, HTML off). From source
 * (tests, benchmarks, `npx briefing` before a build) that is the TypeScript file.
 */
export function deckEngineModule(): string {
  return createRequire(import.meta.url).resolve('@briefing/slides/engine');
}

// marp-cli calls run one at a time: each takes about 0.1 s, and one at a time the quieted
// console below is always put back as it was found.
let queue: Promise<unknown> = Promise.resolve();
let engineLoaded = false;

/** marp-cli's lines as the CLI may repeat them: uncoloured, without its `[ INFO ]` chatter. */
export function worthSaying(logged: readonly string[]): string[] {
  return logged
    .flatMap((entry) => entry.split('\n'))
    .map((line) => stripVTControlCharacters(line).trimEnd())
    .filter((line) => line.trim() !== '' && !/^\[\s*INFO\s*\]/.test(line));
}

/**
 * Run marp-cli's API once. It reports each conversion with an `[ INFO ]` line on
 * console.warn, and its errors and usage on console.error and console.log, and has no option
 * to stop that: the console is captured for the duration of the call only (io.ts's
 * withConsoleCaptured, the one place that touches the global console), and what is not
 * chatter becomes part of the error if the call fails.
 *
 * From source the engine is TypeScript, which Node's own `import()` (the one marp-cli uses)
 * cannot load: tsx's hooks are registered for the first call, until the engine is in Node's
 * module cache, and unregistered again.
 */
async function runMarpCli(argv: string[], engine: string): Promise<void> {
  const { marpCli } = await import('@marp-team/marp-cli');
  const unregister = !engineLoaded && engine.endsWith('.ts') ? (await import('tsx/esm/api')).register() : undefined;
  const logged: string[] = [];
  const said = () => {
    const lines = worthSaying(logged);
    return lines.length ? `\n${lines.join('\n')}` : '';
  };
  let code: number;
  try {
    code = await withConsoleCaptured(logged, () => marpCli(argv));
    engineLoaded = true;
  } catch (error) {
    throw new Error(`marp-cli failed: ${(error as Error).message}${said()}`);
  } finally {
    await unregister?.();
  }
  if (code !== 0) throw new Error(`marp-cli failed (exit ${code})${said()}`);
}

/**
 * Render a report into the self-contained HTML deck of marp-cli's bespoke template:
 * presenter view (press P), speaker notes, slide overview and navigation. `<html lang>` is
 * the report's language (front matter and marp-cli's `lang` setting). Takes a report already
 * validated (loadReport, or content's `assertReport`).
 */
export async function renderDeckHtml(report: Report, options: DeckHtmlOptions = {}): Promise<string> {
  const { signal, markdown: given, ...deckOptions } = options;
  signal?.throwIfAborted();
  const markdown = given ?? renderDeck(report, deckOptions);
  const engine = deckEngineModule();
  const run = queue.then(async () => {
    signal?.throwIfAborted();
    // Absolute, so that no argument marp-cli gets can read as an option (a TMPDIR of "-t").
    const dir = resolve(processTempDir('deck'));
    try {
      const config = join(dir, 'marp.config.json');
      const source = join(dir, 'slides.md');
      const output = join(dir, 'slides.html');
      // A config file of our own (so none of the user's is looked up) holding the language,
      // which marp-cli would otherwise ask the system's locale for.
      await writeFile(config, JSON.stringify({ lang: report.meta.lang }));
      await writeFile(source, markdown);
      await runMarpCli(['--config-file', config, '--engine', engine, '--no-html', source, '-o', output], engine);
      return await readFile(output, 'utf8');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  queue = run.catch(() => undefined);
  const html = await run;
  signal?.throwIfAborted();
  if (!html.startsWith('<!DOCTYPE html>')) throw new Error('marp-cli did not produce an HTML document');
  return html;
}
