// The run's temp folder (temp-root.ts): the tests' tmpdir() is it, and a process a test
// starts inherits it, so what either makes there goes when the run ends.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { TMPDIR_MAX } from 'briefing/internal';
import { describe, expect, it } from 'vitest';
import { MARK, PREFIX, removeStaleRuns } from './temp-root.js';

describe('the test run’s temp folder', () => {
  it('is tmpdir() in a test, a folder of this run in the system’s temp folder', () => {
    const run = tmpdir();
    expect(basename(run)).toMatch(/^bt-\w{6}$/u);
    expect(existsSync(join(run, '.briefing-test-run'))).toBe(true);
    // Named by the run's main process, which is alive (a worker's parent or an ancestor).
    const pid = Number(readFileSync(join(run, '.briefing-test-run'), 'utf8'));
    expect(() => process.kill(pid, 0)).not.toThrow();
    // Short enough that a build's Chromium folder in it keeps the usual path (chromium-temp.ts).
    expect(join(run, `briefing-chromium-${4194304}-XXXXXX`).length).toBeLessThanOrEqual(TMPDIR_MAX);
  });

  it('is the TMPDIR of a process a test starts', () => {
    const seen = execFileSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], { encoding: 'utf8' }).trim();
    expect(seen).toBe(tmpdir());
  });

  it('removes the folder of an earlier run whose process is gone, and no other', () => {
    const root = mkdtempSync(join(tmpdir(), 'runs-'));
    const gone = execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).trim();
    const folder = (name: string, mark?: string) => {
      mkdirSync(join(root, name));
      if (mark !== undefined) writeFileSync(join(root, name, MARK), mark);
    };
    folder(`${PREFIX}gone`, gone);
    folder(`${PREFIX}alive`, String(process.pid));
    folder(`${PREFIX}unmarked`);
    folder(`${PREFIX}garbled`, 'not a pid');
    folder('other', gone);
    removeStaleRuns(root);
    expect(readdirSync(root).sort()).toEqual([`${PREFIX}alive`, `${PREFIX}garbled`, `${PREFIX}unmarked`, 'other']);
  });
});
