// pptxgenjs has one home, packages/slides/src/pptx/pptxgenjs.ts, where its ES build's default
// export is taken for the class its types describe: every other writer of a PPTX (the CLI's
// picture PPTX, the tests' templates) takes it from there (`@briefing/slides/pptxgenjs`), so the
// shim cannot be written twice and drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, sources } from './sources.js';

const HOME = 'packages/slides/src/pptx/pptxgenjs.ts';
/** This file, whose cases below hold such imports as text. */
const SELF = 'test/lint/pptxgenjs.test.ts';
const FOLDERS = [
  'packages/cli/src',
  'packages/content/src',
  'packages/inspect/src',
  'packages/pdf/src',
  'packages/slides/src',
  'packages/testkit/src',
  'test',
  'bench',
];

/** The files (paths from the repo) among `texts` that import pptxgenjs itself, but its home. */
function importers(texts: Record<string, string>): string[] {
  return Object.entries(texts)
    .filter(([path, text]) => path !== HOME && path !== SELF && /(?:from|import\(?)\s*['"]pptxgenjs['"]/u.test(text))
    .map(([path]) => path);
}

describe('pptxgenjs', () => {
  it('is imported by its one home only', () => {
    const texts = Object.fromEntries(
      FOLDERS.flatMap((folder) =>
        sources(folder).map((f) => [`${folder}/${f}`, readFileSync(join(repo, folder, f), 'utf8')]),
      ),
    );
    expect(Object.keys(texts)).toContain(HOME);
    expect(importers(texts)).toEqual([]);
  });

  it('catches a second import of it, static or dynamic', () => {
    expect(
      importers({
        [HOME]: "import pptxgenjs from 'pptxgenjs';",
        'packages/cli/src/browser/pptx.ts': "import pptxgenjs from 'pptxgenjs';",
        'test/helpers/x.ts': "const p = await import('pptxgenjs');",
        'packages/cli/src/ok.ts': "import { PptxGenJS } from '@briefing/slides/pptxgenjs';",
      }),
    ).toEqual(['packages/cli/src/browser/pptx.ts', 'test/helpers/x.ts']);
  });
});
