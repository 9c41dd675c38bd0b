import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadPid, repoRoot, until } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/edge/errors.js';
import { stampOf } from '../src/edge/processes.js';
import { writeOutputs } from '../src/outputs/outdir.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'briefing-outdir-'));

/** A folder holding a complete earlier build. */
function oldBuild(): { dir: string; before: Record<string, string> } {
  const dir = fresh();
  const before = { 'briefing.pdf': 'old pdf', 'slides.md': 'old md', 'slides.html': 'old html' };
  for (const [file, text] of Object.entries(before)) writeFileSync(join(dir, file), text);
  return { dir, before };
}

/** A folder's files and their text (a folder in it shows as "a folder"). */
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, statSync(join(dir, f)).isDirectory() ? 'a folder' : readFileSync(join(dir, f), 'utf8')]),
  );

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

  it('finishes the update of a build killed between its renames, so the folder holds its whole set', async () => {
    const { dir } = oldBuild();
    const dead = deadPid();
    const stage = join(dir, `.briefing-stage-${dead}-xyz`);
    mkdirSync(stage);
    // The dead build had staged all three, marked the stage complete and moved one file.
    writeFileSync(join(dir, 'briefing.pdf'), 'dead build pdf');
    writeFileSync(join(stage, 'slides.md'), 'dead build md');
    writeFileSync(join(stage, 'slides.html'), 'dead build html');
    writeFileSync(join(stage, '.briefing-stage'), `${dead}\n`);
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

/** What a rejected writeOutputs threw, as main() reports it. */
async function refusal(work: Promise<unknown>): Promise<{ code: number; message: string }> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return { code: (error as CliError).exitCode, message: (error as CliError).message };
}

/**
 * A build in another process, from source: it stages briefing.pdf in `dir`, says "staged" and
 * waits, holding the folder's lock, until it is killed.
 */
function holdingBuild(dir: string) {
  const script = join(mkdtempSync(join(tmpdir(), 'briefing-outdir-script-')), 'hold.mts');
  writeFileSync(
    script,
    `import { writeOutputs } from ${JSON.stringify(join(repoRoot, 'packages/cli/src/outputs/outdir.ts'))};
setInterval(() => {}, 1000);
await writeOutputs(process.argv[2], 'out', async (stage) => {
  await stage.put('briefing.pdf', 'half-built pdf');
  process.stdout.write('staged\\n');
  await new Promise(() => {});
});
`,
  );
  const child = spawn(process.execPath, ['--conditions=@briefing/source', '--import', 'tsx', script, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const exited = new Promise((r) => child.on('exit', r));
  return { child, staged: () => out.includes('staged'), exited };
}

describe('the lock of the output folder', () => {
  it('is refused while a build in another process holds it; once that build is killed, taken over with a note, its half-done stage removed', async () => {
    const { dir, before } = oldBuild();
    const holder = holdingBuild(dir);
    try {
      expect(await until(holder.staged, 60_000)).toBe(true);
      const busy = await refusal(writeOutputs(dir, 'out', async (stage) => stage.put('slides.md', 'mine')));
      expect(busy).toEqual({
        code: 2,
        message: `briefing: out is busy: another build (process ${holder.child.pid}) is writing into it; try again when it ends`,
      });
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    const { tookOver } = await writeOutputs(dir, 'out', async (stage) => stage.put('slides.pptx', 'new pptx'));
    expect(tookOver).toBe(`took over out/.briefing.lock from process ${holder.child.pid}, which is no longer running`);
    expect(contents(dir)).toEqual({ ...before, 'slides.pptx': 'new pptx' });
  }, 90_000);

  it('is taken over, with a note saying why, from a live process that is not a running build', async () => {
    const cases: [string, string, string][] = [
      // PID 1 is always running, and in a container the number in a killed build's lock is soon its.
      ['1\n', ' from process 1, which is not a briefing command', 'a lock written by hand'],
      [
        `1 ${Number(stampOf(1).split(' ')[1] ?? 0) + 1}\n`,
        ' from process 1, which ended; its number now belongs to another process',
        'PID 1 started at another time',
      ],
      [
        `${process.pid}\n`,
        ` from process ${process.pid}, which is this process and holds no lock there (the number was reused)`,
        'this process',
      ],
      [
        `${stampOf()}\n`,
        ` from process ${process.pid}, which is this process and holds no lock there (the number was reused)`,
        'this very process instance',
      ],
      ['not a pid\n', ', which names no process', 'garbage'],
    ];
    for (const [lock, why, name] of cases) {
      const { dir, before } = oldBuild();
      writeFileSync(join(dir, '.briefing.lock'), lock);
      const { tookOver } = await writeOutputs(dir, 'out', async (stage) => stage.put('slides.md', 'new md'));
      // PID 1's program (systemd, a container's init…) follows in parentheses.
      expect(tookOver?.startsWith(`took over out/.briefing.lock${why}`), `${name}: ${tookOver}`).toBe(true);
      expect(contents(dir), name).toEqual({ ...before, 'slides.md': 'new md' });
    }
  });

  it('is refused while it is empty and new (a build writing it this instant), taken over when empty and old', async () => {
    const { dir } = oldBuild();
    writeFileSync(join(dir, '.briefing.lock'), '');
    const busy = await refusal(writeOutputs(dir, 'out', async () => undefined));
    expect(busy.message).toBe('briefing: out is busy: another build is writing into it; try again when it ends');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, '.briefing.lock'), old, old);
    const { tookOver } = await writeOutputs(dir, 'out', async () => undefined);
    expect(tookOver).toBe('took over out/.briefing.lock, which names no process');
  });

  it('is refused when written by hand naming a live process that runs the briefing command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-outdir-bin-'));
    // A process whose command line is node running a briefing bin (it only sleeps).
    const bin = join(dir, 'briefing.js');
    writeFileSync(bin, 'setTimeout(() => {}, 60_000);');
    const sleeper = spawn(process.execPath, [bin], { stdio: 'ignore' });
    try {
      await until(() => readFileSync(`/proc/${sleeper.pid}/cmdline`, 'utf8').includes('briefing.js'));
      const { dir: out } = oldBuild();
      writeFileSync(join(out, '.briefing.lock'), `${sleeper.pid}\n`);
      const busy = await refusal(writeOutputs(out, 'out', async () => undefined));
      expect(busy.message).toMatch(`another build (process ${sleeper.pid})`);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});

describe('what a build removes from the output folder', () => {
  it('is only what a build made: stages it marked and temp files named after an output, never a user’s files', async () => {
    const { dir, before } = oldBuild();
    const dead = deadPid();
    const users = {
      '.draft.2024.05.tmp': 'a draft',
      '.session.12345.6789.tmp': 'a session',
      [`.notes.${dead}.1700000000000.tmp`]: 'named like a temp file, but not after an output',
    };
    for (const [file, text] of Object.entries(users)) writeFileSync(join(dir, file), text);
    // Named like a stage, but unmarked and not empty: not a build's.
    mkdirSync(join(dir, `.briefing-stage-${dead}-keep`));
    writeFileSync(join(dir, `.briefing-stage-${dead}-keep`, 'mine.txt'), 'kept');
    // A dead build's: its marked stage, an empty stage it never marked, an earlier version's temp file.
    mkdirSync(join(dir, `.briefing-stage-${dead}-abc`));
    writeFileSync(join(dir, `.briefing-stage-${dead}-abc`, '.briefing-stage'), `${dead}\n`);
    writeFileSync(join(dir, `.briefing-stage-${dead}-abc`, 'briefing.pdf'), 'half-built pdf');
    mkdirSync(join(dir, `.briefing-stage-${dead}-empty`));
    writeFileSync(join(dir, `.slides.md.${dead}.1700000000000.tmp`), 'temp of an old single-file write');
    await writeOutputs(dir, 'out', async (stage) => stage.put('slides.pptx', 'new pptx'));
    expect(contents(dir)).toEqual({
      ...before,
      ...users,
      'slides.pptx': 'new pptx',
      [`.briefing-stage-${dead}-keep`]: 'a folder',
    });
    expect(readFileSync(join(dir, `.briefing-stage-${dead}-keep`, 'mine.txt'), 'utf8')).toBe('kept');
  });
});

describe('where a build writes', () => {
  it('refuses the root and the system folders, and making a folder inside one, before touching anything', async () => {
    for (const [dir, says] of [
      ['/', 'refusing to write into out: / is a system folder'],
      ['/proc', 'refusing to write into out: /proc is a system folder'],
      ['/etc/../usr', 'refusing to write into out: /usr is a system folder'],
      ['/sys/briefing-out', 'refusing to make out inside /sys, a system folder'],
    ] as const) {
      // Nothing to stage: were the check ever lost, the test must not leave a file in /.
      const refused = await refusal(writeOutputs(dir, 'out', async () => undefined));
      expect(refused.code, dir).toBe(2);
      expect(refused.message, dir).toMatch(`briefing: ${says}`);
    }
    expect(readdirSync('/').filter((f) => f.startsWith('.briefing'))).toEqual([]);
  });

  it('refuses a file or a FIFO where the folder should be', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'briefing-outdir-'));
    writeFileSync(join(parent, 'a-file'), '');
    spawnSync('mkfifo', [join(parent, 'a-fifo')]);
    for (const [name, kind] of [
      ['a-file', 'a file'],
      ['a-fifo', 'a FIFO (named pipe)'],
    ] as const) {
      const refused = await refusal(writeOutputs(join(parent, name), name, async () => undefined));
      expect(refused.message).toBe(`briefing: cannot write into ${name}: it is ${kind}, not a folder`);
    }
    expect(statSync(join(parent, 'a-fifo')).isFIFO()).toBe(true);
  });

  it('refuses to replace a FIFO or a folder that has an output’s name, and leaves the folder as it was', async () => {
    for (const [make, kind] of [
      [(path: string) => spawnSync('mkfifo', [path]), 'a FIFO (named pipe)'],
      [(path: string) => mkdirSync(path), 'a folder'],
    ] as const) {
      const { dir, before } = oldBuild();
      make(join(dir, 'slides.pptx'));
      const refused = await refusal(
        writeOutputs(dir, 'out', async (stage) => {
          await stage.put('briefing.pdf', 'new pdf');
          await stage.put('slides.pptx', 'new pptx');
        }),
      );
      expect(refused.message).toBe(
        `briefing: cannot write out/slides.pptx: it is ${kind}, not a file; briefing replaces only files (remove it, or choose another folder)`,
      );
      expect(readFileSync(join(dir, 'briefing.pdf'), 'utf8')).toBe(before['briefing.pdf']);
      expect(readdirSync(dir).sort()).toEqual([...Object.keys(before), 'slides.pptx'].sort());
    }
  });
});
