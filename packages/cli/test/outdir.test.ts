import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/errors.js';
import { writeOutputs } from '../src/outdir.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'briefing-outdir-'));

/** A folder holding a complete earlier build. */
function oldBuild(): { dir: string; before: Record<string, string> } {
  const dir = fresh();
  const before = { 'briefing.pdf': 'old pdf', 'slides.md': 'old md', 'slides.html': 'old html' };
  for (const [file, text] of Object.entries(before)) writeFileSync(join(dir, file), text);
  return { dir, before };
}

const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('writeOutputs', () => {
  it('puts the whole set in place at the end, and leaves no stage or lock behind', async () => {
    const { dir } = oldBuild();
    const { files } = await writeOutputs(dir, 'out', async (stage) => {
      await stage.put('briefing.pdf', 'new pdf');
      // Nothing is visible until every output is staged.
      expect(readFileSync(join(dir, 'briefing.pdf'), 'utf8')).toBe('old pdf');
      await stage.put('slides.md', 'new md');
    });
    expect(files).toEqual(['briefing.pdf', 'slides.md']);
    expect(contents(dir)).toEqual({ 'briefing.pdf': 'new pdf', 'slides.html': 'old html', 'slides.md': 'new md' });
  });

  it('leaves every earlier file as it was when the build fails after staging some outputs', async () => {
    const { dir, before } = oldBuild();
    await expect(
      writeOutputs(dir, 'out', async (stage) => {
        await stage.put('briefing.pdf', 'new pdf');
        await stage.put('slides.html', 'new html');
        throw new Error('the browser failed');
      }),
    ).rejects.toThrow('the browser failed');
    expect(contents(dir)).toEqual(before);
  });

  it('leaves every earlier file as it was when the build is stopped', async () => {
    const { dir, before } = oldBuild();
    const stop = new AbortController();
    await expect(
      writeOutputs(dir, 'out', async (stage) => {
        await stage.put('briefing.pdf', 'new pdf');
        stop.abort('SIGINT');
        stop.signal.throwIfAborted();
      }),
    ).rejects.toBe('SIGINT');
    expect(contents(dir)).toEqual(before);
  });

  it('refuses a second build into the same folder while the first runs, with exit 2 and "busy"', async () => {
    const { dir } = oldBuild();
    let second: unknown;
    await writeOutputs(dir, 'out', async (stage) => {
      await stage.put('slides.md', 'first');
      second = await writeOutputs(dir, 'out', async (s) => s.put('slides.md', 'second')).catch((e: unknown) => e);
    });
    expect(second).toBeInstanceOf(CliError);
    expect((second as CliError).exitCode).toBe(2);
    expect((second as CliError).message).toMatch(/^briefing: out is busy: another build \(process \d+\)/);
    expect(readFileSync(join(dir, 'slides.md'), 'utf8')).toBe('first');
  });

  it('takes over the lock of a build that died, and removes what it left half-done', async () => {
    const { dir, before } = oldBuild();
    const dead = deadPid();
    writeFileSync(join(dir, '.briefing.lock'), `${dead}\n`);
    mkdirSync(join(dir, `.briefing-stage-${dead}-abc`));
    writeFileSync(join(dir, `.briefing-stage-${dead}-abc`, 'briefing.pdf'), 'half-built pdf');
    writeFileSync(join(dir, `.slides.md.${dead}.1700000000000.tmp`), 'temp of an old single-file write');
    await writeOutputs(dir, 'out', async (stage) => stage.put('slides.pptx', 'new pptx'));
    expect(contents(dir)).toEqual({ ...before, 'slides.pptx': 'new pptx' });
  });

  it('finishes the update of a build killed between its renames, so the folder holds its whole set', async () => {
    const { dir } = oldBuild();
    const dead = deadPid();
    const stage = join(dir, `.briefing-stage-${dead}-xyz`);
    mkdirSync(stage);
    // The dead build had staged all three, marked the stage complete and moved one file.
    writeFileSync(join(dir, 'briefing.pdf'), 'dead build pdf');
    writeFileSync(join(stage, 'slides.md'), 'dead build md');
    writeFileSync(join(stage, 'slides.html'), 'dead build html');
    writeFileSync(join(stage, '.complete'), 'briefing.pdf\nslides.md\nslides.html\n');
    writeFileSync(join(dir, '.briefing.lock'), `${dead}\n`);
    const { recovered } = await writeOutputs(dir, 'out', async () => undefined);
    expect(recovered).toEqual(['briefing.pdf', 'slides.md', 'slides.html']);
    expect(contents(dir)).toEqual({
      'briefing.pdf': 'dead build pdf',
      'slides.html': 'dead build html',
      'slides.md': 'dead build md',
    });
    expect(existsSync(stage)).toBe(false);
  });
});
