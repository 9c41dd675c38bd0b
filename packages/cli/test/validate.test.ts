import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReportInput, reportInput, reportToJson } from '@briefing/content';
import { repoRoot, runCli, runsBuilt } from '@briefing/testkit';
import { beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let good: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-validate-'));
  good = join(dir, 'report.json');
  writeFileSync(good, reportToJson(reportInput as never));
});

function writeBroken(edit: (r: ReportInput) => void): string {
  const copy = structuredClone(reportInput) as ReportInput;
  edit(copy);
  const file = join(dir, `broken-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(copy));
  return file;
}

describe('briefing validate', () => {
  it('exits 0 with a one-line summary for a valid report', async () => {
    const { code, stdout, stderr } = await runCli(['validate', good]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^.*report\.json: valid report, 8 sections, 27 list items, 2 figures, 9 table cells, \d+ words\n$/,
    );
  });

  it('takes the file as --input (and -i), as every other command does, with the same verdict as the argument', async () => {
    const broken = writeBroken((r) => {
      r.sources[0]!.url = 'javascript:alert(1)';
    });
    for (const file of [good, broken]) {
      const positional = await runCli(['validate', file]);
      for (const argv of [
        ['validate', '--input', file],
        ['validate', '-i', file],
        ['validate', `--input=${file}`],
        ['validate', file, '--input', file],
      ]) {
        expect(await runCli(argv), argv.join(' ')).toEqual(positional);
      }
    }
    expect((await runCli(['validate', '--input', good])).stdout).toMatch(/report\.json: valid report, 8 sections/);
    const two = await runCli(['validate', good, '--input', join(dir, 'other.json')]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(
      /^briefing validate: two files, ".*other\.json" \(--input\) and ".*report\.json": give one/,
    );
  });

  it('exits 1 and lists every problem by path for an invalid report', async () => {
    const file = writeBroken((r) => {
      const para = r.sections[2]!.blocks[0]!;
      const list = r.sections[4]!.blocks[0]!;
      if (para.type !== 'paragraph' || list.type !== 'list') throw new Error('fixture moved');
      para.text = '';
      list.items[3]!.text = '';
    });
    const { code, stdout, stderr } = await runCli(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('invalid report, 2 problems');
    expect(stderr).toContain('  sections[2].blocks[0].text: must not be empty\n');
    expect(stderr).toContain('  sections[4].blocks[0].items[3].text: must not be empty\n');
  });

  it('exits 1 naming meta.lang for a language tag Intl cannot use (en-GB-GB), never an unexpected error', async () => {
    const file = writeBroken((r) => {
      r.meta.lang = 'en-GB-GB';
    });
    const { code, stderr } = await runCli(['validate', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('  meta.lang: must be a BCP 47 language tag');
    expect(stderr).not.toContain('unexpected error');
  });

  it('exits 2 with one clear line for a missing file', async () => {
    const { code, stderr } = await runCli(['validate', 'no/such/report.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('cannot read no/such/report.json: no such file\n');
  });

  it('exits 2 with one clear line for text that is not JSON', async () => {
    const file = join(dir, 'not-json.json');
    writeFileSync(file, '{ "meta": ');
    const { code, stderr } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/not-json\.json is not valid JSON: /);
  });

  it('exits 2 naming the byte and where it is for a file that is not UTF-8, never a character the fonts cannot show', async () => {
    const text = reportToJson(reportInput as never);
    const at = text.indexOf('Myanmar');
    // "Myanmar" with its "a" written as Latin-1's "á" (0xE1) instead of UTF-8's two bytes.
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at + 3)),
      Buffer.from([0xe1]),
      Buffer.from(text.slice(at + 4)),
    ]);
    const file = join(dir, 'latin1.json');
    writeFileSync(file, bytes);
    const { code, stderr } = await runCli(['validate', file]);
    const line = text.slice(0, at).split('\n').length;
    expect(stderr).toBe(
      `${file} is not UTF-8: invalid byte 0xE1 at offset ${Buffer.byteLength(text.slice(0, at + 3))} (line ${line}); save it as UTF-8\n`,
    );
    expect(code).toBe(2);
  });

  it('exits 2 saying a file is UTF-16 or UTF-32, from its byte-order mark or its zero bytes, and to save it as UTF-8', async () => {
    const text = reportToJson(reportInput as never);
    const utf16le = Buffer.from(text, 'utf16le');
    const utf16be = Buffer.from(utf16le).swap16();
    const utf32le = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) utf32le.writeUInt32LE(text.charCodeAt(i), i * 4);
    const cases: [string, Buffer, string][] = [
      ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), 'is UTF-16 (a byte-order mark FF FE)'],
      ['utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'is UTF-16 (a byte-order mark FE FF)'],
      ['utf16le', utf16le, 'is UTF-16 (little-endian, without a byte-order mark)'],
      ['utf16be', utf16be, 'is UTF-16 (big-endian, without a byte-order mark)'],
      [
        'utf32le-bom',
        Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le]),
        'is UTF-32 (a byte-order mark FF FE 00 00)',
      ],
    ];
    for (const [name, bytes, says] of cases) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, bytes);
      const { code, stderr } = await runCli(['validate', file]);
      expect(stderr, name).toBe(`${file} ${says}; save it as UTF-8\n`);
      expect(code, name).toBe(2);
    }
  });

  it('reads a UTF-8 file that starts with a byte-order mark', async () => {
    const file = join(dir, 'utf8-bom.json');
    writeFileSync(file, `\uFEFF${reportToJson(reportInput as never)}`);
    const { code, stderr } = await runCli(['validate', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 2 on an unknown flag or a missing argument, and shows help on --help', async () => {
    expect((await runCli(['validate', '--strict', good])).code).toBe(2);
    expect((await runCli(['validate'])).code).toBe(2);
    const help = await runCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: briefing validate <report.json>');
  });

  it('exits 2 on an unknown command and lists the commands', async () => {
    const { code, stderr } = await runCli(['publish']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "publish"');
  });

  it('runs as a real process through the bin, with real exit codes and no stack trace', () => {
    const bin = join(repoRoot, 'packages/cli/bin/briefing.js');
    // The compiled CLI when dist is current (as every process test runs it: see the testkit's built.ts),
    // the wrapper and the sources through tsx otherwise: two processes for each of the three runs.
    const env = { ...process.env, BRIEFING_FROM_SOURCE: runsBuilt(repoRoot) ? '0' : '1' };
    expect(execFileSync(process.execPath, [bin, 'validate', good], { env, encoding: 'utf8' })).toContain(
      'valid report',
    );
    const broken = writeBroken((r) => {
      r.sources[0]!.url = 'javascript:alert(1)';
    });
    const bad = spawnSync(process.execPath, [bin, 'validate', broken], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('sources[0].url: must be an absolute http(s) or mailto link');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const missing = spawnSync(process.execPath, [bin, 'validate', join(dir, 'missing.json')], {
      env,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
  });
});
