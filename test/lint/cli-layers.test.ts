// The CLI's source is in folders by layer, and each layer imports only the ones before it:
// edge/ (Io, errors, input, temp folders), browser/, outputs/, preview/, commands/, then the
// entry points at the top of src/. The preview page's own code (preview/client/) runs in the
// browser: it imports only itself and the types the server shares with it (preview/state.ts),
// and no server module imports it (the server serves it bundled).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, sources } from './sources.js';

const SRC = 'packages/cli/src';
const LAYERS = ['edge', 'browser', 'outputs', 'preview', 'commands'];
const CLIENT = 'preview/client/';
const SHARED_WITH_CLIENT = 'preview/state.ts';

/** A module's layer: its index in LAYERS, or one past the last for the entry points at the top. */
function layerOf(path: string): number {
  const folder = path.split('/')[0] as string;
  const at = LAYERS.indexOf(folder);
  if (at >= 0) return at;
  if (!path.includes('/')) return LAYERS.length;
  return -1;
}

/** What a module (path relative to src/) breaks, given its text: one line per bad import. */
function layerOffences(path: string, text: string): string[] {
  const found: string[] = [];
  if (layerOf(path) < 0) found.push(`${path}: in no layer (${LAYERS.join(', ')}, or the top of src/)`);
  for (const [, spec] of text.matchAll(/(?:from|import\(?)\s*'(\.\.?\/[^']+)'/g)) {
    const target = posix.normalize(posix.join(posix.dirname(path), spec as string)).replace(/\.js$/, '.ts');
    const client = path.startsWith(CLIENT);
    if (client && !target.startsWith(CLIENT) && target !== SHARED_WITH_CLIENT)
      found.push(`${path}: the browser code imports ${target}`);
    else if (!client && target.startsWith(CLIENT)) found.push(`${path}: imports the browser code ${target}`);
    else if (!client && layerOf(target) > layerOf(path)) found.push(`${path}: imports ${target}, a later layer`);
  }
  return found;
}

describe('the CLI in layers', () => {
  it('imports only from its own layer or the ones before it', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((f) => layerOffences(f, readFileSync(join(repo, SRC, f), 'utf8')))).toEqual([]);
  });

  it('catches an import of a later layer, a module in no layer, and browser code mixed with the server', () => {
    expect(layerOffences('edge/io.ts', "import { x } from '../outputs/outdir.js';")).toEqual([
      'edge/io.ts: imports outputs/outdir.ts, a later layer',
    ]);
    expect(layerOffences('browser/marp.ts', "const m = await import('../commands/build.js');")).toHaveLength(1);
    expect(layerOffences('edge/temp.ts', "import '../preview/watcher.js';")).toHaveLength(1);
    expect(layerOffences('stray/x.ts', '')).toHaveLength(1);
    expect(layerOffences('preview/client/page.ts', "import { x } from '../watcher.js';")).toHaveLength(1);
    expect(layerOffences('preview/page.ts', "import { x } from './client/dom.js';")).toHaveLength(1);
    // What is allowed: the same layer, an earlier one, and the shared types from the browser code.
    expect(
      layerOffences('outputs/outputs.ts', "import { a } from './outdir.js';\nimport { b } from '../edge/io.js';"),
    ).toEqual([]);
    expect(layerOffences('preview/client/page.ts', "import type { S } from '../state.js';")).toEqual([]);
  });
});
