import { scaledReport } from '../../../test/fixtures/reports.js';
import { renderPdf } from '../src/index.js';

const r = scaledReport(20);
for (let i = 0; i < 2; i++) await renderPdf(r);
const t = performance.now();
for (let i = 0; i < 5; i++) await renderPdf(r);
console.log('avg', (performance.now() - t) / 5);
