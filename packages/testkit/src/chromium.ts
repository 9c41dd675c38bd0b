import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Browsers started for this process, by executable. */
const started = new Map<string, Promise<Browser>>();
/** Each one's folder (its profile and its temp folder), for the end, which may not wait. */
const folders = new Map<Browser, string>();

/** Headless Chromium with a fresh profile, as the CLI starts it, and its temp files in a folder of ours. */
async function start(executablePath: string): Promise<Browser> {
  const root = mkdtempSync(join(tmpdir(), 'briefing-chromium-'));
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // As the CLI does: no DevTools port, and Chromium dies with the test process.
    pipe: true,
    args: [...CHROMIUM_ARGS],
    userDataDir: join(root, 'profile'),
    // Chromium's org.chromium.Chromium.* folders, which a killed browser leaves behind.
    env: { ...process.env, TMPDIR: tmp },
    defaultViewport: { width: 1280, height: 720 },
    // Its end is this module's (see endAll).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  folders.set(browser, root);
  return browser;
}

/**
 * Kill a browser with everything it started (puppeteer makes it lead a process group), and
 * remove its folder once it has gone, or at once when `wait` is false (at the exit, where
 * nothing can be waited for).
 */
async function end(browser: Browser, wait = true): Promise<void> {
  const child = browser.process();
  if (child?.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
    if (wait && child.exitCode === null && child.signalCode === null)
      await new Promise((resolve) => {
        child.once('exit', resolve);
        setTimeout(resolve, 300);
      });
  }
  rmSync(folders.get(browser) ?? '', { recursive: true, force: true });
  folders.delete(browser);
}

/**
 * The shared browsers end with the process, folders and all: on the SIGTERM vitest stops a
 * worker with (Node's default for it exits with no 'exit' event; puppeteer's own handler
 * starts a graceful close and keeps the worker alive until vitest kills it, 500 ms later,
 * leaving the profile behind), after which the signal is raised again; and on any other exit.
 */
process.once('SIGTERM', () => {
  void Promise.all([...folders.keys()].map((browser) => end(browser))).finally(() =>
    process.kill(process.pid, 'SIGTERM'),
  );
});
process.once('exit', () => {
  for (const browser of [...folders.keys()]) void end(browser, false);
});

/**
 * Headless Chromium for a test: one browser per test process (a vitest worker runs file after
 * file), started on first use and kept, since each start cost about 0.6 s of CPU and a dozen
 * files and helpers asked for one. `close()` closes the pages (popups included) opened since
 * this call; the browser stays for the next file. A browser that died is started afresh.
 */
export async function launchChromium(executablePath: string): Promise<Chromium> {
  let starting = started.get(executablePath);
  const running = await starting?.catch(() => undefined);
  if (!running?.connected) {
    if (running) await end(running);
    starting = start(executablePath);
    started.set(executablePath, starting);
  }
  const browser = await (starting as Promise<Browser>);
  const before = new Set(await browser.pages());
  return {
    browser,
    async close() {
      const opened = (await browser.pages()).filter((page) => !before.has(page));
      await Promise.all(opened.map((page) => page.close().catch(() => undefined)));
    },
  };
}

/**
 * End the shared browsers now: for a script (not a test), which would otherwise wait on the
 * browser's pipes and never exit.
 */
export async function endChromium(): Promise<void> {
  await Promise.all([...folders.keys()].map((browser) => end(browser)));
  started.clear();
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
