import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { report } from '@briefing/content';
import { readPdf } from '@briefing/inspect';
import { planDeck } from '@briefing/slides';
import { captureIo, freshDir, reportFile, runCli } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build, sourceDateEpoch } from '../src/commands/build.js';
import type { CliError } from '../src/edge/errors.js';
import { ALL_FORMATS, FORMATS } from '../src/edge/formats.js';

const fresh = () => freshDir('briefing-build-');
const wordsOf = (texts: string[]) => texts.join(' ').split(/\s+/u).filter(Boolean).length;
const pick = ({ minutes, words }: { minutes: number; words: number }) => ({ minutes, words });

/** build on a machine without any browser. */
async function buildWithoutBrowser(argv: string[]) {
  const { io, out } = captureIo();
  // As main() reports it: a CliError becomes its message and exit code.
  const code = await build(argv, io, { findBrowser: () => undefined }).catch((error: CliError) => {
    out.stderr += `${error.message}\n`;
    return error.exitCode;
  });
  return { code, ...out };
}

describe('briefing build', () => {
  it('writes the requested outputs with one progress line each and a summary', async () => {
    const out = fresh();
    const { code, stdout } = await runCli(['build', '--format', 'pdf,md,html', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['briefing.pdf', 'slides.html', 'slides.md']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Building from @briefing\/content into /);
    expect(lines.slice(1, 4).map((l) => l.trim().split(/\s+/)[0])).toEqual(['pdf', 'md', 'html']);
    expect(lines[1]).toMatch(/^\s+pdf\s+\d+\.\d\d s\s+\d+\.\d KB\s+.*briefing\.pdf$/);
    expect(lines.at(-2)).toMatch(/^Built 3 files in \d+\.\d\d s$/);
    // The talk's length, from the deck plan's speaker notes.
    const { slides, talk } = planDeck(report);
    expect(lines.at(-1)).toBe(
      `Slides: ${slides.length}, a talk of about ${talk.minutes} min (${talk.words} words of speaker notes)`,
    );
    expect(talk.minutes).toBe(Math.max(1, Math.round((talk.words - wordsOf(slides[0]?.notes ?? [])) / 130)));
  });

  it('says nothing of a talk when it built no slides', async () => {
    const { stdout } = await runCli(['build', '--format', 'pdf', '--out', fresh()]);
    expect(stdout).not.toContain('Slides:');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^Built 1 file in/);
  });

  it('prints one JSON object with --json, and nothing with --quiet', async () => {
    const out = fresh();
    const json = await runCli(['build', '-f', 'md', '-o', out, '--json']);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ ok: true, input: '@briefing/content', skipped: [] });
    expect(result.outputs.map((o: { format: string }) => o.format)).toEqual(['md']);
    expect(result.deck).toEqual({ slides: planDeck(report).slides.length, ...pick(planDeck(report).talk) });
    const quiet = await runCli(['build', '-f', 'md', '-o', out, '--quiet']);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });

  it('takes file names as formats and letter paper for the PDF', async () => {
    const out = fresh();
    const { code } = await runCli(['build', '--format', 'briefing.pdf', '--paper', 'letter', '--out', out]);
    expect(code).toBe(0);
    const bytes = readFileSync(join(out, 'briefing.pdf'));
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
    expect((await readPdf(new Uint8Array(bytes))).pageCount).toBeGreaterThan(3);
  });

  it('exits 1 for an invalid report, lists the problems by path, and writes nothing', async () => {
    const out = fresh();
    writeFileSync(join(out, 'briefing.pdf'), 'an earlier build');
    const input = reportFile((r) => {
      r.sections[1]!.title = '';
      r.sources[0]!.url = 'javascript:alert(1)';
    });
    const { code, stderr } = await runCli(['build', '--input', input, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('sections[1].title: must not be empty');
    expect(stderr).toContain('sources[0].url: must be an absolute http(s) or mailto link');
    expect(readdirSync(out)).toEqual(['briefing.pdf']);
    expect(readFileSync(join(out, 'briefing.pdf'), 'utf8')).toBe('an earlier build');
  });

  it('exits 1 naming the field and code point of characters the PDF fonts cannot show, before writing', async () => {
    const out = fresh();
    const input = reportFile((r) => {
      r.takeaways[2] = 'Scams are rising 📈 fast';
    });
    const { code, stderr } = await runCli(['build', '--input', input, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/takeaways\[2]: .*"📈" \(U\+1F4C8\)/);
    expect(existsSync(join(out, 'slides.md'))).toBe(false);
  });

  it('without a browser: builds the rest and notes the skip by default, exits 2 when a browser format was asked for', async () => {
    const out = fresh();
    const all = await buildWithoutBrowser(['--out', out]);
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(
      /^note: skipping no Chromium found for slides\.pdf: install it \(apt-get install chromium\) or set CHROME_PATH/,
    );
    // The editable PPTX needs no browser.
    expect(readdirSync(out).sort()).toEqual(['briefing.pdf', 'slides.html', 'slides.md', 'slides.pptx']);
    const asked = await buildWithoutBrowser(['--format', 'md,pptx-images', '--out', fresh()]);
    expect(asked.code).toBe(2);
    expect(asked.stderr.trim().split('\n')).toHaveLength(1);
    expect(asked.stderr).toContain('apt-get install chromium');
  });

  it('shows paths relative to the folder the command was run in, also under npm and turbo, which run it elsewhere', async () => {
    const root = fresh();
    const pkg = join(root, 'packages', 'cli');
    mkdirSync(pkg, { recursive: true });
    const out = join(root, 'out');
    const fromRoot = /^Building from @briefing\/content into out\n {2}md .* out\/slides\.md\n/;
    // As `npm run build` at the root runs it: turbo runs the package's npm script in the
    // package's folder (npm sets INIT_CWD to it), with --out ../../out.
    const turbo = await runCli(['build', '--format', 'md', '--out', '../../out'], {
      cwd: pkg,
      env: { INIT_CWD: pkg, TURBO_INVOCATION_DIR: root },
    });
    expect(turbo.code).toBe(0);
    expect(turbo.stdout).toMatch(fromRoot);
    expect(existsSync(join(out, 'slides.md'))).toBe(true);
    // As `npm run artifacts -w briefing` at the root runs it: npm alone.
    const npm = await runCli(['build', '--format', 'md', '--out', '../../out'], { cwd: pkg, env: { INIT_CWD: root } });
    expect(npm.stdout).toMatch(fromRoot);
    const direct = await runCli(['build', '--format', 'md', '--out', '../../out'], { cwd: pkg });
    expect(direct.stdout).toMatch(
      /^Building from @briefing\/content into \.\.\/\.\.\/out\n {2}md .* \.\.\/\.\.\/out\/slides\.md\n/,
    );
  });

  it('exits 2 naming a CHROME_PATH that points nowhere, instead of using another browser, and writes nothing', async () => {
    const nowhere = join(fresh(), 'no', 'chrome');
    for (const argv of [['--format', 'slides-pdf'], ['--format', 'pdf,slides.pdf'], []]) {
      const out = fresh();
      const { code, stdout, stderr } = await runCli(['build', ...argv, '--out', out], {
        env: { CHROME_PATH: nowhere, PATH: process.env.PATH },
      });
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `briefing: CHROME_PATH is "${nowhere}", which does not exist: point it at a Chrome or Chromium binary, or unset it to use /usr/bin/chromium or one on PATH\n`,
      );
      expect(readdirSync(out)).toEqual([]);
    }
    // A build that needs no browser does not look for one.
    const { code } = await runCli(['build', '--format', 'md', '--out', fresh()], { env: { CHROME_PATH: nowhere } });
    expect(code).toBe(0);
  });

  it('names the office faces in slides.pptx by default and the design faces with --pptx-faces design', async () => {
    const theme = (dir: string) => {
      const parts = unzipSync(new Uint8Array(readFileSync(join(dir, 'slides.pptx'))));
      const xml = new TextDecoder().decode(parts['ppt/theme/theme1.xml']);
      return [...xml.matchAll(/<a:(major|minor)Font><a:latin typeface="([^"]*)"/gu)].map((m) => `${m[1]}:${m[2]}`);
    };
    const office = fresh();
    expect((await runCli(['build', '-f', 'pptx', '-o', office])).code).toBe(0);
    expect(theme(office)).toEqual(['major:Georgia', 'minor:Arial']);
    const design = fresh();
    expect((await runCli(['build', '-f', 'pptx', '--pptx-faces', 'design', '-o', design])).code).toBe(0);
    expect(theme(design)).toEqual(['major:Source Serif 4', 'minor:Inter']);
    const bad = await runCli(['build', '-f', 'pptx', '--pptx-faces', 'comic', '-o', fresh()]);
    expect([bad.code, bad.stderr.trim()]).toEqual([
      2,
      'briefing build: --pptx-faces must be design or office, not "comic"',
    ]);
  });

  it('exits 2 on an unknown format, an unknown flag, a bad paper size or a bad SOURCE_DATE_EPOCH', async () => {
    expect((await runCli(['build', '--format', 'docx'])).stderr).toContain('unknown format "docx"');
    expect((await runCli(['build', '--colour'])).code).toBe(2);
    expect((await runCli(['build', '--paper', 'a5'])).code).toBe(2);
    expect((await runCli(['build', '-f', 'md', '-o', fresh()], { env: { SOURCE_DATE_EPOCH: 'yesterday' } })).code).toBe(
      2,
    );
  });

  it('exits 2 with one line naming SOURCE_DATE_EPOCH when it is past what a PDF or zip date can hold', async () => {
    // 99999999999999999 s is no valid Date at all; 253402300800 s is the year 10000, which a
    // PDF date (D:YYYY...) cannot write. Neither may end in "Invalid time value".
    for (const value of ['99999999999999999', '253402300800']) {
      for (const format of ['pdf', 'md']) {
        const { code, stderr } = await runCli(['build', '-f', format, '-o', fresh()], {
          env: { SOURCE_DATE_EPOCH: value },
        });
        expect(code, `${value} with ${format}`).toBe(2);
        expect(stderr.trim().split('\n'), `${value} with ${format}`).toHaveLength(1);
        expect(stderr).toContain('SOURCE_DATE_EPOCH');
        expect(stderr).not.toMatch(/unexpected error|Invalid time value/);
      }
    }
  });

  it('takes any SOURCE_DATE_EPOCH from 1980 to the end of 2107 (what a zip entry can date)', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '315532800' })).toBe(315532800);
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1708646400' })).toBe(1708646400);
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '4354819199' })).toBe(4354819199);
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: '4354819200' })).toThrow(/1980 to 2107/);
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: '315532799' })).toThrow(/1980 to 2107/);
    expect(sourceDateEpoch({})).toBeUndefined();
  });

  it('takes over a lock naming a live process that is no build (echo 1 > out/.briefing.lock), with a note', async () => {
    const out = fresh();
    writeFileSync(join(out, '.briefing.lock'), '1\n');
    const { code, stderr } = await runCli(['build', '--format', 'md', '--out', out]);
    expect(stderr).toMatch(/^note: took over .*\.briefing\.lock from process 1, which is not a briefing command/);
    expect(code).toBe(0);
    expect(readdirSync(out)).toEqual(['slides.md']);
  });

  it('leaves files in the output folder it did not make, however they are named', async () => {
    const out = fresh();
    const theirs = ['.draft.2024.05.tmp', '.session.12345.6789.tmp'];
    for (const file of theirs) writeFileSync(join(out, file), 'not briefing’s');
    expect((await runCli(['build', '--format', 'md', '--out', out, '--quiet'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...theirs, 'slides.md'].sort());
  });

  it('refuses a system folder as --out with exit 2, one line and nothing written', async () => {
    for (const dir of ['/proc', '/sys/briefing-out']) {
      const { code, stderr } = await runCli(['build', '--format', 'md', '--out', dir]);
      expect(stderr, dir).toMatch(/^briefing: refusing to (write into|make) \S+ .*system folder/);
      expect(stderr.trim().split('\n'), dir).toHaveLength(1);
      expect(code, dir).toBe(2);
    }
  });

  it('exits 2 with one line when the output folder cannot be written', async () => {
    const blocker = join(fresh(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const { code, stderr } = await runCli(['build', '-f', 'md', '--out', join(blocker, 'out')]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot write/);
  });
});

const browser = browserOrReason();
describe.skipIf(!('path' in browser))(
  `briefing build with Chromium${'reason' in browser ? ` (skipped: ${browser.reason})` : ''}`,
  () => {
    it("times the slides' PDF and the picture PPTX each by its own work, which add up to the browser's time", async () => {
      const inBrowser = ALL_FORMATS.filter((f) => FORMATS[f].produce.by === 'browser');
      const { code, stdout } = await runCli(['build', '--format', inBrowser.join(','), '--out', fresh(), '--json'], {
        env: { CHROME_PATH: 'path' in browser ? browser.path : undefined },
      });
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as { seconds: number; outputs: { format: string; ms: number }[] };
      const [pdf, pptx] = result.outputs;
      expect([pdf?.format, pptx?.format]).toEqual(inBrowser);
      expect(inBrowser).toHaveLength(2);
      // An even split of one browser time gave both the same figure.
      expect(pdf?.ms).not.toBe(pptx?.ms);
      const sum = (pdf?.ms ?? 0) + (pptx?.ms ?? 0);
      expect(sum).toBeLessThanOrEqual(result.seconds * 1000 + 2);
      // The rest is staging the files and closing the browser.
      expect(sum).toBeGreaterThan(result.seconds * 1000 * 0.5);
    }, 120_000);
  },
);
