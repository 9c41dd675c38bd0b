// The page a deck is converted in by Chromium: every slide of the HTML deck's engine stacked,
// one per screen and printed page, under a Content-Security-Policy that lets it load nothing;
// and what is done in it (opened, printed, read, captured slide by slide).
import { createHash } from 'node:crypto';
import { BriefingMarp } from '@briefing/slides';
import type { Browser, Page } from 'puppeteer-core';
import { escapeHtml } from '../edge/html.js';
import type { SlidesPdfAccessibility } from './slides-pdf-a11y/index.js';

/** Every slide of the page. */
export const SLIDE = 'div.marpit > svg[data-marpit-svg]';

/**
 * The Content-Security-Policy of the page the deck is converted in: inline styles, images and
 * fonts from data: URLs, and only the inline scripts named by their hashes (Marp's own).
 */
export function deckCsp(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src ${hashes.length ? [...new Set(hashes)].join(' ') : "'none'"}`;
}

/** The deck rendered by the HTML deck's engine: one page of stacked slides, its size and notes. */
export function deckPage(markdown: string, lang: string, title?: string) {
  const { html, css, comments } = new BriefingMarp().render(markdown);
  const size = /<svg data-marpit-svg="[^"]*" viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(html);
  if (!size) throw new Error('the Marp engine rendered no slide');
  const width = Number(size[1]);
  const height = Number(size[2]);
  const page = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    // An allow-list of what the deck may load: its own inline styles, and images and fonts
    // from data: URLs (the embedded faces, the chart). Nothing from the network or the disk.
    `<meta http-equiv="Content-Security-Policy" content="${deckCsp(html)}">`,
    title ? `<title>${escapeHtml(title)}</title>` : '',
    `<style>${css}</style>`,
    // One slide per screen and per printed page, whatever the media type.
    `<style>html,body{margin:0;padding:0}${SLIDE}{display:block;width:${width}px;height:${height}px}</style>`,
    `</head><body>${html}</body></html>`,
  ].join('');
  return { page, width, height, notes: comments.map((c) => c.join('\n\n')) };
}

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

/**
 * Open the deck in a new page at the slide size, fonts loaded, with print styles. The deck is
 * self-contained (fonts and chart inline): any request for a resource from the network or the
 * file system is blocked and recorded in `blocked`, and the conversion then fails.
 */
export async function openDeck(
  browser: Browser,
  deck: ReturnType<typeof deckPage>,
  timeout: number,
  blocked: string[],
  opened: (page: Page) => void,
): Promise<Page> {
  const page = await browser.newPage();
  opened(page);
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
      // Answered or not, a browser stopped meanwhile has nothing left to continue.
      request.continue().catch(() => undefined);
      return;
    }
    blocked.push(url);
    request.abort('blockedbyclient').catch(() => undefined);
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
export async function slideImage(page: Page, index: number, height: number): Promise<Uint8Array> {
  await page.evaluate((y) => window.scrollTo(0, y), index * height);
  return await page.screenshot({ type: 'png', optimizeForSpeed: true, captureBeyondViewport: false });
}
