// Small measuring helpers for the benchmark scripts: medians after warm-up, never a test.
import { spawnSync } from 'node:child_process';

export interface Measure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Run `fn` `warmup` times unmeasured, then `runs` times; times in milliseconds. */
export async function measure(fn: () => unknown, { warmup = 2, runs = 7 } = {}): Promise<Measure> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { median, min: times[0]!, max: times[times.length - 1]!, runs };
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
