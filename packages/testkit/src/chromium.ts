import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BriefingMarp } from '@briefing/slides';
import { CHROMIUM_ARGS, findBrowser } from 'briefing/internal';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The CLI's browser lookup (CHROME_PATH, /usr/bin/chromium, then PATH), for scripts and benches. */
export { findBrowser };

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The browser for tests, or the reason there is none. On CI (CI=true) a missing browser is
 * an error, never a skip.
 */
export function browserOrReason(
  env: Record<string, string | undefined> = process.env,
  fixedPaths?: readonly string[],
): { path: string } | { reason: string } {
  const path = findBrowser(env, fixedPaths ? { fixedPaths } : {});
  if (path) return { path };
  const reason = 'no Chromium found (set CHROME_PATH or apt-get install chromium)';
  if (env.CI === 'true') throw new Error(`CI=true but ${reason}: browser tests must not be skipped on CI`);
  return { reason };
}

/** Launch headless Chromium with a fresh profile directory (removed on close). */
export async function launchChromium(executablePath: string): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'briefing-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // As the CLI does: no DevTools port, and Chromium dies with the test process.
    pipe: true,
    args: [...CHROMIUM_ARGS],
    userDataDir,
    defaultViewport: { width: 1280, height: 720 },
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Every slide rendered by the deck's engine and theme, stacked on one page (for measuring). */
export function slidesPage(markdown: string): string {
  const { html, css } = new BriefingMarp({ script: false }).render(markdown);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}${css}</style></head><body>${html}</body></html>`;
}

export interface OverflowProblem {
  slide: number;
  what: string;
}

/**
 * Overflow of every slide on the page: a section whose content is taller or wider than its
 * box, or any descendant whose box leaves the section's content area (padding excluded, so
 * content may not run into the footer or page number either).
 */
export async function findOverflow(page: Page): Promise<OverflowProblem[]> {
  return await page.evaluate(() => {
    const problems: { slide: number; what: string }[] = [];
    const sections = document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section');
    sections.forEach((section, index) => {
      const slide = index + 1;
      const s = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const box = {
        left: s.left + Number.parseFloat(style.paddingLeft) - 1,
        right: s.right - Number.parseFloat(style.paddingRight) + 1,
        top: s.top + Math.min(Number.parseFloat(style.paddingTop), 20) - 1,
        bottom: s.bottom - Number.parseFloat(style.paddingBottom) + 1,
      };
      if (section.scrollHeight > section.clientHeight + 1) {
        problems.push({ slide, what: `scrollHeight ${section.scrollHeight} > clientHeight ${section.clientHeight}` });
      }
      if (section.scrollWidth > section.clientWidth + 1) {
        problems.push({ slide, what: `scrollWidth ${section.scrollWidth} > clientWidth ${section.clientWidth}` });
      }
      for (const el of section.querySelectorAll('*')) {
        if (el.closest('footer') || el.tagName === 'FOOTER') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom) {
          const text = (el.textContent ?? '').slice(0, 40);
          problems.push({
            slide,
            what: `<${el.tagName.toLowerCase()}> "${text}" at [${Math.round(r.left - s.left)},${Math.round(r.top - s.top)},${Math.round(r.right - s.left)},${Math.round(r.bottom - s.top)}] leaves the content box`,
          });
        }
      }
    });
    return problems;
  });
}

/** Load a deck's Markdown as stacked slides and return its overflow problems and slide count. */
export async function measureDeck(
  browser: Browser,
  markdown: string,
): Promise<{ slides: number; problems: OverflowProblem[] }> {
  const page = await browser.newPage();
  try {
    await page.setContent(slidesPage(markdown), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const slides = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (s) => s.length);
    return { slides, problems: await findOverflow(page) };
  } finally {
    await page.close();
  }
}

/** Where a slide's content sits in Chromium: how full its content box is, and the gaps around it. */
export interface SlideGeometry {
  slide: number;
  classes: string[];
  /** Height of the content (heading to last element) over the content box's height. */
  fill: number;
  /** Space above the first element and below the last one, inside the content box, in px. */
  above: number;
  below: number;
  /** Texts (of those asked for) that Chromium broke over more than one line. */
  broken: string[];
}

/**
 * Measure every slide of a deck in Chromium (see SlideGeometry). `unbroken` lists strings that
 * must each stay on one line wherever they occur (dates, names).
 */
export async function slideGeometry(
  browser: Browser,
  markdown: string,
  unbroken: readonly string[] = [],
): Promise<SlideGeometry[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(slidesPage(markdown), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.evaluate((unbroken: readonly string[]) => {
      const sections = [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')];
      return sections.map((section, index) => {
        const s = section.getBoundingClientRect();
        const style = getComputedStyle(section);
        const top = s.top + Number.parseFloat(style.paddingTop);
        const bottom = s.bottom - Number.parseFloat(style.paddingBottom);
        const children = [...section.children].filter((el) => el.tagName !== 'FOOTER' && el.tagName !== 'HEADER');
        const rects = children.map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0);
        const first = Math.min(...rects.map((r) => r.top));
        const last = Math.max(...rects.map((r) => r.bottom));
        const broken: string[] = [];
        const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const wanted of unbroken) {
            // The wanted string may be written with non-breaking spaces.
            const at = text.replace(/\u00a0/gu, ' ').indexOf(wanted);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(wanted);
          }
        }
        return {
          slide: index + 1,
          classes: [...section.classList],
          fill: rects.length > 0 ? (last - top) / (bottom - top) : 0,
          above: rects.length > 0 ? first - top : 0,
          below: rects.length > 0 ? bottom - last : 0,
          broken,
        };
      });
    }, unbroken);
  } finally {
    await page.close();
  }
}
