// The process edge: the only place that reads process.argv, writes to the real
// stdout/stderr and calls process.exit.
import { main } from './main.js';

// Ctrl+C or a termination request stops long-running commands (watch) cleanly.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  signal: stop.signal,
});
process.exitCode = code;
