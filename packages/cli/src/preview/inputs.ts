// What each output is made from, so that watch makes again only the outputs whose inputs
// changed: an edit to a speaker note remakes the decks, not the PDF briefing; an edit to a
// table cell remakes both. A key is a string: equal keys, equal outputs.
import type { Report } from '@briefing/content';
import { FORMATS, type Format } from '../edge/formats.js';
import { convertOptions } from '../outputs/outputs.js';

/**
 * The fields the PDF briefing never shows: the deck's own lines. A section's `point` (its
 * slides' heading), its speaker `notes`, and the `onScreen` line of a paragraph, a list, an
 * item or a callout. (test/inputs.test.ts checks that changing them leaves the PDF's bytes
 * as they were.)
 */
const DECK_ONLY_SECTION = new Set(['point', 'notes']);
const DECK_ONLY = 'onScreen';

/** The report as the PDF briefing reads it: without the deck's own fields. */
export function pdfInput(report: Report): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== DECK_ONLY)
        .map(([key, v]) => [key, strip(v)]),
    );
  };
  return {
    ...report,
    sections: report.sections.map((section) =>
      strip(Object.fromEntries(Object.entries(section).filter(([key]) => !DECK_ONLY_SECTION.has(key)))),
    ),
  };
}

export interface InputOptions {
  paper: 'a4' | 'letter';
  sourceDateEpoch?: number | undefined;
  /** The deck's Markdown (renderDeck of the report): what every deck format is made from. */
  markdown: string;
}

/**
 * The inputs of each format, as a key: the PDF briefing's are the report without the deck's
 * own fields, and the paper; the Markdown deck's are the Markdown; the HTML deck's the
 * Markdown and the language; the browser's formats the Markdown and what the conversion is
 * told of the report. A format made some other way has a key that never repeats: it is
 * always made again.
 */
export function inputKeys(report: Report, formats: readonly Format[], options: InputOptions): Map<Format, string> {
  const keys = new Map<Format, string>();
  let pdf: string | undefined;
  let browser: string | undefined;
  for (const format of formats) {
    const by: string = FORMATS[format].produce.by;
    if (by === 'pdf') pdf ??= JSON.stringify([options.paper, options.sourceDateEpoch, pdfInput(report)]);
    else if (by === 'browser')
      browser ??= JSON.stringify([options.markdown, convertOptions(report, options.sourceDateEpoch)]);
    keys.set(
      format,
      by === 'pdf'
        ? (pdf as string)
        : by === 'markdown'
          ? options.markdown
          : by === 'marp-cli'
            ? JSON.stringify([report.meta.lang, options.markdown])
            : by === 'browser'
              ? (browser as string)
              : `${format} ${performance.now()} ${Math.random()}`,
    );
  }
  return keys;
}
