import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadPid, runCli } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { stampOf } from '../src/edge/processes.js';
import { alive, checkTempRoot, processTempDir, removeStaleTemp } from '../src/edge/temp.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'briefing-test-'));

describe('temp folders named after their process', () => {
  it('are made as briefing-<kind>-<pid>-…, marked inside with the process that made them', () => {
    const made = processTempDir('deck', fresh());
    expect(made).toMatch(new RegExp(`/briefing-deck-${process.pid}-\\w{6}$`));
    expect(readFileSync(join(made, '.briefing-temp'), 'utf8')).toBe(`${stampOf()}\n`);
  });

  it('appear under their name already marked: made and marked under another name, then renamed', () => {
    const dir = fresh();
    const seen: string[] = [];
    const made = processTempDir('check', dir, (step) => {
      // At every step, whatever has a build's name holds its mark: a kill here leaves no unmarked one.
      for (const name of readdirSync(dir))
        seen.push(`${step}: ${name.replace(/\w{6}$/, 'X')} ${existsSync(join(dir, name, '.briefing-temp'))}`);
    });
    const pid = process.pid;
    expect(seen).toEqual([
      `made: briefing-new-check-${pid}-X false`,
      `marked: briefing-new-check-${pid}-X true`,
      `renamed: briefing-check-${pid}-X true`,
    ]);
    expect(readdirSync(dir)).toEqual([made.slice(dir.length + 1)]);
  });

  it("are removed once their process is gone, and only then (this process's and a live one's stay)", () => {
    const dir = fresh();
    const dead = deadPid();
    expect(alive(dead)).toBe(false);
    const marked: [string, string][] = [
      [`briefing-chromium-${dead}-abc123`, `${dead}`],
      [`briefing-deck-${dead}-def456`, `${dead} 12345`],
      // An earlier process with this process's number (a container's): it started at another time.
      [`briefing-deck-${process.pid}-mno345`, `${process.pid} 1`],
      [`briefing-chromium-${process.pid}-ghi789`, stampOf()],
      [`briefing-deck-1-jkl012`, stampOf(1)], // pid 1 is always running
    ];
    for (const [name, mark] of marked) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, '.briefing-temp'), `${mark}\n`);
    }
    const unmarked = [
      `briefing-check-${dead}-pqr678`, // a briefing name, but nothing proves a build made it (it holds a file)
      'briefing-chromium-abcdef', // not named after a process
      `briefing-deck-${dead}-too-long-a-suffix`,
      'unrelated-123-folder',
    ];
    for (const name of unmarked) mkdirSync(join(dir, name));
    writeFileSync(join(dir, `briefing-check-${dead}-pqr678`, 'notes.txt'), 'not a build of ours');
    expect(removeStaleTemp(dir).sort()).toEqual(
      [
        `briefing-chromium-${dead}-abc123`,
        `briefing-deck-${dead}-def456`,
        `briefing-deck-${process.pid}-mno345`,
      ].sort(),
    );
    expect(readdirSync(dir).sort()).toEqual(
      [`briefing-chromium-${process.pid}-ghi789`, 'briefing-deck-1-jkl012', ...unmarked].sort(),
    );
  });

  it('are removed unmarked only when empty and named after a process that is gone: a build killed before marking one', () => {
    const dir = fresh();
    const dead = deadPid();
    // What a build killed between making and marking its folder leaves: earlier versions made
    // it under its final name, this one under briefing-new-….
    // And Chromium's short temp folder (briefing-chromium-<pid>-t…), which is never marked.
    const leftovers = [
      `briefing-deck-${dead}-Ab12Cd`,
      `briefing-new-chromium-${dead}-xyz789`,
      `briefing-chromium-${dead}-tQ7wE2r`,
    ];
    const kept = [
      `briefing-deck-1-abc123`, // pid 1 is always running
      `briefing-new-check-${process.pid}-def456`, // a live build between its two steps
      `briefing-deck-${dead}-ghi789`, // not empty: nothing proves a build made it
      `briefing-other-${dead}-jkl012`, // not a kind of ours
      `briefing-deck-x${dead}-mno345`, // not named after a process
      `briefing-chromium-${process.pid}-tAb12Cd`, // a live build's short temp folder
      `briefing-deck-${dead}-tAb12Cd`, // a short temp folder is Chromium's only
    ];
    // Killed while writing its mark: the mark is there, empty (kill.test's SIGKILL found one).
    const torn = `briefing-new-deck-${dead}-MhIPZK`;
    // A mark that does not read beside another file, and a live build's empty mark: kept.
    const tornKept = [`briefing-new-deck-${dead}-NoT0Rn`, `briefing-new-deck-${process.pid}-L1veXy`];
    for (const name of [...leftovers, ...kept, torn, ...tornKept]) mkdirSync(join(dir, name));
    for (const name of [torn, ...tornKept]) writeFileSync(join(dir, name, '.briefing-temp'), '');
    writeFileSync(join(dir, `briefing-new-deck-${dead}-NoT0Rn`, 'file'), '');
    writeFileSync(join(dir, `briefing-deck-${dead}-ghi789`, 'file'), '');
    expect(removeStaleTemp(dir).sort()).toEqual([...leftovers, torn].sort());
    expect(readdirSync(dir).sort()).toEqual([...kept, ...tornKept].sort());
  });

  it('are cleaned up by the next build when a killed build left one unmarked', async () => {
    const tmp = fresh();
    const leftover = `briefing-deck-${deadPid()}-qrs678`;
    mkdirSync(join(tmp, leftover));
    const out = join(fresh(), 'out');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect((await runCli(['build', '--format', 'md,html', '--out', out, '--quiet'])).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    // (From source, tsx keeps its cache there too.)
    expect(readdirSync(tmp).filter((name) => name.startsWith('briefing-'))).toEqual([]);
  });

  it('finds nothing to remove in a temp folder that does not exist', () => {
    expect(removeStaleTemp(join(fresh(), 'nothing'))).toEqual([]);
  });
});

describe('a temp folder that is not one', () => {
  it('is one line naming TMPDIR and exit 2, before anything is made', () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, '');
    for (const dir of ['/nonexistent', file]) {
      expect(() => checkTempRoot(dir)).toThrow(/^briefing: cannot make a temp folder in .* \(from /);
      expect(() => processTempDir('deck', dir)).toThrow(/^briefing: cannot make a temp folder in /);
    }
  });

  it('stops build (when a format needs one) and check with exit 2 and a message naming TMPDIR, never "unexpected error"', async () => {
    const saved = process.env.TMPDIR;
    const out = join(fresh(), 'out');
    process.env.TMPDIR = '/nonexistent';
    try {
      for (const argv of [['build', '--format', 'md,html', '--out', out], ['check']]) {
        const { code, stderr } = await runCli(argv);
        expect(stderr, argv.join(' ')).toBe(
          'briefing: cannot make a temp folder in /nonexistent (from TMPDIR=/nonexistent): no such folder; set TMPDIR to a folder you can write to\n',
        );
        expect(code).toBe(2);
      }
      expect(existsSync(out)).toBe(false);
      // Formats that need no temp folder are made as ever.
      expect((await runCli(['build', '--format', 'md', '--out', out, '--quiet'])).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
