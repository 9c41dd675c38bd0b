// The live preview as an author uses it: a real `briefing watch` on a JSON copy of the report,
// its page open in headless Chromium (puppeteer-core), the report edited on disk.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReportInput, reportInput } from '@briefing/content';
import { readPdf } from '@briefing/inspect';
import { getJson, repoRoot, spawnWatch, waitFor } from '@briefing/testkit';
import { browserOrReason, type Chromium, launchChromium } from '@briefing/testkit/chromium';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Status {
  version: number;
  ok: boolean;
  building: boolean;
  slides: string[];
  files: Record<string, string>;
}

/** `briefing watch` on a report file of its own. */
async function startWatch(report: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-preview-'));
  const file = join(dir, 'report.json');
  writeFileSync(file, JSON.stringify(report, null, 2));
  const { child, output } = spawnWatch(file, join(dir, 'out'));
  const log = () => output.stdout + output.stderr;
  const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000) =>
    waitFor(what, probe, { ms, log });
  const url = await until('the preview URL', () => /preview on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log())?.[1]);
  const status = () => getJson<Status>(`${url}status`);
  return {
    file,
    url,
    until,
    status,
    /** The report as it is on disk now, changed by `edit` and saved. */
    save(edit: (r: ReportInput) => void) {
      const r = JSON.parse(readFileSync(file, 'utf8')) as ReportInput;
      edit(r);
      writeFileSync(file, JSON.stringify(r, null, 2));
    },
    /** Build `version` (or a later one) has been shown and written. */
    settled: (version: number) =>
      until(`build ${version}`, async () => {
        const s = await status();
        return s.version >= version && !s.building ? s : undefined;
      }),
    stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
type Watch = Awaited<ReturnType<typeof startWatch>>;

/** Both panes showing a build: the deck's iframe loaded, the PDF's visible page drawn with its text. */
async function panesReady(page: Page) {
  await page.waitForFunction(
    `(() => {
      const frame = document.querySelector('#deck iframe:not(.loading)');
      return frame && frame.contentDocument && frame.contentDocument.querySelector('.bespoke-marp-active')
        && document.querySelector('#briefing .pdf .page .textLayer');
    })()`,
    { timeout: 60_000 },
  );
}

/** The boxes of the panes' contents (the deck's iframe, the PDF's scroller) and of the window. */
const boxes = (page: Page) =>
  page.evaluate(`(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, left: r.left, width: r.width, height: r.height }; };
    return {
      window: { width: innerWidth, height: innerHeight },
      header: box(document.querySelector('header')),
      deck: box(document.querySelector('#deck iframe:not(.loading)')),
      pdf: box(document.querySelector('#briefing .pdf')),
      problems: document.querySelector('#problems').hidden ? null : box(document.querySelector('#problems')),
    };
  })()`) as Promise<{
    window: { width: number; height: number };
    header: { height: number };
    deck: { top: number; left: number; width: number; height: number };
    pdf: { top: number; left: number; width: number; height: number };
    problems: { top: number; height: number } | null;
  }>;

/** The slide the deck pane shows (0-based), from its address. */
const paneSlide = (page: Page) =>
  page.evaluate(
    `Number(document.querySelector('#deck iframe:not(.loading)').contentWindow.location.hash.slice(1)) - 1`,
  ) as Promise<number>;

/**
 * Where a text is in the PDF pane, from page `from` (1-based) on: its page and how far below
 * the pane's top edge it is, in px; undefined while it is not drawn.
 */
const inPdfPane = (page: Page, text: string, from: number) =>
  page.evaluate(`(() => {
    const view = document.querySelector('#briefing .pdf');
    for (const p of [...view.querySelectorAll('.page')].slice(${from - 1})) {
      const span = [...p.querySelectorAll('.textLayer span')].find((s) => s.textContent.includes(${JSON.stringify(text)}));
      if (span) return { page: Number(p.dataset.page), below: span.getBoundingClientRect().top - view.getBoundingClientRect().top };
    }
  })()`) as Promise<{ page: number; below: number } | undefined>;

/** The PDF page at the top of the PDF pane (1-based). */
const panePage = (page: Page) =>
  page.evaluate(`(() => {
    const view = document.querySelector('#briefing .pdf');
    const page = [...view.querySelectorAll('.page')].find((p) => p.offsetTop + p.offsetHeight > view.scrollTop + 1);
    return Number(page.dataset.page);
  })()`) as Promise<number>;

/** The named destinations (section ids) of the PDF the preview serves, by page. */
const destinations = async (url: string) =>
  (await readPdf(new Uint8Array(await (await fetch(`${url}briefing.pdf`)).arrayBuffer()))).destinations;

const found = browserOrReason();
describe.skipIf(!('path' in found))(
  `the preview in Chromium${'reason' in found ? ` (skipped: ${found.reason})` : ''}`,
  () => {
    let chromium: Chromium;
    let watch: Watch;
    let page: Page;

    beforeAll(async () => {
      [chromium, watch] = await Promise.all([
        launchChromium((found as { path: string }).path),
        startWatch(reportInput),
      ]);
      await watch.settled(1);
      page = await chromium.browser.newPage();
      await page.goto(watch.url);
      await panesReady(page);
    }, 120_000);

    afterAll(async () => {
      watch?.stop();
      await chromium?.close();
    });

    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      it(`fills the window at ${width}×${height} with both panes, with or without problems, which lie over them`, async () => {
        await page.setViewport({ width, height });
        const fill = (b: Awaited<ReturnType<typeof boxes>>) => {
          // Below the header, side by side, each half the width, down to the bottom (padding and borders aside).
          for (const pane of [b.deck, b.pdf]) {
            expect(pane.top).toBeCloseTo(b.header.height + 9, -1);
            expect(pane.height).toBeGreaterThan(b.window.height - b.header.height - 24);
            expect(pane.width).toBeGreaterThan(b.window.width / 2 - 24);
          }
          expect(b.deck.height).toBe(b.pdf.height);
          expect(b.deck.left).toBeLessThan(b.pdf.left);
        };
        // The PDF's pages drawn as wide as the pane (again, after a resize).
        await page.waitForFunction(
          `(() => {
            const view = document.querySelector('#briefing .pdf');
            const first = view.querySelector('.page');
            return first && Math.abs(first.getBoundingClientRect().width - (view.clientWidth - 24)) < 2 && first.querySelector('canvas');
          })()`,
          { timeout: 10_000 },
        );
        const clean = await boxes(page);
        expect(clean.problems).toBeNull();
        fill(clean);

        const version = (await watch.status()).version;
        watch.save((r) => {
          r.sections[2]!.title = '';
        });
        await page.waitForFunction(`!document.querySelector('#problems').hidden`, { timeout: 30_000 });
        const broken = await boxes(page);
        // The panes have not moved; the problems lie over them.
        expect(broken.deck).toEqual(clean.deck);
        expect(broken.pdf).toEqual(clean.pdf);
        expect(broken.problems?.top).toBeGreaterThan(clean.deck.top);
        expect(broken.problems?.top).toBeLessThan(clean.deck.top + clean.deck.height);
        const text = await page.$eval('#problems', (el) => el.textContent ?? '');
        expect(text).toContain('sections[2].title: must not be empty');
        expect(text).toContain(`The panes show the last good build (build ${version}`);

        watch.save((r) => {
          r.sections[2]!.title = reportInput.sections[2]!.title;
        });
        await page.waitForFunction(`document.querySelector('#problems').hidden`, { timeout: 30_000 });
        fill(await boxes(page));
        await page.screenshot({ path: join(tmpdir(), `briefing-preview-${width}x${height}.png`) });
      });
    }

    it('says in a status line which build it shows, when, how fast, and which briefing made it', async () => {
      const { version } = await watch.settled(1);
      const status = await page.$eval('#status', (el) => el.textContent ?? '');
      const { version: tool } = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8'));
      expect(status).toMatch(new RegExp(`^build ${version} · \\d{1,2}:\\d\\d:\\d\\d.* · \\d+ ms · briefing ${tool}$`));
    });

    it('keeps a scroll the reader makes while a resize draws the PDF pages again', async () => {
      // The pages as wide as the pane at `width`, one of them drawn.
      const fitted = (width: number) =>
        page.waitForFunction(
          `(() => {
            const view = document.querySelector('#briefing .pdf');
            const first = view.querySelector('.page');
            return window.innerWidth === ${width} && view.querySelector('.page canvas')
              && Math.abs(first.getBoundingClientRect().width - (view.clientWidth - 24)) < 2;
          })()`,
          { timeout: 60_000 },
        );
      await page.setViewport({ width: 1280, height: 800 });
      await fitted(1280);
      const cdp = await page.createCDPSession();
      // Slow enough that drawing a page at the new width outlasts the scroll below.
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
      let during = false;
      try {
        for (let attempt = 0; attempt < 3 && !during; attempt++) {
          const width = attempt % 2 === 0 ? 1600 : 1280;
          await page.setViewport({ width, height: 800 });
          // Past the 150 ms the pane waits for a resize to end, and before the new pages are in:
          // scroll to page 3, and say whether the old pages were still shown (a scroll made after
          // the swap proves nothing, so that attempt is made again).
          during = (await page.evaluate(`new Promise((resolve) => setTimeout(() => {
            const view = document.querySelector('#briefing .pdf');
            const first = view.querySelector('.page');
            const old = Math.abs(first.getBoundingClientRect().width - (view.clientWidth - 24)) >= 2;
            view.scrollTop = view.querySelector('.page[data-page="3"]').offsetTop;
            resolve(old);
          }, 400))`)) as boolean;
          await fitted(width);
        }
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await cdp.detach();
      }
      expect(during).toBe(true);
      expect(await panePage(page)).toBe(3);
    }, 120_000); // Pages drawn at a twentieth of the speed, up to three times, on a loaded machine.

    it('keeps the deck on its slide and the PDF on its page, those of the same section when a build adds some before', async () => {
      await page.setViewport({ width: 1280, height: 800 });
      const section = 'responses';
      const before = await watch.status();
      const slide = before.slides.indexOf(section) + 1; // the section's second slide
      expect(before.slides[slide]).toBe(section);
      const destBefore = (await destinations(watch.url))[section] as number;
      const heading = 'The responses so far';
      await page.evaluate(`document.querySelector('#deck iframe').contentWindow.location.hash = '#${slide + 1}'`);
      // The PDF pane scrolled to the section's heading, a little below the pane's top edge.
      await page.evaluate(`(() => {
        const view = document.querySelector('#briefing .pdf');
        view.scrollTop = view.querySelector('.page[data-page="${destBefore}"]').offsetTop;
      })()`);
      const drawn = await watch.until('the heading drawn', () => inPdfPane(page, heading, destBefore));
      await page.evaluate(`document.querySelector('#briefing .pdf').scrollTop += ${drawn.below - 40}`);
      const placed = (await inPdfPane(page, heading, destBefore)) as { page: number; below: number };
      expect(placed.page).toBe(destBefore);
      expect(placed.below).toBeCloseTo(40, 0);

      // A small edit: the same slide, the same page.
      watch.save((r) => {
        r.sections[0]!.title = 'Why Myanmar matters to its neighbours';
      });
      let now = await watch.settled(before.version + 1);
      await page.waitForFunction(
        `document.querySelector('#deck iframe:not(.loading)').contentDocument.body.textContent.includes('Why Myanmar matters to its neighbours')`,
      );
      expect(await paneSlide(page)).toBe(slide);
      expect(await panePage(page)).toBe(destBefore);
      expect((await inPdfPane(page, heading, destBefore))?.below).toBeCloseTo(40, -1);

      // A new section before it, long enough for a slide and a page of its own.
      const long =
        'The networks moved money through layers of accounts and exchanges that changed from week to week. '.repeat(6);
      watch.save((r) => {
        r.sections.splice(1, 0, {
          id: 'money-trail',
          title: 'Following the money',
          blocks: Array.from({ length: 5 }, (_, i) => ({ type: 'paragraph' as const, text: `${i + 1}. ${long}` })),
        });
      });
      now = await watch.settled(now.version + 1);
      const destAfter = (await destinations(watch.url))[section] as number;
      const slideAfter = now.slides.indexOf(section) + 1;
      expect(slideAfter).toBeGreaterThan(slide);
      expect(destAfter).toBeGreaterThan(destBefore);
      await page.waitForFunction(
        `document.querySelector('#deck iframe:not(.loading)').contentDocument.body.textContent.includes('${long.slice(0, 40)}')`,
      );
      const moved = await watch.until('the heading drawn again', () => inPdfPane(page, heading, destAfter));
      // The same place: the section's heading on its new page, where it was in the pane.
      expect(moved.page).toBe(destAfter);
      expect(moved.below).toBeCloseTo(40, -1);
      expect(await paneSlide(page)).toBe(slideAfter);
      const shown = await page.evaluate(
        `document.querySelector('#deck iframe:not(.loading)').contentDocument.querySelector('.bespoke-marp-active').textContent`,
      );
      expect(shown).toContain('8. The responses so far');
    }, 120_000); // Two rebuilds and the panes redrawn twice: past a minute on a loaded machine.

    it('opens a presenter window that follows the deck pane from slide to slide and through rebuilds', async () => {
      const start = await watch.status();
      // A section of two slides: the next slide is still its own, its kicker its title.
      const slide = start.slides.indexOf('responses');
      await page.evaluate(`document.querySelector('#deck iframe').contentWindow.location.hash = '#${slide + 1}'`);
      const opened = chromium.browser.waitForTarget((t) => t.url().includes('view=presenter'), { timeout: 30_000 });
      await page.click('#presenter');
      const presenter = (await (await opened).page()) as Page;
      const presenterSlide = () => presenter.evaluate(`Number(location.hash.slice(1)) - 1`) as Promise<number>;
      await presenter.waitForFunction(
        `document.querySelector('.bespoke-marp-presenter-container .bespoke-marp-active')`,
        {
          timeout: 30_000,
        },
      );
      await presenter
        .waitForFunction(`Number(location.hash.slice(1)) - 1 === ${slide}`, { timeout: 10_000 })
        .catch(() => undefined);
      expect(await presenterSlide()).toBe(slide);

      // The author moves on in the pane: the presenter follows.
      await page.evaluate(
        `document.querySelector('#deck iframe:not(.loading)').contentWindow.location.hash = '#${slide + 2}'`,
      );
      await presenter.waitForFunction(`Number(location.hash.slice(1)) - 1 === ${slide + 1}`, { timeout: 10_000 });

      // A rebuild: the presenter shows it, on the same slide.
      watch.save((r) => {
        const responses = r.sections.find((s) => s.id === 'responses');
        if (responses) responses.title = 'What each government has done';
      });
      await watch.settled(start.version + 1);
      await presenter.waitForFunction(
        `document.querySelector('.bespoke-marp-active') && document.querySelector('.bespoke-marp-active').textContent.includes('What each government has done')`,
        { timeout: 30_000 },
      );
      expect(await presenterSlide()).toBe(slide + 1);
      await presenter.close();
    });
  },
);

describe.skipIf(!('path' in found))(
  `the preview before any build has succeeded${'reason' in found ? ` (skipped: ${found.reason})` : ''}`,
  () => {
    it('says there is nothing to show yet, not that it shows the last good build, and shows the first good one', async () => {
      const broken = structuredClone(reportInput) as ReportInput;
      broken.sections[1]!.title = '';
      const [chromium, watch] = await Promise.all([
        launchChromium((found as { path: string }).path),
        startWatch(broken),
      ]);
      try {
        const page = await chromium.browser.newPage();
        await page.setViewport({ width: 1280, height: 800 });
        await page.goto(watch.url);
        await page.waitForFunction(`!document.querySelector('#problems').hidden`, { timeout: 60_000 });
        const text = await page.$eval('#problems', (el) => el.textContent ?? '');
        expect(text).toContain('sections[1].title: must not be empty');
        expect(text).toContain('Nothing to show yet');
        expect(text).not.toMatch(/last good build/);
        expect(await page.$eval('#status', (el) => el.textContent)).toMatch(/^no build yet · briefing /);

        watch.save((r) => {
          r.sections[1]!.title = reportInput.sections[1]!.title;
        });
        await watch.settled(1);
        await panesReady(page);
        expect(await page.$eval('#problems', (el) => (el as HTMLElement).hidden)).toBe(true);
      } finally {
        watch.stop();
        await chromium.close();
      }
    }, 120_000);
  },
);
