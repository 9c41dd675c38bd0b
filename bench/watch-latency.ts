// The watch benchmark, driven by a browser as an author sees it: `briefing watch` on a JSON copy
// of the packaged report, its preview open in headless Chromium at 1280×800 with the deck on the
// slide of the section being edited and the PDF on that section's page. Each sample saves the
// report with a new section title and polls the DOM of both panes until the slide shown and the
// PDF page shown both carry it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report, reportToJson } from '@briefing/content';
import { readPdf } from '@briefing/inspect';
import { type Measure, median } from '@briefing/testkit';
import { launchChromium } from '@briefing/testkit/chromium';
import type { Page } from 'puppeteer-core';

export interface WatchLatency {
  /** Save to both panes showing the edit. */
  both: Measure;
  /** Save to the deck pane showing it, and to the PDF pane showing it (medians of the same samples). */
  deck: number;
  pdf: number;
  /** Save to the preview being told (the server's own figure, /status `ms`). */
  server: number;
}

// Browser code as strings: tsx would wrap named functions in a helper the page does not have.
const SHOWN = new Function(
  'title',
  `
  const compact = (t) => (t || '').replace(/\\s+/g, '');
  const frame = document.querySelector('#deck iframe:not(.loading)');
  const slide = frame && frame.contentDocument && frame.contentDocument.querySelector('.bespoke-marp-active');
  const view = document.querySelector('#briefing .pdf');
  const top = view ? view.scrollTop : 0;
  const page = view && [...view.querySelectorAll('.page')].find((p) => p.offsetTop + p.offsetHeight > top + 1);
  const text = page && page.querySelector('.textLayer');
  const now = performance.now();
  window.deckAt ??= slide && compact(slide.textContent).includes(compact(title)) ? now : undefined;
  window.pdfAt ??= text && compact(text.textContent).includes(compact(title)) ? now : undefined;
  return window.deckAt !== undefined && window.pdfAt !== undefined;`,
) as (title: string) => boolean;

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, log: () => string) {
  for (let i = 0; i < 3000; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`watch benchmark: no ${what}\n${log()}`);
}

/** Save-to-screen latency of `briefing watch` (`bin`, run with `env`), `samples` saves after two unmeasured ones. */
export async function watchLatency(
  bin: string,
  browserPath: string,
  samples: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WatchLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-watch-'));
  const input = join(dir, 'report.json');
  writeFileSync(input, reportToJson(report));
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, 'watch', '--input', input, '--out', join(dir, 'out'), '--port', '0'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const chromium = await launchChromium(browserPath);
  try {
    const url = await until(
      'preview URL',
      () => /preview on (\S+)/.exec(output)?.[1],
      () => output,
    );
    const status = async () =>
      (await (await fetch(`${url}status`)).json()) as {
        version: number;
        ms: number;
        slides: string[];
        building: boolean;
      };
    await until(
      'first build',
      async () => ((await status()).version >= 1 ? true : undefined),
      () => output,
    );
    const page: Page = await chromium.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(url);
    await page.waitForFunction(
      `document.querySelector('#deck iframe:not(.loading)') && document.querySelector('#briefing .pdf .textLayer')`,
      { timeout: 60_000 },
    );
    // The author is on the section they edit: its first slide, its page of the PDF.
    const section = report.sections[0]?.id as string;
    const slide = (await status()).slides.indexOf(section);
    const pdfPage = (await readPdf(new Uint8Array(await (await fetch(`${url}briefing.pdf`)).arrayBuffer())))
      .destinations[section] as number;
    await page.evaluate(`document.querySelector('#deck iframe').contentWindow.location.hash = '#${slide + 1}'`);
    await page.evaluate(
      `(() => { const v = document.querySelector('#briefing .pdf'); v.scrollTop = v.querySelector('.page[data-page="${pdfPage}"]').offsetTop; })()`,
    );
    await new Promise((r) => setTimeout(r, 500));

    const base = JSON.parse(readFileSync(input, 'utf8'));
    const samplesOf = { both: [] as number[], deck: [] as number[], pdf: [] as number[], server: [] as number[] };
    for (let n = 0; n < samples + 2; n++) {
      // Each save finds the watcher idle: the last build has written its files.
      await until(
        'idle watcher',
        async () => ((await status()).building ? undefined : true),
        () => output,
      );
      const title = `Edited while watching, take ${n + 1}`;
      base.sections[0].title = title;
      await page.evaluate('window.deckAt = undefined; window.pdfAt = undefined; window.savedAt = performance.now()');
      writeFileSync(input, JSON.stringify(base, null, 2));
      await page.waitForFunction(SHOWN, { polling: 5, timeout: 30_000 }, title);
      const [d, p] = (await page.evaluate('[window.deckAt - window.savedAt, window.pdfAt - window.savedAt]')) as [
        number,
        number,
      ];
      const ms = (await status()).ms;
      // Two saves unmeasured, as the other benchmarks warm up.
      if (n < 2) continue;
      samplesOf.both.push(Math.max(d, p));
      samplesOf.deck.push(d);
      samplesOf.pdf.push(p);
      samplesOf.server.push(ms);
    }
    const { both } = samplesOf;
    return {
      both: { median: median(both), min: Math.min(...both), max: Math.max(...both), cpuMedian: 0, runs: both.length },
      deck: median(samplesOf.deck),
      pdf: median(samplesOf.pdf),
      server: median(samplesOf.server),
    };
  } finally {
    await chromium.close();
    child.kill('SIGINT');
  }
}
