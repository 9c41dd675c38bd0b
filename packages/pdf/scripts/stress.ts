import { writeFileSync } from 'node:fs';
import { scaledReport, stressReport } from '../../../test/fixtures/reports.js';
import { renderPdf } from '../src/index.js';

writeFileSync('/tmp/stress.pdf', await renderPdf(stressReport()));
writeFileSync('/tmp/scaled.pdf', await renderPdf(scaledReport(20)));
