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
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    bytes = await renderPdf(input);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // CPU time is reported too: on a shared, busy machine wall time includes waiting for a core.
  console.log(
    `${name.padEnd(18)} first ${coldMs.toFixed(0).padStart(5)} ms   median ${median(times).toFixed(1).padStart(6)} ms (cpu ${median(cpu).toFixed(1)} ms)   ${(bytes.length / 1024).toFixed(0).padStart(5)} KB`,
  );
  return { median: median(times), bytes: bytes.length };
}

const brief = await measure('briefing', report);
const big = await measure('scaledReport(20)', scaledReport(20), 7);
const ratio = big.median / brief.median;
console.log(`ratio ${ratio.toFixed(1)} for 20x the content (linear or better: <= 20)`);
