// Why one browser session: marp-cli converts one format per run and starts a browser for
// each, so PDF + PPTX used to be two marp-cli runs side by side (two browsers, and the PPTX
// run printing the deck once more for its images). Here the deck is rendered in-process by the
// HTML deck's engine (BriefingMarp: same theme, embedded fonts, chart plugin, HTML off), loaded
// once into one headless Chromium page, printed to PDF and screenshotted slide by slide for
// the PPTX in that same page. Measured with packages/slides/bench/deck.bench.ts (26 slides,
// 2 cores, medians): PDF + PPTX 6.7 s before, 2.3 s now, against 2.4 s for a bare
// `marp --pdf` (ratio 2.71 before, 0.97 now); PDF alone 2.3 s before, 0.7 s now.

import { rmSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS } from './browser.js';
import { deckPage, SLIDE } from './deck-page.js';
import { CliError, EXIT } from './errors.js';
import { buildPptx } from './pptx.js';
import { accessibleSlidesPdf, type SlidesPdfAccessibility } from './slides-pdf-a11y.js';
import { processTempDir, removeStaleTemp } from './temp.js';

/** How Chromium prints the deck: a page per slide at the slide's size, tagged, with an outline. */
export function printOptions(deck: { width: number; height: number }) {
  return {
    width: `${deck.width}px`,
    height: `${deck.height}px`,
    printBackground: true,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    tagged: true,
    outline: true,
  };
}

export type BrowserFormat = 'pdf' | 'pptx';

export interface ConvertDeckOptions {
  /** Chromium executable (from findBrowser); nothing here looks for or downloads one itself. */
  browserPath: string;
  /** BCP 47 language of the deck (report.meta.lang): `<html lang>` and the browser locale. */
  lang: string;
  /**
   * The report's date (YYYY-MM-DD, report.meta.date): stamped as the PDF's CreationDate and
   * ModDate and the PPTX's created/modified dates instead of the conversion time, which makes
   * both byte-for-byte reproducible.
   */
  date?: string;
  /** Timeout for starting the browser and for each page operation, in seconds (default 60). */
  timeoutSeconds?: number;
  /** Document title of the PDF and PPTX (report.meta.title); the deck's first heading otherwise. */
  title?: string;
  /** Stops the conversion: the browser is killed, its profile removed, and the promise rejects. */
  signal?: AbortSignal | undefined;
  /**
   * What the PDF says about itself beyond title, language and date (report.meta: authors,
   * subject, keywords) and each chart's description in deck order (chartAltText), for its
   * accessibility pass (slides-pdf-a11y.ts). The links' texts and the headings come from the page.
   */
  pdfDescription?: Pick<SlidesPdfAccessibility, 'authors' | 'subject' | 'keywords' | 'chartAlt'> | undefined;
}

/** The error a conversion stopped by its signal rejects with. */
export class ConversionAborted extends Error {
  constructor() {
    super('the browser conversion was stopped');
    this.name = 'AbortError';
  }
}

/** A POSIX locale name for a BCP 47 tag: en-GB → en_GB.UTF-8. */
export function localeOf(lang: string): string {
  const [language, region] = lang.split('-');
  return `${language}${region && /^[A-Za-z]{2}$/.test(region) ? `_${region.toUpperCase()}` : ''}.UTF-8`;
}

/**
 * The address in Chromium's console message for a load it refused (a CSP violation or a local
 * file from a web page), if the message is one of those.
 */
export function refusedLoad(message: string): string | undefined {
  return (
    /^Not allowed to load local resource: (\S+)/.exec(message)?.[1] ??
    /^(?:Loading|Refused to load) the [\w ]+ '([^']+)'.*Content Security Policy/.exec(message)?.[1]
  );
}

async function launch(options: ConvertDeckOptions, userDataDir: string, timeout: number): Promise<Browser> {
  const locale = localeOf(options.lang);
  return await puppeteer.launch({
    executablePath: options.browserPath,
    headless: true,
    // DevTools over the process's own pipes, never a TCP port: no port is ever open, and
    // Chromium exits when its pipes close, that is when this process dies however it dies.
    pipe: true,
    // Stop requests are this process's to handle (bin.ts aborts the build, which kills the
    // browser and cleans up); puppeteer's own handlers would exit at once and skip that.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // A stop while Chromium is still starting kills it at once; the `browser` the stop
    // handler below kills exists only once the launch has finished.
    signal: options.signal,
    args: [...CHROMIUM_ARGS, `--lang=${options.lang}`],
    userDataDir,
    timeout,
    protocolTimeout: timeout,
    env: { ...process.env, LC_ALL: locale, LANG: locale, LANGUAGE: options.lang.replace('-', '_') },
  });
}

/**
 * Open the deck in a new page at the slide size, fonts loaded, with print styles. The deck is
 * self-contained (fonts and chart inline): any request for a resource from the network or the
 * file system is blocked and recorded in `blocked`, and the conversion then fails.
 */
async function openDeck(
  browser: Browser,
  deck: ReturnType<typeof deckPage>,
  timeout: number,
  blocked: string[],
): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  // What the page's policy refuses, Chromium reports on the console; anything else that would
  // still reach the network is stopped by request interception. Either fails the conversion.
  page.on('console', (message) => {
    const refused = refusedLoad(message.text());
    if (refused !== undefined) blocked.push(refused);
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') {
      void request.continue();
      return;
    }
    blocked.push(url);
    void request.abort('blockedbyclient');
  });
  await page.setViewport({ width: deck.width, height: deck.height });
  await page.setContent(deck.page, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // The PDF's and the PPTX's slides look the same: print styles for both (as marp-cli does).
  await page.emulateMediaType('print');
  return page;
}

/**
 * The page's links (address and text, or accessible name) and headings, in document order:
 * what the PDF's link annotations and bookmarks are described with.
 */
export async function pageText(page: Page): Promise<Pick<SlidesPdfAccessibility, 'links' | 'headings'>> {
  return await page.evaluate(() => ({
    links: [...document.querySelectorAll('a[href]')].map((a) => ({
      href: a instanceof HTMLAnchorElement ? a.href : (a.getAttribute('href') ?? ''),
      text: a.getAttribute('aria-label') || a.textContent || '',
    })),
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.textContent ?? ''),
  }));
}

/** Slide `index` as a PNG: scrolled into the one-slide viewport and captured. */
async function slideImage(page: Page, index: number, height: number): Promise<Uint8Array> {
  await page.evaluate((y) => window.scrollTo(0, y), index * height);
  return await page.screenshot({ type: 'png', optimizeForSpeed: true, captureBeyondViewport: false });
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

type SessionOptions = Omit<ConvertDeckOptions, 'browserPath'>;

/** What converts decks: a DeckBrowser (tests put a stand-in in its place). */
export interface DeckConverter {
  convert(markdown: string, formats: readonly BrowserFormat[], options: SessionOptions): Promise<Converted>;
}

/**
 * One Chromium that converts deck after deck: `briefing watch` keeps it between rebuilds, so a
 * rebuild of the slides' PDF or PPTX pays for a new page, not for a browser start. A build
 * uses one for a single conversion (convertDeck). The browser starts on the first conversion
 * and again after a failure or a change of language (its locale is set at launch); `close()`
 * ends it and removes its profile.
 */
export class DeckBrowser implements DeckConverter {
  #browser: Browser | undefined;
  #lang: string | undefined;
  #userDataDir: string | undefined;

  constructor(readonly browserPath: string) {}

  /** Whether a browser is running now (started by an earlier conversion and not closed since). */
  get running(): boolean {
    return this.#browser?.connected === true;
  }

  /**
   * Convert Marp Markdown to PDF and/or PPTX (speaker notes included): the deck is rendered by
   * the HTML deck's engine and theme, loaded into a new page, printed to PDF (tagged, with a
   * document outline, then given what PDF/UA asks for by slides-pdf-a11y.ts) and screenshotted
   * slide by slide for the PPTX. A stop (`signal`) kills the browser at once; the next
   * conversion starts another.
   */
  async convert(markdown: string, formats: readonly BrowserFormat[], options: SessionOptions): Promise<Converted> {
    const want = new Set(formats);
    const started = performance.now();
    if (want.size === 0) return { times: { open: 0 } };
    const { signal } = options;
    if (signal?.aborted) throw new ConversionAborted();
    const timeout = (options.timeoutSeconds ?? 60) * 1000;
    const deck = deckPage(markdown, options.lang, options.title);
    // Stopping kills the browser at once; whatever was awaiting it rejects.
    const stop = () => this.#kill();
    signal?.addEventListener('abort', stop, { once: true });
    const blocked: string[] = [];
    let page: Page | undefined;
    try {
      const browser = await this.#start(options, timeout);
      if (signal?.aborted) throw new ConversionAborted();
      page = await openDeck(browser, deck, timeout, blocked);
      const title =
        options.title ??
        (await page.evaluate(() => document.querySelector('section h1, section h2')?.textContent?.trim() || undefined));
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
        throw new Error(
          `the deck asked the browser for ${blocked.slice(0, 3).join(', ')}${blocked.length > 3 ? ` and ${blocked.length - 3} more` : ''}; a deck must load nothing while it is converted`,
        );
      return { ...(pdf ? { pdf } : {}), ...(pptx ? { pptx } : {}), times };
    } catch (error) {
      // A browser that failed once is not trusted with the next conversion.
      await this.close();
      if (signal?.aborted) throw new ConversionAborted();
      // The browser is part of the machine, not of the report: one line, exit 2.
      const first = ((error as Error).message ?? String(error)).split('\n')[0];
      throw new CliError(`briefing: the browser conversion (${this.browserPath}) failed: ${first}`, EXIT.usage);
    } finally {
      signal?.removeEventListener('abort', stop);
      await page?.close().catch(() => undefined);
    }
  }

  /** The running browser, or a new one (for this language: its locale is set at launch). */
  async #start(options: SessionOptions, timeout: number): Promise<Browser> {
    if (this.#browser?.connected && this.#lang === options.lang) return this.#browser;
    await this.close();
    removeStaleTemp();
    this.#userDataDir = processTempDir('chromium');
    this.#lang = options.lang;
    this.#browser = await launch({ ...options, browserPath: this.browserPath }, this.#userDataDir, timeout);
    return this.#browser;
  }

  #kill(): void {
    this.#browser?.process()?.kill('SIGKILL');
  }

  /** End the browser, if one is running, and remove its profile. */
  async close(): Promise<void> {
    const browser = this.#browser;
    const dir = this.#userDataDir;
    this.#browser = undefined;
    this.#userDataDir = undefined;
    await browser?.close().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
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
  const { browserPath, ...rest } = options;
  const session = new DeckBrowser(browserPath);
  try {
    return await session.convert(markdown, formats, rest);
  } finally {
    await session.close();
  }
}
