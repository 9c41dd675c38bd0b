// The README's pictures of slides.pptx as LibreOffice Impress draws it on three machines (the
// setups of test/robustness/pptx-faces.test.ts): every slide, small, on one sheet each:
// docs/pptx-libreoffice-design.png (the design faces installed, the deck in them),
// docs/pptx-libreoffice-nofonts.png (DejaVu alone, the default deck in the office faces) and
// docs/pptx-libreoffice-office.png (Gelasio and Arimo standing for Georgia and Arial).
// Part of `npm run pictures`; without LibreOffice or Chromium it says so and leaves them.
//   node --conditions=@briefing/source --import tsx test/scripts/pptx-faces-pictures.ts [outDir]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { report } from '@briefing/content';
import { type FaceSetName, renderPptx } from '@briefing/slides';
import { endChromium, findBrowser, launchChromium } from '@briefing/testkit/chromium';
import { convertWithLibreOffice, type FontSetup, sofficeOrReason } from '../helpers/libreoffice.js';

const outDir = resolve(process.argv[2] ?? 'docs');
mkdirSync(outDir, { recursive: true });
const soffice = sofficeOrReason({ ...process.env, CI: '' });
const browserPath = findBrowser(process.env);
if (!('path' in soffice) || !browserPath) {
  process.stdout.write(
    `pptx faces pictures: skipped (${'reason' in soffice ? soffice.reason : 'no Chromium found'})\n`,
  );
  process.exit(0);
}

const sheets: { name: string; setup: FontSetup; faces: FaceSetName }[] = [
  { name: 'design', setup: 'design', faces: 'design' },
  { name: 'nofonts', setup: 'none', faces: 'office' },
  { name: 'office', setup: 'office', faces: 'office' },
];

const work = mkdtempSync(join(tmpdir(), 'briefing-pptx-faces-'));
const pages: Record<string, Buffer[]> = {};
for (const sheet of sheets) {
  const pptx = join(work, `${sheet.name}.pptx`);
  writeFileSync(pptx, await renderPptx(report, { faces: sheet.faces }));
  const [pdf] = await convertWithLibreOffice(soffice.path, [pptx], sheet.setup);
  execFileSync('pdftoppm', ['-r', '27', '-png', pdf as string, join(work, `${sheet.name}-page`)]);
  pages[sheet.name] = readdirSync(work)
    .filter((f) => f.startsWith(`${sheet.name}-page`) && f.endsWith('.png'))
    .sort()
    .map((f) => readFileSync(join(work, f)));
}

const chromium = await launchChromium(browserPath);
try {
  const page = await chromium.browser.newPage();
  for (const sheet of sheets) {
    const cells = (pages[sheet.name] ?? [])
      .map(
        (png) =>
          `<img style="width:360px;height:203px;border:1px solid #c5cdd8" src="data:image/png;base64,${png.toString('base64')}">`,
      )
      .join('');
    await page.setViewport({ width: 5 * 362 + 4 * 8 + 16, height: 100 });
    await page.setContent(
      `<body style="margin:0;padding:8px;background:#dfe5ec;display:grid;grid-template-columns:repeat(5,362px);gap:8px">${cells}</body>`,
    );
    const file = join(outDir, `pptx-libreoffice-${sheet.name}.png`) as `${string}.png`;
    await page.screenshot({ path: file, fullPage: true });
    process.stdout.write(`pptx faces picture written to ${file}\n`);
  }
} finally {
  await chromium.close();
  await endChromium();
}
