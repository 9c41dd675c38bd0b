// In-process render time of the PDF briefing, warm (fonts parsed, shaping cached), and how
// it grows with the report. Run: node --conditions=@briefing/source --import tsx packages/pdf/bench/render.bench.ts
import { report } from '@briefing/content';
import { scaledReport } from '../../../test/fixtures/reports.js';
import { renderPdf } from '../src/index.js';

const RUNS = 15;

async function measure(name: string, input: unknown, runs = RUNS) {
  const cold = performance.now();
  let bytes = await renderPdf(input);
  const coldMs = performance.now() - cold;
  for (let i = 0; i < 3; i++) bytes = await renderPdf(input); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bytes = await renderPdf(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${name.padEnd(18)} first ${coldMs.toFixed(0).padStart(5)} ms   median ${median.toFixed(1).padStart(6)} ms   ${(bytes.length / 1024).toFixed(0).padStart(5)} KB`,
  );
  return { median, bytes: bytes.length };
}

const brief = await measure('briefing', report);
const big = await measure('scaledReport(20)', scaledReport(20), 7);
const ratio = big.median / brief.median;
console.log(`ratio ${ratio.toFixed(1)} for 20x the content (linear or better: <= 20)`);
