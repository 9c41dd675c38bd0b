// Renders the real briefing and writes two page images for the README: the cover and the
// page with the chart. Run from the repository root:
//   node --conditions=@briefing/source --import tsx packages/pdf/scripts/screenshots.ts
// Needs pdftoppm and pdftotext (poppler-utils).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { report } from '@briefing/content';
import { renderPdf } from '../src/index.js';

const out = resolve(process.argv[2] ?? 'docs');
const dpi = process.argv[3] ?? '80';
const work = mkdtempSync(join(tmpdir(), 'briefing-shots-'));
try {
  const pdf = join(work, 'briefing.pdf');
  writeFileSync(pdf, await renderPdf(report));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  let chartPage = 0;
  for (let n = 1; n <= pages && !chartPage; n++) {
    const text = execFileSync('pdftotext', ['-f', `${n}`, '-l', `${n}`, pdf, '-'], { encoding: 'utf8' });
    if (/Figure 1\./.test(text)) chartPage = n;
  }
  if (!chartPage) throw new Error('no page with "Figure 1." found');
  const shot = (page: number, name: string) => {
    const base = join(work, name);
    execFileSync('pdftoppm', ['-r', dpi, '-png', '-singlefile', '-f', `${page}`, '-l', `${page}`, pdf, base]);
    mkdirSync(out, { recursive: true });
    copyFileSync(`${base}.png`, join(out, `${name}.png`));
  };
  shot(1, 'pdf-cover');
  shot(chartPage, 'pdf-page');
  process.stdout.write(`wrote ${join(out, 'pdf-cover.png')} and ${join(out, 'pdf-page.png')} (page ${chartPage})\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
