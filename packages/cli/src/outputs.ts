import { chartAltText, type Report } from '@briefing/content';
import { renderPdf } from '@briefing/pdf';
import { renderDeck } from '@briefing/slides';
import { renderDeckHtml } from './deck-html.js';
import { FORMATS, type Format } from './formats.js';
import { type BrowserFormat, convertDeck } from './marp.js';

export interface BuildOptions {
  paper: 'a4' | 'letter';
  /** Path of the Chromium to drive; browser formats are only produced with one. */
  browserPath?: string | undefined;
  /** Fixed timestamp for reproducible files (SOURCE_DATE_EPOCH); the report's date otherwise. */
  sourceDateEpoch?: number | undefined;
  /** Stops the build between outputs and around the HTML deck's conversion, and kills a running browser at once. */
  signal?: AbortSignal | undefined;
}

export interface Produced {
  format: Format;
  file: string;
  data: Uint8Array | string;
  ms: number;
}

/**
 * Render the requested formats one after another, in the table's order, yielding each as
 * soon as it is ready. Each is made the way FORMATS says; the browser formats of one build
 * share one Chromium session. Pure with respect to files: the caller decides where (and
 * whether) to write.
 */
export async function* produce(report: Report, formats: readonly Format[], options: BuildOptions) {
  let markdown: string | undefined;
  const deck = () => {
    markdown ??= renderDeck(report);
    return markdown;
  };
  const { signal } = options;
  const want = (Object.keys(FORMATS) as Format[]).filter((f) => formats.includes(f));
  const browserFormats = want.filter((f) => FORMATS[f].produce.by === 'browser');
  let converted: { ms: number; files: Partial<Record<BrowserFormat, Uint8Array>> } | undefined;

  for (const format of want) {
    signal?.throwIfAborted();
    const how = FORMATS[format].produce;
    const file = FORMATS[format].file;
    const start = performance.now();
    switch (how.by) {
      case 'pdf': {
        const data = await renderPdf(report, {
          paper: options.paper,
          ...(options.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: options.sourceDateEpoch }),
        });
        yield { format, file, data, ms: performance.now() - start } satisfies Produced;
        break;
      }
      case 'markdown':
        yield { format, file, data: deck(), ms: performance.now() - start } satisfies Produced;
        break;
      case 'marp-cli': {
        const data = await renderDeckHtml(report, { signal });
        yield { format, file, data, ms: performance.now() - start } satisfies Produced;
        break;
      }
      case 'browser': {
        if (!options.browserPath) break;
        // One browser session converts every browser format; the time is shared between them.
        converted ??= await convertInBrowser(report, deck(), browserFormats, options.browserPath, options);
        const data = converted.files[how.as];
        if (!data) throw new Error(`the browser conversion produced no ${file}`);
        yield { format, file, data, ms: converted.ms } satisfies Produced;
        break;
      }
      default: {
        const unhandled: never = how;
        throw new Error(`no way to produce ${JSON.stringify(unhandled)}`);
      }
    }
  }
}

async function convertInBrowser(
  report: Report,
  markdown: string,
  formats: readonly Format[],
  browserPath: string,
  options: BuildOptions,
): Promise<{ ms: number; files: Partial<Record<BrowserFormat, Uint8Array>> }> {
  const start = performance.now();
  const as = formats.flatMap((f) => {
    const how = FORMATS[f].produce;
    return how.by === 'browser' ? [how.as] : [];
  });
  const files = await convertDeck(markdown, as, {
    browserPath,
    signal: options.signal,
    lang: report.meta.lang,
    title: report.meta.title,
    // Said as the PDF briefing says it (packages/pdf's Info dictionary).
    pdfDescription: {
      authors: report.meta.authors.length
        ? report.meta.authors.map((a) => a.name)
        : [report.meta.organisation?.name].filter((n) => n !== undefined),
      subject: report.meta.subtitle ?? report.meta.summary ?? report.meta.title,
      keywords: report.meta.keywords,
      chartAlt: report.sections
        .flatMap((s) => s.blocks)
        .flatMap((b) => (b.type === 'chart' ? [chartAltText(b, report.meta.lang)] : [])),
    },
    // The slides' PDF carries the report's date (or SOURCE_DATE_EPOCH), not the build time.
    date:
      options.sourceDateEpoch === undefined
        ? report.meta.date
        : new Date(options.sourceDateEpoch * 1000).toISOString().slice(0, 10),
  });
  return { ms: (performance.now() - start) / formats.length, files };
}
