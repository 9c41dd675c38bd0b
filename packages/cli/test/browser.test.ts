import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserTimeout, DEFAULT_BROWSER_TIMEOUT, FIXED_PATHS, findBrowser } from '../src/browser/browser.js';
import { CliError } from '../src/edge/errors.js';

describe('findBrowser', () => {
  let dir: string;
  const exe = (path: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses CHROME_PATH when it is an executable file', () => {
    const chrome = exe(join(dir, 'my-chrome'));
    const fixed = exe(join(dir, 'usr', 'chromium'));
    expect(findBrowser({ CHROME_PATH: chrome, PATH: '' }, { fixedPaths: [fixed] })).toBe(chrome);
  });

  it('refuses a CHROME_PATH that does not exist, is not executable or is a directory, naming it and why', () => {
    const notExe = join(dir, 'plain-file');
    writeFileSync(notExe, '');
    const fixed = exe(join(dir, 'usr', 'chromium'));
    for (const [CHROME_PATH, why] of [
      [join(dir, 'missing'), 'does not exist'],
      [join(dir, 'plain-file', 'below-a-file'), 'does not exist'],
      [notExe, 'is not executable'],
      [dir, 'is not a file'],
    ] as const) {
      let error: unknown;
      try {
        findBrowser({ CHROME_PATH, PATH: '' }, { fixedPaths: [fixed] });
      } catch (e) {
        error = e;
      }
      expect(error, CHROME_PATH).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toContain(`CHROME_PATH is "${CHROME_PATH}", which ${why}`);
    }
    // Unset or empty, the usual places are searched.
    expect(findBrowser({ CHROME_PATH: '', PATH: '' }, { fixedPaths: [fixed] })).toBe(fixed);
  });

  it('prefers /usr/bin/chromium, then chromium, chromium-browser and google-chrome on PATH', () => {
    expect(FIXED_PATHS).toEqual(['/usr/bin/chromium']);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const chrome = exe(join(a, 'google-chrome'));
    const chromiumBrowser = exe(join(b, 'chromium-browser'));
    const env = { PATH: [a, b].join(':') };
    // By name first (chromium before google-chrome), then along PATH.
    expect(findBrowser(env, { fixedPaths: [] })).toBe(chromiumBrowser);
    const chromiumInB = exe(join(b, 'chromium'));
    expect(findBrowser(env, { fixedPaths: [] })).toBe(chromiumInB);
    rmSync(chromiumInB);
    rmSync(chromiumBrowser);
    expect(findBrowser(env, { fixedPaths: [] })).toBe(chrome);
    const fixed = exe(join(dir, 'usr', 'chromium'));
    expect(findBrowser(env, { fixedPaths: [fixed] })).toBe(fixed);
  });

  it('returns undefined when there is no browser (never downloads one)', () => {
    expect(findBrowser({ PATH: join(dir, 'empty') }, { fixedPaths: [join(dir, 'nope')] })).toBeUndefined();
    expect(findBrowser({}, { fixedPaths: [] })).toBeUndefined();
  });
});

describe('browserTimeout (BRIEFING_BROWSER_TIMEOUT)', () => {
  it('is 60 seconds unless BRIEFING_BROWSER_TIMEOUT says otherwise, fractions included', () => {
    expect(DEFAULT_BROWSER_TIMEOUT).toBe(60);
    expect(browserTimeout({})).toBe(60);
    expect(browserTimeout({ BRIEFING_BROWSER_TIMEOUT: '' })).toBe(60);
    expect(browserTimeout({ BRIEFING_BROWSER_TIMEOUT: '120' })).toBe(120);
    expect(browserTimeout({ BRIEFING_BROWSER_TIMEOUT: ' 0.5 ' })).toBe(0.5);
  });

  it('refuses anything but a number of seconds above 0 and up to a day, naming the value (exit 2)', () => {
    for (const value of ['0', '0.0', '-1', 'abc', '1e3', '60s', 'Infinity', '86401', '1.', '.5']) {
      let error: unknown;
      try {
        browserTimeout({ BRIEFING_BROWSER_TIMEOUT: value });
      } catch (e) {
        error = e;
      }
      expect(error, value).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toContain(`BRIEFING_BROWSER_TIMEOUT must be a number of seconds`);
      expect((error as CliError).message).toContain(JSON.stringify(value));
    }
  });
});
