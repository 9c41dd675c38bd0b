import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive, processTempDir, removeStaleTemp } from '../src/temp.js';

/** The pid of a process that has ended. */
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);

describe('temp folders named after their process', () => {
  it('are made as briefing-<kind>-<pid>-…', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-test-'));
    expect(processTempDir('deck', dir)).toMatch(new RegExp(`/briefing-deck-${process.pid}-\\w{6}$`));
  });

  it("are removed once their process is gone, and only then (this process's and a live one's stay)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-test-'));
    const dead = deadPid();
    expect(alive(dead)).toBe(false);
    const names = [
      `briefing-chromium-${dead}-abc123`,
      `briefing-deck-${dead}-def456`,
      `briefing-chromium-${process.pid}-ghi789`,
      `briefing-deck-1-jkl012`, // pid 1 is always running
      'briefing-chromium-abcdef', // not named after a process: not ours to judge
      'unrelated-123-folder',
    ];
    for (const name of names) mkdirSync(join(dir, name));
    expect(removeStaleTemp(dir).sort()).toEqual([`briefing-chromium-${dead}-abc123`, `briefing-deck-${dead}-def456`]);
    expect(readdirSync(dir).sort()).toEqual(names.slice(2).sort());
  });
});
