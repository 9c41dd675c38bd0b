import { writeFileSync } from 'node:fs';
import { report } from '@briefing/content';
import { renderPdf } from '../src/index.js';

const t0 = performance.now();
const bytes = await renderPdf(report);
console.log('ms', performance.now() - t0, bytes.length);
writeFileSync('/tmp/b.pdf', bytes);
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await renderPdf(report);
  console.log('warm', performance.now() - t);
}
