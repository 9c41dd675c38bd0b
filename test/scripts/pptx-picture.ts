// The README's side-by-side picture: two slides of the HTML deck (Chromium) beside the same
// slides of slides.pptx as LibreOffice Impress draws them, in the faces the PPTX names by
// default (Georgia and Arial, drawn in their metric equivalents Gelasio and Arimo, as a Linux
// LibreOffice does). Part of `npm run pictures`; without LibreOffice it says so and leaves
// the picture as it is.
//   node --conditions=@briefing/source --import tsx test/scripts/pptx-picture.ts [outDir]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { report } from '@briefing/content';
import { planDeck, renderDeck, renderPptx } from '@briefing/slides';
import { endChromium, findBrowser, launchChromium, slidesPage } from '@briefing/testkit/chromium';
import { convertWithLibreOffice, sofficeOrReason } from '../helpers/libreoffice.js';

const outDir = resolve(process.argv[2] ?? 'docs');
mkdirSync(outDir, { recursive: true });
const soffice = sofficeOrReason({ ...process.env, CI: '' });
const browserPath = findBrowser(process.env);
if (!('path' in soffice) || !browserPath) {
  process.stdout.write(`pptx picture: skipped (${'reason' in soffice ? soffice.reason : 'no Chromium found'})\n`);
  process.exit(0);
}

// The slides shown: a section's first content slide and the chart's.
const slides = planDeck(report).slides;
const shown = [
  slides.findIndex((s) => s.kind === 'content'),
  slides.findIndex((s) => s.elements.some((e) => e.type === 'chart')),
];

const work = mkdtempSync(join(tmpdir(), 'briefing-pptx-picture-'));
const pptx = join(work, 'slides.pptx');
writeFileSync(pptx, await renderPptx(report));
const [pdf] = await convertWithLibreOffice(soffice.path, [pptx], 'office');
const pptxPngs = shown.map((index) => {
  const prefix = join(work, `pptx-${index}`);
  execFileSync('pdftoppm', [
    '-r',
    '96',
    '-f',
    String(index + 1),
    '-l',
    String(index + 1),
    '-png',
    pdf as string,
    prefix,
  ]);
  const file = readdirSync(work).find((f) => f.startsWith(`pptx-${index}`) && f.endsWith('.png'));
  return readFileSync(join(work, file as string));
});

const chromium = await launchChromium(browserPath);
try {
  const page = await chromium.browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.setContent(slidesPage(renderDeck(report)), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const svgs = await page.$$('svg[data-marpit-svg]');
  // One at a time: each element screenshot scrolls the page to its slide, and two at once
  // can both catch the same one.
  const htmlPngs: Uint8Array[] = [];
  for (const index of shown) htmlPngs.push((await svgs[index]?.screenshot()) as Uint8Array);
  // Left the HTML deck, right the PPTX in LibreOffice, a row per slide.
  const cell = (png: Uint8Array) =>
    `<img style="width:640px;height:360px;border:1px solid #c5cdd8" src="data:image/png;base64,${Buffer.from(png).toString('base64')}">`;
  const rows = shown.map((_, i) => `${cell(htmlPngs[i] as Uint8Array)}${cell(pptxPngs[i] as Uint8Array)}`).join('');
  await page.setViewport({ width: 1312, height: 100 });
  await page.setContent(
    `<body style="margin:0;padding:8px;background:#dfe5ec;display:grid;grid-template-columns:642px 642px;gap:12px">${rows}</body>`,
  );
  await page.screenshot({ path: join(outDir, 'slides-pptx.png') as `${string}.png`, fullPage: true });
  process.stdout.write(`pptx picture written to ${join(outDir, 'slides-pptx.png')}\n`);
} finally {
  await chromium.close();
  await endChromium();
}
