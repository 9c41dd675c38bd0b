// The preview page's code (client/, typed TypeScript checked against the DOM) as the scripts
// the server writes into its pages. The package's build bundles them into dist with esbuild
// (scripts/bundle-client.mjs, through writeClientBundles); run from source (tests, `watch`
// through tsx) they are bundled on first use with the same options, once per process, so
// both serve the same code.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The two scripts: the preview page's (a module) and the one a `?live` deck carries (a classic script). */
export interface ClientScripts {
  page: string;
  liveDeck: string;
}

/** Each script's entry module in client/ and how it runs in the browser. */
const ENTRIES = {
  page: { entry: 'page', format: 'esm' },
  liveDeck: { entry: 'live-deck', format: 'iife' },
} as const satisfies Record<keyof ClientScripts, { entry: string; format: BuildOptions['format'] }>;

/** Built: the bundles sit beside this module (dist/preview/client/); from source, the entries do. */
const fromSource = import.meta.url.endsWith('.ts');
const SOURCE = new URL(fromSource ? './client/' : '../../src/preview/client/', import.meta.url);
const BUNDLED = new URL('./client/', import.meta.url);

function options(name: keyof ClientScripts): BuildOptions {
  const { entry, format } = ENTRIES[name];
  return {
    // Paths in the bundle's comments are the package's, wherever the process runs.
    absWorkingDir: fileURLToPath(new URL('../../../', SOURCE)),
    entryPoints: [fileURLToPath(new URL(`${entry}.ts`, SOURCE))],
    bundle: true,
    format,
    target: 'es2022',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  };
}

/** One script bundled; it goes inline into a page, so it must not be able to end its script element. */
async function bundle(name: keyof ClientScripts): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build(options(name));
  const code = result.outputFiles?.[0]?.text;
  if (code === undefined) throw new Error(`esbuild made no output for client/${ENTRIES[name].entry}.ts`);
  if (/<\/script/i.test(code)) throw new Error(`client/${ENTRIES[name].entry}.ts would end its inline script element`);
  return code;
}

let scripts: Promise<ClientScripts> | undefined;

/** The page's scripts: read from dist when built, bundled once per process from source. */
export function clientScripts(): Promise<ClientScripts> {
  const get = fromSource
    ? bundle
    : (name: keyof ClientScripts) => readFile(new URL(`${ENTRIES[name].entry}.js`, BUNDLED), 'utf8');
  scripts ??= Promise.all([get('page'), get('liveDeck')]).then(([page, liveDeck]) => ({ page, liveDeck }));
  return scripts;
}

/** The build step: each script bundled into dist/preview/client/, where the built server reads it. */
export async function writeClientBundles(): Promise<void> {
  await mkdir(BUNDLED, { recursive: true });
  for (const name of Object.keys(ENTRIES) as (keyof ClientScripts)[])
    await writeFile(new URL(`${ENTRIES[name].entry}.js`, BUNDLED), await bundle(name));
}
