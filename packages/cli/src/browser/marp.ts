// Why one browser session: marp-cli converts one format per run and starts a browser for
// each, so PDF + PPTX used to be two marp-cli runs side by side (two browsers, and the PPTX
// run printing the deck once more for its images). Here the deck is rendered in-process by the
// HTML deck's engine (BriefingMarp: same theme, embedded fonts, chart plugin, HTML off), loaded
// once into one headless Chromium page, printed to PDF and screenshotted slide by slide for
// the PPTX in that same page. Measured with packages/slides/bench/deck.bench.ts (26 slides,
// 2 cores, medians): PDF + PPTX 6.7 s before, 2.3 s now, against 2.4 s for a bare
// `marp --pdf` (ratio 2.71 before, 0.97 now); PDF alone 2.3 s before, 0.7 s now.

import { type Browser, type Page, PuppeteerError } from 'puppeteer-core';
import { CliError, EXIT } from '../edge/errors.js';
import { type Env, processEnv } from '../edge/io.js';
import { removeStaleTemp } from '../edge/temp.js';
import { DEFAULT_BROWSER_TIMEOUT } from './browser.js';
import { BrowserClosed, Chromium, isTimeout, settled, timedOut, whenAborted } from './chromium.js';
import { SHORT_ROOT, sweepShortRoot } from './chromium-temp.js';
import { deckPage, openDeck, pageText, printOptions, SLIDE, slideImage } from './deck-page.js';
import { buildPptx } from './pptx.js';
import { accessibleSlidesPdf, type SlidesPdfAccessibility } from './slides-pdf-a11y/index.js';

export { localeOf } from './chromium.js';
export { pageText, printOptions, refusedLoad } from './deck-page.js';

export type BrowserFormat = 'pdf' | 'pptx';

export interface ConvertDeckOptions {
  /** Chromium executable (from findBrowser); nothing here looks for or downloads one itself. */
  browserPath: string;
  /** BCP 47 language of the deck (report.meta.lang): `<html lang>` and the browser locale. */
  lang: string;
  /**
   * The outputs' fixed date (fixedDate of the report's date and SOURCE_DATE_EPOCH): stamped as
   * the PDF's CreationDate and ModDate and the PPTX's created/modified dates instead of the
   * conversion time, which makes both byte-for-byte reproducible.
   */
  date?: Date;
  /** Document title of the PDF and PPTX (report.meta.title); the deck's first heading otherwise. */
  title?: string;
  /** Stops the conversion: the browser is killed, its profile removed, and the promise rejects. */
  signal?: AbortSignal | undefined;
  /**
   * What the PDF says about itself beyond title, language and date (report.meta: authors,
   * subject, keywords) and each chart's description in deck order (chartAltText), for its
   * accessibility pass (slides-pdf-a11y/). The links' texts and the headings come from the page.
   */
  pdfDescription?: Pick<SlidesPdfAccessibility, 'authors' | 'subject' | 'keywords' | 'chartAlt'> | undefined;
  /** How long the browser may take to start and to answer each request, in seconds (default 60). */
  timeoutSeconds?: number | undefined;
  /** The environment the browser starts in; the process's by default (commands pass `io.env`). */
  env?: Env | undefined;
}

/** The error a conversion stopped by its signal rejects with. */
export class ConversionAborted extends Error {
  constructor() {
    super('the browser conversion was stopped');
    this.name = 'AbortError';
  }
}

/** What a conversion spent its time on, in milliseconds. */
export interface ConvertTimes {
  /** Starting Chromium (0 when the session's browser was running already) and opening the deck in a page. */
  open: number;
  /** Printing the PDF and its accessibility pass. */
  pdf?: number;
  /** Capturing the slides and writing the PPTX. */
  pptx?: number;
}

export interface Converted {
  pdf?: Uint8Array;
  pptx?: Uint8Array;
  times: ConvertTimes;
}

type SessionOptions = Omit<ConvertDeckOptions, 'browserPath' | 'timeoutSeconds' | 'env'>;

/** How long a page may take to close before its browser is no longer trusted and is killed, in milliseconds. */
const PAGE_CLOSE = 2000;

/** What converts decks: a DeckBrowser (tests put a stand-in in its place). */
export interface DeckConverter {
  convert(markdown: string, formats: readonly BrowserFormat[], options: SessionOptions): Promise<Converted>;
}

/**
 * One Chromium that converts deck after deck: `briefing watch` keeps it between rebuilds, so a
 * rebuild of the slides' PDF or PPTX pays for a new page, not for a browser start. A build
 * uses one for a single conversion (convertDeck). The browser starts on the first conversion
 * and again after a failure or a change of language (its locale is set at launch); `close()`
 * ends it and removes its profile. No await on the browser is left unbounded: each request
 * has the timeout, a browser that exits ends the conversion at once with its exit code and
 * stderr, and the clean-up waits two seconds at most before killing it.
 */
export class DeckBrowser implements DeckConverter {
  #session: Chromium | undefined;
  #lang: string | undefined;
  readonly #timeout: number;
  readonly #env: Env;

  constructor(
    readonly browserPath: string,
    {
      timeoutSeconds = DEFAULT_BROWSER_TIMEOUT,
      env,
    }: {
      timeoutSeconds?: number | undefined;
      /** The environment the browser starts in: the command's `io.env`. */
      env: Env;
    },
  ) {
    this.#timeout = timeoutSeconds * 1000;
    this.#env = env;
  }

  /** Whether a browser is running now (started by an earlier conversion and not closed since). */
  get running(): boolean {
    return this.#session?.running === true;
  }

  /**
   * Convert Marp Markdown to PDF and/or PPTX (speaker notes included): the deck is rendered by
   * the HTML deck's engine and theme, loaded into a new page, printed to PDF (tagged, with a
   * document outline, then given what PDF/UA asks for by slides-pdf-a11y/) and screenshotted
   * slide by slide for the PPTX. A stop (`signal`) kills the browser and ends the conversion at
   * once; the next conversion starts another.
   */
  async convert(markdown: string, formats: readonly BrowserFormat[], options: SessionOptions): Promise<Converted> {
    const want = new Set(formats);
    const started = performance.now();
    if (want.size === 0) return { times: { open: 0 } };
    const { signal } = options;
    if (signal?.aborted) throw new ConversionAborted();
    const deck = deckPage(markdown, options.lang, options.title);
    // Stopping kills the browser at once, and whatever was awaiting it is given up.
    const kill = () => this.#session?.kill();
    signal?.addEventListener('abort', kill, { once: true });
    const stop = whenAborted(signal);
    let page: Page | undefined;
    let session: Chromium | undefined;
    try {
      session = await this.#start(options);
      const working = this.#convertIn(session.browser, deck, want, { ...options, started }, (p) => {
        page = p;
      });
      working.catch(() => undefined);
      const converted = await Promise.race([working, session.lost, stop.aborted]);
      await this.#closePage(page, session, stop.aborted);
      // A stop that came while the page closed stops the conversion all the same.
      if (signal?.aborted) throw new ConversionAborted();
      return converted;
    } catch (error) {
      // "Target closed" may come before the browser's exit, which says more.
      const exited = signal?.aborted ? undefined : await session?.exitError();
      // A browser that failed once is not trusted with the next conversion.
      await this.close();
      if (signal?.aborted) throw new ConversionAborted();
      throw exited ?? this.#explain(error);
    } finally {
      stop.dispose();
      signal?.removeEventListener('abort', kill);
    }
  }

  /**
   * Close a conversion's page. One whose close goes unanswered for two seconds (the browser died
   * meanwhile, or hangs) or fails takes its browser with it: puppeteer waits for the browser to
   * say the page is gone, with no timeout, and a browser killed just after answering never says it.
   */
  async #closePage(page: Page | undefined, session: Chromium, stopped: Promise<never>): Promise<void> {
    if (!page) return;
    let closed = false;
    const closing = page.close().then(() => {
      closed = true;
    });
    await settled(Promise.race([closing, session.lost, stopped]), PAGE_CLOSE);
    if (!closed || !session.running) await this.close();
  }

  #explain(error: unknown): unknown {
    return browserFailure(error, this.browserPath, this.#timeout);
  }

  async #convertIn(
    browser: Browser,
    deck: ReturnType<typeof deckPage>,
    want: ReadonlySet<BrowserFormat>,
    options: SessionOptions & { started: number },
    opened: (page: Page) => void,
  ): Promise<Converted> {
    const { started } = options;
    const timeout = this.#timeout;
    const blocked: string[] = [];
    const page = await openDeck(browser, deck, timeout, blocked, opened);
    const title =
      options.title ??
      // The first heading as read: its words are held together on a line by no-break spaces
      // (the plan's balanced lines), which a title does not keep.
      (await page.evaluate(
        () => document.querySelector('section h1, section h2')?.textContent?.replace(/\s+/gu, ' ').trim() || undefined,
      ));
    if (title && !options.title) await page.evaluate((t) => (document.title = t), title);
    const times: ConvertTimes = { open: performance.now() - started };

    let pdf: Uint8Array | undefined;
    if (want.has('pdf')) {
      const start = performance.now();
      const printed = await page.pdf({ ...printOptions(deck), timeout });
      // Chromium's tagged PDF lacks what PDF/UA asks for beyond its structure tree (XMP
      // identification, link descriptions, list bodies, artifacts...): the pass adds it, with
      // the links' texts and the headings as the page has them, and the fixed dates.
      const { links, headings } = await pageText(page);
      pdf = await accessibleSlidesPdf(printed, {
        ...options.pdfDescription,
        title: title ?? 'Slides',
        lang: options.lang,
        date: options.date,
        links,
        headings,
      });
      times.pdf = performance.now() - start;
    }
    // The PPTX's images come from the same page, one screenshot per slide. (Sharing them out
    // between two pages was no faster on two cores: the browser process does the capturing.)
    let pptx: Uint8Array | undefined;
    if (want.has('pptx')) {
      const start = performance.now();
      const images: Uint8Array[] = [];
      const count = await page.$$eval(SLIDE, (slides) => slides.length);
      for (let i = 0; i < count; i++) images.push(await slideImage(page, i, deck.height));
      if (blocked.length === 0) pptx = await buildPptx(images, deck.notes, deck, title, options.date);
      times.pptx = performance.now() - start;
    }
    if (blocked.length > 0)
      throw new CliError(
        `briefing: the browser conversion (${this.browserPath}) failed: the deck asked the browser for ${blocked.slice(0, 3).join(', ')}${blocked.length > 3 ? ` and ${blocked.length - 3} more` : ''}; a deck must load nothing while it is converted`,
        EXIT.usage,
      );
    return { ...(pdf ? { pdf } : {}), ...(pptx ? { pptx } : {}), times };
  }

  /** The running browser, or a new one (for this language: its locale is set at launch). */
  async #start(options: SessionOptions): Promise<Chromium> {
    if (this.#session?.running && this.#lang === options.lang) return this.#session;
    await this.close();
    removeStaleTemp();
    if (sweepShortRoot()) removeStaleTemp(SHORT_ROOT);
    this.#lang = options.lang;
    this.#session = await Chromium.start(this.browserPath, {
      lang: options.lang,
      timeout: this.#timeout,
      signal: options.signal,
      env: this.#env,
    });
    return this.#session;
  }

  /** End the browser, if one is running, and remove its profile: within about two seconds, whatever the browser does. */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    await session?.close();
  }
}

/**
 * A conversion's error as its cause says: what the browser did (puppeteer's errors: a protocol
 * error, a closed target or connection, a timeout) as one line with exit 2, since the browser
 * is part of the machine, not of the report; a CliError as it is; anything else (a TypeError
 * in the PDF's accessibility pass, in the PPTX's packaging) unchanged, for main to report as
 * the bug it is rather than as "the browser failed".
 */
export function browserFailure(error: unknown, browserPath: string, timeoutMs: number): unknown {
  if (error instanceof CliError) return error;
  if (isTimeout(error)) return timedOut(browserPath, timeoutMs);
  if (!(error instanceof PuppeteerError || error instanceof BrowserClosed)) return error;
  const first = (error.message ?? String(error)).split('\n')[0];
  return new CliError(`briefing: the browser conversion (${browserPath}) failed: ${first}`, EXIT.usage);
}

/**
 * Convert Marp Markdown to PDF and/or PPTX in one headless Chromium session of its own
 * (DeckBrowser.convert). The browser and its temporary profile are gone when this returns or
 * throws.
 */
export async function convertDeck(
  markdown: string,
  formats: readonly BrowserFormat[],
  options: ConvertDeckOptions,
): Promise<Converted> {
  const { browserPath, timeoutSeconds, env, ...rest } = options;
  const session = new DeckBrowser(browserPath, { timeoutSeconds, env: env ?? processEnv() });
  try {
    return await session.convert(markdown, formats, rest);
  } finally {
    await session.close();
  }
}
