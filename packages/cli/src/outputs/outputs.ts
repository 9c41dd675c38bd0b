import { chartAltText, fixedDate, type Report } from '@briefing/content';
import type { DeckPlan, FaceSetName } from '@briefing/slides';
import type { Converted, DeckConverter } from '../browser/marp.js';
import { FORMATS, type Format } from '../edge/formats.js';
import { type Env, processEnv } from '../edge/io.js';

// The renderers and the browser are loaded when an output first needs them, not with this
// module: each costs a good part of a second of CPU to load (the Marp engine with MathJax,
// pdfkit, pptxgenjs, Puppeteer), and a build of the PDF briefing alone needs none of the deck's.
const slides = () => import('@briefing/slides');

export interface BuildOptions {
  paper: 'a4' | 'letter';
  /** Path of the Chromium to drive; browser formats are only produced with one. */
  browserPath?: string | undefined;
  /** How long that Chromium may take to start and to answer each request, in seconds (BRIEFING_BROWSER_TIMEOUT). */
  browserTimeout?: number | undefined;
  /** Fixed timestamp for reproducible files (SOURCE_DATE_EPOCH); the report's date otherwise. */
  sourceDateEpoch?: number | undefined;
  /** Stops the build between outputs and around the HTML deck's conversion, and kills a running browser at once. */
  signal?: AbortSignal | undefined;
  /**
   * A browser session to convert in, kept by the caller between builds (watch); without one,
   * the build starts Chromium at `browserPath` for its browser formats and closes it after.
   */
  browser?: DeckConverter | undefined;
  /** The report's deck, when the caller has one (deckOf the same report): planned once for every use. */
  deck?: Deck | undefined;
  /** The environment a browser started for this build runs in (the command's `io.env`); the process's by default. */
  env?: Env | undefined;
  /** An organisation's template for slides.pptx (the bytes of a .pptx or .potx). */
  pptxTemplate?: Uint8Array | undefined;
  /** Told what an output could not do as asked (a template face the deck cannot measure). */
  onWarning?: ((message: string) => void) | undefined;
  /** What renders the PDF briefing: renderPdf, or the same on a thread of its own (watch). */
  renderPdf?: typeof import('@briefing/pdf').renderPdf | undefined;
}

/**
 * A report's deck, planned and serialised once, when first asked for: the Markdown, the HTML
 * deck, the slides' PDF and the PPTX of one build are all made from one plan, and the caller
 * reads the same plan afterwards (the talk's length, the preview's slide map).
 */
export interface Deck {
  plan(): Promise<DeckPlan>;
  markdown(): Promise<string>;
  /** The PPTX's plan: laid out for the faces it names, with room for a substitute (planPptx). */
  pptxPlan(): Promise<DeckPlan>;
}

export interface DeckChoices {
  /** The faces the PPTX names (--pptx-faces; default: office). */
  pptxFaces?: FaceSetName | undefined;
  /** The template the PPTX is built on (--pptx-template): its plan is laid out for its body area and faces. */
  pptxTemplate?: Uint8Array | undefined;
}

/** A deck that loads the slides package only when first asked for (a PDF-only build never is). */
export function deckOf(report: Report, choices: DeckChoices = {}): Deck {
  let plan: Promise<DeckPlan> | undefined;
  let pptx: Promise<DeckPlan> | undefined;
  let markdown: Promise<string> | undefined;
  const deck: Deck = {
    plan: () => {
      plan ??= slides().then((s) => s.planDeck(report));
      return plan;
    },
    pptxPlan: () => {
      pptx ??= slides().then((s) =>
        s.planPptx(report, {
          ...(choices.pptxFaces ? { faces: choices.pptxFaces } : {}),
          ...(choices.pptxTemplate ? { template: choices.pptxTemplate } : {}),
        }),
      );
      return pptx;
    },
    markdown: () => {
      markdown ??= Promise.all([slides(), deck.plan()]).then(([s, p]) => s.deckMarkdown(p));
      return markdown;
    },
  };
  return deck;
}

export interface Produced {
  format: Format;
  file: string;
  data: Uint8Array | string;
  /**
   * Time spent making this output alone. The browser formats share a browser and a page: the
   * first of them made also carries starting the browser and opening the deck in it.
   */
  ms: number;
}

/**
 * Render the requested formats one after another, in the table's order, yielding each as
 * soon as it is ready. Each is made the way FORMATS says; the browser formats of one build
 * share one Chromium session. Pure with respect to files: the caller decides where (and
 * whether) to write.
 */
export async function* produce(report: Report, formats: readonly Format[], options: BuildOptions) {
  const source = options.deck ?? deckOf(report);
  const deck = () => source.markdown();
  const { signal } = options;
  const want = (Object.keys(FORMATS) as Format[]).filter((f) => formats.includes(f));
  const browserFormats = want.filter((f) => FORMATS[f].produce.by === 'browser');
  let converted: Converted | undefined;
  let openCharged = false;

  for (const format of want) {
    signal?.throwIfAborted();
    const how = FORMATS[format].produce;
    const file = FORMATS[format].file;
    const start = performance.now();
    switch (how.by) {
      case 'pdf': {
        const render = options.renderPdf ?? (await import('@briefing/pdf')).renderPdf;
        const data = await render(report, {
          paper: options.paper,
          ...(options.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: options.sourceDateEpoch }),
        });
        yield { format, file, data, ms: performance.now() - start } satisfies Produced;
        break;
      }
      case 'markdown':
        yield { format, file, data: await deck(), ms: performance.now() - start } satisfies Produced;
        break;
      case 'marp-cli': {
        const { renderDeckHtml } = await import('../browser/deck-html.js');
        const data = await renderDeckHtml(report, { signal, markdown: await deck() });
        yield { format, file, data, ms: performance.now() - start } satisfies Produced;
        break;
      }
      case 'pptx': {
        // The editable PowerPoint, from its own plan (its faces, room for a substitute); dated as the PDFs are.
        const { renderPptx } = await slides();
        const data = await renderPptx(await source.pptxPlan(), {
          date: report.meta.date,
          ...(options.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: options.sourceDateEpoch }),
          ...(options.pptxTemplate ? { template: options.pptxTemplate } : {}),
          ...(options.onWarning ? { onWarning: options.onWarning } : {}),
        });
        yield { format, file, data, ms: performance.now() - start } satisfies Produced;
        break;
      }
      case 'browser': {
        if (!options.browserPath && !options.browser) break;
        // One browser session converts every browser format, in one page.
        converted ??= await convertInBrowser(report, await deck(), browserFormats, options);
        const data = converted[how.as];
        if (!data) throw new Error(`the browser conversion produced no ${file}`);
        // Its own time, and, for the first browser format, starting the browser and opening the deck.
        const ms = (converted.times[how.as] ?? 0) + (openCharged ? 0 : converted.times.open);
        openCharged = true;
        yield { format, file, data, ms } satisfies Produced;
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
  options: BuildOptions,
): Promise<Converted> {
  const as = formats.flatMap((f) => {
    const how = FORMATS[f].produce;
    return how.by === 'browser' ? [how.as] : [];
  });
  const converting = { ...convertOptions(report, options.sourceDateEpoch), signal: options.signal };
  if (options.browser) return await options.browser.convert(markdown, as, converting);
  const { DeckBrowser } = await import('../browser/marp.js');
  const session = new DeckBrowser(options.browserPath ?? '', {
    timeoutSeconds: options.browserTimeout,
    env: options.env ?? processEnv(),
  });
  try {
    return await session.convert(markdown, as, converting);
  } finally {
    await session.close();
  }
}

/**
 * What the browser conversion needs of the report beyond the deck's Markdown: the same for the
 * same report, so watch can tell whether the slides' PDF and PPTX must be made again.
 */
export function convertOptions(report: Report, sourceDateEpoch: number | undefined) {
  return {
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
    // The slides' PDF and picture PPTX carry the instant every output carries (fixedDate: the
    // exact SOURCE_DATE_EPOCH, else the report's date), not the build time.
    date: fixedDate(report.meta.date, sourceDateEpoch),
  };
}
