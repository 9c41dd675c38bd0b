import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportInput } from '@briefing/content';
import { runCli } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../src/main.js';

/** Any byte a terminal would act on: C0 (but \n and \t), DEL, C1, bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

describe('what briefing prints to the terminal', () => {
  it('shows control bytes in a flag value escaped, never raw', async () => {
    const { code, stdout, stderr } = await runCli(['build', '--format', 'x\x07\x1b[31m']);
    expect(code).toBe(2);
    expect(stderr).toContain('\\u0007');
    expect(stderr).toContain('\\u001b[31m');
    expect(stderr + stdout).not.toMatch(RAW_CONTROL);
  });

  it('shows an escape byte in a missing --input path escaped', async () => {
    const { code, stderr } = await runCli(['build', '-f', 'md', '--input', 'gone\x1b]0;pwned\x07.json']);
    expect(code).toBe(2);
    expect(stderr).toContain('gone\\u001b]0;pwned\\u0007.json');
    expect(stderr).not.toMatch(RAW_CONTROL);
  });

  it('escapes C1 and bidi controls in an unknown command and in validate’s file name', async () => {
    const unknown = await runCli(['bu\u202eild\u0085']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('bu\\u202eild\\u0085');
    const validate = await runCli(['validate', 'no\u009bsuch\u2066.json']);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('no\\u009bsuch\\u2066.json');
    expect(unknown.stderr + validate.stderr).not.toMatch(RAW_CONTROL);
  });

  it('keeps --json output valid JSON with the same values when a path holds a C1 control', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'briefing-main-')), 'out\u0085dir');
    const { code, stdout } = await runCli(['build', '-f', 'md', '--json', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(stdout).outDir).toBe(out);
  });

  it('leaves line breaks, tabs, right-to-left text and emoji alone', async () => {
    expect(terminalSafe('a\tb\nמרחב عربي 😀\n')).toBe('a\tb\nמרחב عربي 😀\n');
    expect(terminalSafe('\r\x00\x7f\u0085\u200f\ud800')).toBe('\\u000d\\u0000\\u007f\\u0085\\u200f\\ud800');
  });

  it('still prints a valid report’s summary as before', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-main-')), 'report.json');
    writeFileSync(file, JSON.stringify(reportInput));
    const { code, stdout } = await runCli(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('valid report');
  });
});

describe('command names', () => {
  it('treats names inherited from Object (toString, __proto__, constructor) as unknown commands, not a crash', async () => {
    for (const argv of [['toString'], ['__proto__'], ['constructor', '--help'], ['help', 'toString']]) {
      const { code, stderr, stdout } = await runCli(argv);
      expect(stderr + stdout, argv.join(' ')).not.toContain('unexpected error');
      expect(code, argv.join(' ')).toBe(argv[0] === 'help' ? 0 : 2);
    }
  });
});
