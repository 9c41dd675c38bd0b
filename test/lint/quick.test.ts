// `npm run test:quick` is the inner loop: it stays quick only while none of its files starts a
// browser or LibreOffice. The quick files are every test file that vitest.config.ts's SLOW list
// does not name (handed to the tests as `slowTests`); none of them may reach for the helpers
// that start either.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    slowTests: string[];
  }
}

const SLOW = inject('slowTests');

const repo = new URL('../../', import.meta.url).pathname;

/** What starts Chromium or LibreOffice from a test, directly or through the CLI's own launcher. */
const STARTERS: readonly RegExp[] = [
  /['"]@briefing\/testkit\/chromium['"]/u,
  /helpers\/libreoffice(?:\.js)?['"]/u,
  /src\/chromium\.js['"]/u,
  /\bconvertDeck\b/u,
  /\bdeckBrowser\b/u,
  /\bpuppeteer\.(?:launch|connect)\b/u,
];

/** Every `*.test.ts` under `dir`, relative to the repo, node_modules left out. */
function testFiles(dir: string): string[] {
  return readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.split('/').includes('node_modules'))
    .map((f) => relative(repo, join(repo, dir, f)));
}

/** Whether a SLOW entry names `file`: a path, or `folder/**\/*.test.ts` for a whole folder. */
function names(entry: string, file: string): boolean {
  const folder = /^(.+)\/\*\*\/\*\.test\.ts$/u.exec(entry)?.[1];
  if (folder !== undefined) return file.startsWith(`${folder}/`);
  if (entry.includes('*')) throw new Error(`SLOW entry ${entry} is neither a path nor folder/**/*.test.ts`);
  return file === entry;
}

/** The quick files and what each holds of the starters. */
function startersInQuick(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    if (SLOW.some((entry) => names(entry, file))) continue;
    const hits = STARTERS.filter((starter) => starter.test(read(file))).map(String);
    if (hits.length > 0) found.set(file, hits);
  }
  return found;
}

describe('the quick tests', () => {
  const packages = readdirSync(join(repo, 'packages')).flatMap((p) => {
    try {
      return testFiles(`packages/${p}/test`);
    } catch {
      return [];
    }
  });
  const files = [...packages, ...testFiles('test')];
  const read = (file: string) => readFileSync(join(repo, file), 'utf8');

  it('start neither Chromium nor LibreOffice', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(startersInQuick(files, read)).toEqual(new Map());
  });

  it('are told when a quick file starts to use the Chromium or LibreOffice helpers', () => {
    const quick = 'packages/content/test/schema.test.ts';
    const slow = 'packages/slides/test/browser.test.ts';
    // Spelt in pieces, so that this file does not hold what it looks for.
    const chromium = `import { launchChromium } from '@briefing/testkit${'/'}chromium';`;
    const sources: Record<string, string> = {
      [quick]: chromium,
      [slow]: chromium,
      'test/contract/x.test.ts': `import { convertWithLibreOffice } from '../helpers${'/'}libreoffice.js';`,
    };
    const found = startersInQuick(Object.keys(sources), (f) => sources[f] ?? '');
    expect([...found.keys()]).toEqual([quick, 'test/contract/x.test.ts']);
  });
});
