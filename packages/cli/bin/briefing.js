#!/usr/bin/env node
import { spawn } from 'node:child_process';
// The `briefing` command. Runs the compiled CLI when the package is built; right after
// `npm ci` (nothing built yet) it runs the TypeScript sources through tsx instead, so
// `npx briefing` works on a fresh clone either way.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/bin.js', import.meta.url);
if (existsSync(fileURLToPath(compiled)) && process.env.BRIEFING_FROM_SOURCE !== '1') {
  await import(compiled.href);
} else {
  const source = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@briefing/source', '--import', 'tsx', source, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, BRIEFING_WRAPPER_PID: String(process.pid) } },
  );
  // Pass stop requests on to the real command, so `watch` can shut down cleanly.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const signalCodes = { SIGINT: 130, SIGTERM: 143 };
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? (signalCodes[signal] ?? 1) : 0)));
}
