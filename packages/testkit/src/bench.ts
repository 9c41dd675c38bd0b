// Small measuring helpers for the benchmark scripts: medians after warm-up, never a test.
import { spawnSync } from 'node:child_process';

export interface Measure {
  /** Wall-clock milliseconds. */
  median: number;
  min: number;
  max: number;
  /** CPU milliseconds of this process (user + system): steadier than wall time on a busy machine. */
  cpuMedian: number;
  runs: number;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Run `fn` `warmup` times unmeasured, then `runs` times; times in milliseconds. */
export async function measure(fn: () => unknown, { warmup = 2, runs = 7 } = {}): Promise<Measure> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), cpuMedian: median(cpu), runs };
}

/** Time a command in its own process; throws with its output when it fails. */
export function timeCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return () => {
    const result = spawnSync(command, args, { encoding: 'utf8', ...options });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
    }
  };
}

export const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
export const fmtRatio = (r: number) => `${r.toFixed(2)}x`;
