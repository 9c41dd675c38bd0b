// Loaded with `node --import` ahead of the CLI: writes the URL of every module the process
// loads, one a line, to the file named by BRIEFING_MODULE_LOG. ES modules are seen by a
// resolve hook (run in Node's hooks thread); CommonJS ones, which a package's own `require`
// loads without passing that hook, are read from the require cache when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.BRIEFING_MODULE_LOG;
if (log) {
  register('./record-hooks.mjs', import.meta.url, { data: { log } });
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => {
    const loaded = Object.keys(cache).map((path) => pathToFileURL(path).href);
    appendFileSync(log, loaded.map((url) => `${url}\n`).join(''));
  });
}
