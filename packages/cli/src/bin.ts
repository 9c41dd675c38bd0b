// The process edge: the only place that reads process.argv, writes to the real
// stdout/stderr and calls process.exit.
import { main } from './main.js';

// Ctrl+C or a termination request stops any command: a build closes its browser, removes its
// temp files, leaves the outputs as they were and exits 130 (SIGINT) or 143 (SIGTERM); watch
// shuts down cleanly. The signal's name is the abort reason.
const stop = new AbortController();
// `on`, not `once`: Ctrl+C reaches both the wrapper (bin/briefing.js) and this process, and the wrapper
// passes it on; a second delivery must not kill the process before it has cleaned up.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop.abort(signal));

// Started by bin/briefing.js from source: if that wrapper dies (even by SIGKILL, which it
// cannot pass on), stop as if terminated instead of running on as an orphan.
const wrapper = Number(process.env.BRIEFING_WRAPPER_PID);
if (wrapper > 0) {
  setInterval(() => {
    if (process.ppid !== wrapper) stop.abort('SIGTERM');
  }, 250).unref();
}

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  signal: stop.signal,
});
// After a stop request nothing may keep the process alive (a browser pipe, a timer).
if (stop.signal.aborted) process.exit(code);
process.exitCode = code;
