import { assertReport } from '@briefing/content';
import { renderPdf } from '@briefing/pdf';
import { renderDeckHtml } from 'briefing/internal';
import { richReportArbitrary } from '@briefing/testkit';
import fc from 'fast-check';
const samples = fc.sample(richReportArbitrary, { seed: 20240223, numRuns: 12 });
const report = assertReport(samples[2]);
const now = () => performance.now();
for (let i = 0; i < 3; i++) {
  const a = now(); await renderPdf(report); const b = now(); await renderDeckHtml(report);
  console.log('pdf', (b - a).toFixed(0), 'html', (now() - b).toFixed(0));
}
