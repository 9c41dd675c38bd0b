import { report } from '@briefing/content';
import { renderPdf } from '/work/main/packages/pdf/src/index.ts';

for (let i = 0; i < 5; i++) await renderPdf(report);
const t = performance.now();
for (let i = 0; i < 20; i++) await renderPdf(report);
console.log('avg', (performance.now() - t) / 20);
