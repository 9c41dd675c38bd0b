import type { Io } from '../src/io.js';
import { main } from '../src/main.js';

export const repoRoot = new URL('../../../', import.meta.url).pathname;

/** An Io that records what a command prints, for running commands in-process. */
export function captureIo(options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    isTTY: false,
  };
  return { io, out };
}

/** Run the CLI in-process with captured output. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const { io, out } = captureIo(options);
  const code = await main(argv, io);
  return { code, ...out };
}
