import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertReport, report, reportToJson } from '@briefing/content';
import { captureIo, freshDir, waitFor } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import type { PreviewContent } from '../src/preview/preview-server.js';
import { packagedSource, watchSource } from '../src/preview/watcher.js';

describe('packagedSource', () => {
  it("is the report module content exports as @briefing/content/report.ts, not a path guessed inside content's folder", async () => {
    const exported = createRequire(import.meta.url).resolve('@briefing/content/report.ts');
    expect(packagedSource()).toBe(exported);
    const module = (await import(pathToFileURL(exported).href)) as { reportInput?: unknown };
    expect(assertReport(module.reportInput).meta.title).toBe(report.meta.title);
  });
});

describe('watchSource on a report module', () => {
  it('reports a module that never finishes loading as a failed build, keeps the last good one, and builds the next save', async () => {
    const dir = freshDir();
    const module = join(dir, 'report.ts');
    const good = (title: string) => {
      const input = JSON.parse(reportToJson(report));
      input.sections[0].title = title;
      return `export const reportInput = ${JSON.stringify(input)};\n`;
    };
    writeFileSync(module, good('The first title'));
    const { io, out } = captureIo({ cwd: dir });
    let shown: PreviewContent = { state: { version: 0 } as PreviewContent['state'], title: '', outputs: new Map() };
    const watcher = watchSource({
      sourcePath: module,
      kind: 'module',
      outDir: join(dir, 'out'),
      formats: ['md'],
      paper: 'a4',
      io,
      publish: (update) => {
        shown = { ...shown, ...update };
      },
      // Long enough for the report to load on a busy machine, short enough for a test.
      loadTimeoutMs: 3000,
    });
    const until = (what: string, probe: () => boolean) =>
      waitFor(what, probe, { every: 20, log: () => `${out.stdout}\n${out.stderr}` });
    try {
      await until('build 1', () => shown.state.version === 1 && !shown.state.building);
      const built = shown.outputs.get('slides.md');
      expect(built).toContain('The first title');

      appendFileSync(module, 'while (true) {}\n');
      await until('the failed build', () => !shown.state.ok);
      expect(shown.state.message).toBe('report.ts: the report module did not finish loading within 3 s');
      expect(shown.state.building).toBe(false);
      expect(shown.state.version).toBe(1);
      expect(shown.outputs.get('slides.md')).toBe(built);
      expect(readFileSync(join(dir, 'out', 'slides.md'), 'utf8')).toBe(built);
      expect(out.stderr).toContain(
        'report.ts: the report module did not finish loading within 3 s\nkeeping the last good outputs\n',
      );

      writeFileSync(module, good('The second title'));
      await until('build 2', () => shown.state.version === 2 && shown.state.ok && !shown.state.building);
      expect(shown.outputs.get('slides.md')).toContain('The second title');
    } finally {
      await watcher.close();
    }
  });
});
