import { createHash } from 'node:crypto';
import { report } from '@briefing/content';
import { scaledReport, stressReport } from '../../../test/fixtures/reports.js';
import { renderPdf } from '../src/index.js';

const h = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);
const order = process.argv[2] === 'b' ? ['stress', 'brief'] : ['brief', 'stress'];
for (const o of order) console.log(o, h(await renderPdf(o === 'brief' ? report : stressReport())));
console.log('brief again', h(await renderPdf(report)));
const t = performance.now();
const big = await renderPdf(scaledReport(20));
console.log('scaled20', performance.now() - t, big.length);
