// The deck's design numbers live once, in layout/metrics.ts, and every other module reads them
// from there (the theme's CSS, the planner, the PPTX writer). A number written out again in
// another module can drift from its token unseen; this test finds the distinctive ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as metrics from '../src/layout/metrics.js';

const SRC = join(import.meta.dirname, '../src');
const HOME = join(SRC, 'layout/metrics.ts');

/** Numbers that are not restatements of a design token although they equal one, with where each stands. */
const NOT_TOKENS: Record<string, readonly number[]> = {
  // CSS pixels per inch (the PPTX is laid out in inches): a unit, not a design decision.
  'pptx/units.ts': [96],
  // The longest text a finding quotes, in characters: the chart's 60 (bar gap, least plot) are px and per cent.
  'plan/editorial/rules.ts': [60],
};

/** Every whole number of 40 or more among the tokens: small ones (2, 14) recur by chance. */
function distinctive(value: unknown, out = new Set<number>()): Set<number> {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 40) out.add(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) distinctive(v, out);
  return out;
}

/** The numeric literals of a module's code (comments left out) that equal one of `values`. */
function restatedTokens(code: string, values: ReadonlySet<number>): { line: number; value: number }[] {
  const hits: { line: number; value: number }[] = [];
  const lines = code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).split('\n');
  lines.forEach((text, i) => {
    const line = text.replace(/\/\/.*$/, '');
    for (const m of line.matchAll(/(?<![\w.#-])(\d+)(?![\w.])/g)) {
      const value = Number(m[1]);
      if (values.has(value)) hits.push({ line: i + 1, value });
    }
  });
  return hits;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('design numbers', () => {
  const values = distinctive(metrics);

  it('are written out nowhere in slides/src but in layout/metrics.ts', () => {
    expect([...values]).toEqual(expect.arrayContaining([1280, 720, 56, 76, 160, 980]));
    const found = sources(SRC)
      .filter((file) => file !== HOME)
      .flatMap((file) => {
        const name = relative(SRC, file);
        return restatedTokens(readFileSync(file, 'utf8'), values)
          .filter((hit) => !(NOT_TOKENS[name] ?? []).includes(hit.value))
          .map((hit) => `${name}:${hit.line}: ${hit.value}`);
      });
    expect(found).toEqual([]);
  });

  it('written out again are found (the check can fail)', () => {
    const planted = 'const box = { top: 56, width: 1280 }; // 720 in a comment\n/* 980 */ const x = 0.56;';
    expect(restatedTokens(planted, values)).toEqual([
      { line: 1, value: 56 },
      { line: 1, value: 1280 },
    ]);
  });
});
