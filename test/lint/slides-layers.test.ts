// The deck's source is in folders by layer, and each layer imports only the ones before it:
// layout/ (measuring, fonts, design numbers), then plan/ (the deck plan and its packing), then
// the two serialisers, markdown/ (Marp) and pptx/ (PowerPoint), which never import each other,
// then the entry points at the top of src/ (index.ts, render.ts).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, sources } from './sources.js';

const SRC = 'packages/slides/src';
/** Each folder's rank: a module imports only its own folder or a lower rank. */
const RANK: Record<string, number> = { layout: 0, plan: 1, markdown: 2, pptx: 2 };
const TOP = 3;

/** A module's rank, the top for the entry points at the top of src/, -1 for a folder in no layer. */
function rankOf(path: string): number {
  if (!path.includes('/')) return TOP;
  return RANK[path.split('/')[0] as string] ?? -1;
}

/** What a module (path relative to src/) breaks, given its text: one line per bad import. */
function layerOffences(path: string, text: string): string[] {
  const found: string[] = [];
  if (rankOf(path) < 0) found.push(`${path}: in no layer (${Object.keys(RANK).join(', ')}, or the top of src/)`);
  const folder = path.split('/')[0];
  for (const [, spec] of text.matchAll(/(?:from|import\(?)\s*'(\.\.?\/[^']+)'/g)) {
    const target = posix.normalize(posix.join(posix.dirname(path), spec as string)).replace(/\.js$/, '.ts');
    const [from, to] = [rankOf(path), rankOf(target)];
    if (to > from) found.push(`${path}: imports ${target}, a later layer`);
    else if (to === from && from !== TOP && target.split('/')[0] !== folder)
      found.push(`${path}: imports ${target}, the other serialiser`);
  }
  return found;
}

describe('the deck in layers', () => {
  it('imports only from its own layer or the ones before it, and no serialiser from the other', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((f) => layerOffences(f, readFileSync(join(repo, SRC, f), 'utf8')))).toEqual([]);
  });

  it('catches an import of a later layer, of the other serialiser, and a module in no layer', () => {
    expect(layerOffences('layout/table-layout.ts', "import { pack } from '../plan/pack.js';")).toEqual([
      'layout/table-layout.ts: imports plan/pack.ts, a later layer',
    ]);
    expect(layerOffences('plan/blocks/chart.ts', "import { c } from '../../markdown/chart.js';")).toHaveLength(1);
    expect(layerOffences('pptx/chart-shape.ts', "import { c } from '../markdown/chart.js';")).toEqual([
      'pptx/chart-shape.ts: imports markdown/chart.ts, the other serialiser',
    ]);
    expect(layerOffences('markdown/x.ts', "export { y } from '../pptx/index.js';")).toHaveLength(1);
    expect(layerOffences('pptx/index.ts', "import { planDeck } from '../render.js';")).toHaveLength(1);
    expect(layerOffences('stray/x.ts', '')).toHaveLength(1);
    // What is allowed: the same folder, an earlier layer, and anything from the top of src/.
    expect(
      layerOffences(
        'markdown/theme.ts',
        "import { a } from './escape.js';\nimport { k } from '../plan/kicker.js';\nimport { m } from '../layout/metrics.js';",
      ),
    ).toEqual([]);
    expect(layerOffences('index.ts', "export { r } from './pptx/index.js';\nexport { d } from './render.js';")).toEqual(
      [],
    );
  });
});
