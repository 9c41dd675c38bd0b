import type { Report } from '@briefing/content';
import { renderPdf } from '@briefing/pdf';
import { renderDeck } from '@briefing/slides';
import { renderDeckHtml } from './deck-html.js';
import { convertDeck } from './marp.js';

/** Every output `briefing build` can make, in build order. */
export const FORMATS = {
  pdf: { file: 'briefing.pdf', what: 'PDF briefing', browser: false },
  md: { file: 'slides.md', what: 'Marp Markdown deck', browser: false },
  html: { file: 'slides.html', what: 'HTML deck with presenter view', browser: false },
  'slides-pdf': { file: 'slides.pdf', what: 'PDF of the slides', browser: true },
  pptx: { file: 'slides.pptx', what: 'PowerPoint deck (images + notes)', browser: true },
} as const;

export type Format = keyof typeof FORMATS;
export const ALL_FORMATS = Object.keys(FORMATS) as Format[];

/** `pdf`, `slides.pdf`, `slides-pdf`, `briefing.pdf`...: what a user may type after --format. */
export function parseFormat(name: string): Format | undefined {
  const n = name.trim().toLowerCase();
  if (n in FORMATS) return n as Format;
  const byFile = ALL_FORMATS.find((f) => FORMATS[f].file === n);
  return byFile;
}

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
 * Render the requested formats one after another, yielding each as soon as it is ready.
 * Pure with respect to files: the caller decides where (and whether) to write.
 */
export async function* produce(report: Report, formats: readonly Format[], options: BuildOptions) {
  let markdown: string | undefined;
  const deck = () => {
    markdown ??= renderDeck(report);
    return markdown;
  };
  const { signal } = options;
  const timed = async (format: Format, make: () => Promise<Uint8Array | string> | Uint8Array | string) => {
    signal?.throwIfAborted();
    const start = performance.now();
    const data = await make();
    return { format, file: FORMATS[format].file, data, ms: performance.now() - start } satisfies Produced;
  };

  const want = new Set(formats);
  if (want.has('pdf'))
    yield await timed('pdf', () =>
      renderPdf(report, {
        paper: options.paper,
        ...(options.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: options.sourceDateEpoch }),
      }),
    );
  if (want.has('md')) yield await timed('md', deck);
  if (want.has('html')) yield await timed('html', () => renderDeckHtml(report, { signal }));

  const browserFormats = (['slides-pdf', 'pptx'] as const).filter((f) => want.has(f));
  if (browserFormats.length > 0 && options.browserPath) {
    signal?.throwIfAborted();
    // One browser session converts both formats; the time is shared between them.
    const start = performance.now();
    const converted = await convertDeck(
      deck(),
      browserFormats.map((f) => (f === 'slides-pdf' ? 'pdf' : 'pptx')),
      {
        browserPath: options.browserPath,
        signal,
        lang: report.meta.lang,
        title: report.meta.title,
        // The slides' PDF carries the report's date (or SOURCE_DATE_EPOCH), not the build time.
        date:
          options.sourceDateEpoch === undefined
            ? report.meta.date
            : new Date(options.sourceDateEpoch * 1000).toISOString().slice(0, 10),
      },
    );
    const ms = (performance.now() - start) / browserFormats.length;
    for (const format of browserFormats) {
      const data = format === 'slides-pdf' ? converted.pdf : converted.pptx;
      if (!data) throw new Error(`the browser conversion produced no ${FORMATS[format].file}`);
      yield { format, file: FORMATS[format].file, data, ms } satisfies Produced;
    }
  }
}
