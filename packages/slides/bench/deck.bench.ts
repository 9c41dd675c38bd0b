// Deck benchmark: in-process rendering, the HTML deck, and the browser formats against a bare
// marp-cli call on the same Markdown.
//   node --conditions=@briefing/source --import tsx packages/slides/bench/deck.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '@briefing/content';
import { convertDeck, measure, renderDeckHtml, scaledReport } from '@briefing/testkit';
import { findBrowser } from '@briefing/testkit/chromium';
import { BriefingMarp, planDeck, renderDeck } from '../src/index.js';

/** Median wall time in ms after warm-up (the repo's one measuring helper). */
const time = async (fn: () => unknown, runs: number, warmup = 2) => (await measure(fn, { runs, warmup })).median;

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(52)} ${value}\n`);

const big = scaledReport(10);
line('slides (real report / 10x report)', `${planDeck(report).slides.length} / ${planDeck(big).slides.length}`);
line('renderDeck, real report (Markdown, median)', ms(await time(() => renderDeck(report), 20)));
line('renderDeck, 10x report (median)', ms(await time(() => renderDeck(big), 5)));
const engine = new BriefingMarp();
const md = renderDeck(report);
line('marp-core render in-process, real report (median)', ms(await time(() => engine.render(md), 20)));
line('renderDeckHtml (marp-cli bespoke, in-process, median)', ms(await time(() => renderDeckHtml(report), 5, 1)));

const browserPath = findBrowser(process.env);
if (!browserPath) {
  line('browser formats', 'skipped: no Chromium found (set CHROME_PATH)');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'deck-bench-'));
  try {
    const file = join(dir, 'deck.md');
    // Bare marp gets our engine too, or the chart fence and theme would be missing.
    writeFileSync(file, md);
    // marp-cli is the CLI's dependency (it makes the HTML deck there), not this package's.
    const fromCli = createRequire(createRequire(import.meta.url).resolve('briefing/package.json'));
    const cli = fromCli.resolve('@marp-team/marp-cli/marp-cli.js');
    const engineTs = new URL('../src/markdown/engine.ts', import.meta.url).pathname;
    const bare = (type: '--pdf' | '--pptx') =>
      time(
        () => {
          const r = spawnSync(
            process.execPath,
            [
              '--conditions=@briefing/source',
              '--import',
              'tsx',
              cli,
              '--no-config-file',
              '--engine',
              engineTs,
              type,
              '--browser-path',
              browserPath,
              file,
              '-o',
              join(dir, `out${type === '--pdf' ? '.pdf' : '.pptx'}`),
            ],
            { stdio: 'ignore' },
          );
          if (r.status !== 0) throw new Error(`marp ${type} failed`);
        },
        3,
        1,
      );
    const barePdf = await bare('--pdf');
    const barePptx = await bare('--pptx');
    const ours = await time(() => convertDeck(md, ['pdf', 'pptx'], { browserPath, lang: report.meta.lang }), 3, 1);
    const oursPdf = await time(() => convertDeck(md, ['pdf'], { browserPath, lang: report.meta.lang }), 3, 1);
    line('bare `marp --pdf` (median of 3)', ms(barePdf));
    line('bare `marp --pptx` (median of 3)', ms(barePptx));
    line('convertDeck pdf only (median of 3)', `${ms(oursPdf)}  (ratio ${(oursPdf / barePdf).toFixed(2)})`);
    line('convertDeck pdf + pptx (median of 3)', `${ms(ours)}  (ratio to bare --pdf ${(ours / barePdf).toFixed(2)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
