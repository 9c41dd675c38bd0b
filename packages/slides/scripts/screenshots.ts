// Screenshots of the deck for the README: the title slide, the key takeaways, an ordinary
// content slide (the first section's), a slide of six list items, the chart's slide and the
// closing slide.
//   node --conditions=@briefing/source --import tsx packages/slides/scripts/screenshots.ts [outDir] [--all]
// With --all, every slide of the real deck, a deck ten times its size and the stress deck is
// written to outDir (for review).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { report } from '@briefing/content';
import { scaledReport, stressReport } from '@briefing/testkit';
import { endChromium, findBrowser, launchChromium, slidesPage } from '@briefing/testkit/chromium';
import { planDeck, renderDeck } from '../src/index.js';

const args = process.argv.slice(2);
const all = args.includes('--all');
const outDir = resolve(args.find((a) => !a.startsWith('--')) ?? 'docs');
mkdirSync(outDir, { recursive: true });

const executablePath = findBrowser(process.env);
if (!executablePath) {
  process.stderr.write('screenshots: no Chromium found (set CHROME_PATH or apt-get install chromium)\n');
  process.exit(1);
}
const chromium = await launchChromium(executablePath);
try {
  const decks = all ? { real: report, x10: scaledReport(10), stress: stressReport() } : { real: report };
  for (const [name, deckReport] of Object.entries(decks)) {
    const slides = planDeck(deckReport).slides;
    const kinds = slides.map((s) => s.kind);
    const has = (test: (e: (typeof slides)[number]['elements'][number]) => boolean) =>
      slides.findIndex((s) => s.elements.some(test));
    // README pictures: slide index -> file name.
    const pictures = new Map<number, string>([
      [0, 'slides-title.png'],
      [kinds.indexOf('takeaways'), 'slides-takeaways.png'],
      [kinds.indexOf('content'), 'slides-content.png'],
      [has((e) => e.type === 'bullets' && e.items.length >= 6), 'slides-list.png'],
      [has((e) => e.type === 'chart'), 'slides-chart.png'],
      [kinds.indexOf('closing'), 'slides-closing.png'],
    ]);
    const page = await chromium.browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.setContent(slidesPage(renderDeck(deckReport)), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const sections = await page.$$('svg[data-marpit-svg]');
    for (const [i, section] of sections.entries()) {
      if (all) {
        await section.screenshot({
          path: join(outDir, `${name}-${String(i + 1).padStart(2, '0')}.png`) as `${string}.png`,
        });
      } else if (pictures.has(i)) {
        await section.screenshot({ path: join(outDir, pictures.get(i) as string) as `${string}.png` });
      }
    }
    await page.close();
  }
  process.stdout.write(`screenshots written to ${outDir}\n`);
} finally {
  await chromium.close();
  await endChromium();
}
