// In-process render time of the PDF briefing, warm (fonts parsed, shaping cached), and how
// it grows with the report. Run: node --conditions=@briefing/source --import tsx packages/pdf/bench/render.bench.ts
import { type Report, report } from '@briefing/content';
import { measure, scaledReport } from '@briefing/testkit';
import { renderPdf } from '../src/index.js';

async function bench(name: string, input: Report, runs: number) {
  const start = performance.now();
  const bytes = await renderPdf(input);
  const first = performance.now() - start;
  const m = await measure(() => renderPdf(input), { warmup: 3, runs });
  // CPU time is reported too: on a shared, busy machine wall time includes waiting for a core.
  console.log(
    `${name.padEnd(18)} first ${first.toFixed(0).padStart(5)} ms   median ${m.median.toFixed(1).padStart(6)} ms (cpu ${m.cpuMedian.toFixed(1)} ms)   ${(bytes.length / 1024).toFixed(0).padStart(5)} KB`,
  );
  return m;
}

const brief = await bench('briefing', report, 15);
for (const times of [10, 100]) {
  const big = await bench(`scaledReport(${times})`, scaledReport(times), times > 10 ? 3 : 7);
  console.log(
    `ratio ${(big.median / brief.median).toFixed(1)} (cpu ${(big.cpuMedian / brief.cpuMedian).toFixed(1)}) for ${times}x the content (linear or better: <= ${times})`,
  );
}
