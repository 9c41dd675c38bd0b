// The README's pictures of the deck on the tests' two templates (docs/pptx-template-43.png,
// docs/pptx-template-169.png): four slides of each (the title, a section's first slide, the
// chart, the table) as LibreOffice Impress draws them, side by side. Without LibreOffice or
// Chromium it says so and leaves the pictures as they are.
//   node --conditions=@briefing/source --import tsx test/scripts/pptx-template-picture.ts [outDir]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { report } from '@briefing/content';
import { type DeckPlan, planPptx, renderPptx } from '@briefing/slides';
import { endChromium, findBrowser, launchChromium } from '@briefing/testkit/chromium';
import { convertWithLibreOffice, sofficeOrReason } from '../helpers/libreoffice.js';
import { makeTemplate, TEMPLATE_43, TEMPLATE_169 } from '../helpers/pptx-template.js';

const outDir = resolve(process.argv[2] ?? 'docs');
mkdirSync(outDir, { recursive: true });
const soffice = sofficeOrReason({ ...process.env, CI: '' });
const browserPath = findBrowser(process.env);
if (!('path' in soffice) || !browserPath) {
  process.stdout.write(`template pictures: skipped (${'reason' in soffice ? soffice.reason : 'no Chromium found'})\n`);
  process.exit(0);
}

/** The slides shown: the title, a section's first slide, the chart, the table (of the plan for that template). */
function shownOf(plan: DeckPlan): number[] {
  const kinds = plan.slides.map((s) => s.kind);
  // The chart sits on its section's text slide (or a slide of its own in other reports).
  const chart = plan.slides.findIndex((s) => s.elements.some((e) => e.type === 'chart'));
  return [kinds.indexOf('title'), kinds.indexOf('content'), chart, kinds.indexOf('table')];
}
const work = mkdtempSync(join(tmpdir(), 'briefing-template-picture-'));
const cases = [
  { name: 'pptx-template-43', spec: TEMPLATE_43 },
  { name: 'pptx-template-169', spec: TEMPLATE_169 },
];
const files: string[] = [];
const shown: number[][] = [];
for (const c of cases) {
  const file = join(work, `${c.name}.pptx`);
  const template = await makeTemplate(c.spec);
  writeFileSync(file, await renderPptx(report, { template }));
  files.push(file);
  shown.push(shownOf(planPptx(report, { template })));
}
const pdfs = await convertWithLibreOffice(soffice.path, files);
const chromium = await launchChromium(browserPath);
try {
  const page = await chromium.browser.newPage();
  for (const [i, c] of cases.entries()) {
    const pngs = (shown[i] as number[]).map((index) => {
      const prefix = join(work, `${c.name}-${index}`);
      execFileSync('pdftoppm', [
        '-r',
        '50',
        '-f',
        String(index + 1),
        '-l',
        String(index + 1),
        '-png',
        pdfs[i] as string,
        prefix,
      ]);
      const file = readdirSync(work).find((f) => f.startsWith(`${c.name}-${index}`) && f.endsWith('.png'));
      return readFileSync(join(work, file as string));
    });
    const w = Math.round(c.spec.width * 50);
    const h = Math.round(c.spec.height * 50);
    const cell = (png: Uint8Array) =>
      `<img style="width:${w}px;height:${h}px;border:1px solid #c5cdd8" src="data:image/png;base64,${Buffer.from(png).toString('base64')}">`;
    await page.setViewport({ width: 2 * (w + 2) + 28, height: 100 });
    await page.setContent(
      `<body style="margin:0;padding:8px;background:#dfe5ec;display:grid;grid-template-columns:${w + 2}px ${w + 2}px;gap:12px">${pngs.map(cell).join('')}</body>`,
    );
    const path = join(outDir, `${c.name}.png`);
    await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    process.stdout.write(`template picture written to ${path}\n`);
  }
} finally {
  await chromium.close();
  await endChromium();
}
