import { main } from '../src/main.js';

export const repoRoot = new URL('../../../', import.meta.url).pathname;

/** Run the CLI in-process with captured output. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
  });
  return { code, stdout, stderr };
}
