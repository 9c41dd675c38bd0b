#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
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
  const result = spawnSync(
    process.execPath,
    ['--conditions=@briefing/source', '--import', 'tsx', source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
