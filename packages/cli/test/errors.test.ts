// Failures told by their cause (errors.ts): a bug in briefing is exit 70 and asks for a
// report, not "the browser failed" or a usage error.
import { ReportValidationError } from '@briefing/content';
import { ProtocolError, TimeoutError } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { browserFailure } from '../src/browser/marp.js';
import { CliError, EXIT } from '../src/edge/errors.js';
import { failure } from '../src/main.js';

function told(error: unknown, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const code = failure('build', error, { env, stderr: (text) => lines.push(text) });
  return { code, stderr: lines.join('') };
}

describe('failure', () => {
  it('reports an unexpected exception as an internal error (exit 70), the stack only under BRIEFING_DEBUG', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'slides')");
    const quiet = told(bug);
    expect(quiet.code).toBe(EXIT.internal);
    expect(quiet.code).toBe(70);
    expect(quiet.stderr).toMatch(/^briefing build: internal error, please report it: Cannot read properties/);
    expect(quiet.stderr).not.toContain('errors.test.ts');
    const debug = told(bug, { BRIEFING_DEBUG: '1' });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toContain('errors.test.ts');
  });

  it('keeps the causes the user can act on: content 1, a CliError its own code, a failed system call 2', () => {
    expect(told(new ReportValidationError([{ path: 'meta.title', message: 'empty' }])).code).toBe(EXIT.invalid);
    expect(told(new CliError('briefing: no browser', EXIT.usage)).code).toBe(EXIT.usage);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    const io = told(full);
    expect(io.code).toBe(EXIT.usage);
    expect(io.stderr).toBe('briefing build: ENOSPC: no space left on device, write\n');
  });
});

describe('browserFailure', () => {
  it('tells what the browser did as one browser line with exit 2', () => {
    const closed = browserFailure(new ProtocolError('Target closed'), '/usr/bin/chromium', 60_000);
    expect(closed).toBeInstanceOf(CliError);
    expect((closed as CliError).message).toBe(
      'briefing: the browser conversion (/usr/bin/chromium) failed: Target closed',
    );
    expect((browserFailure(new TimeoutError('late'), '/usr/bin/chromium', 60_000) as CliError).message).toMatch(
      /did not answer within 60 s/,
    );
  });

  it('leaves a bug in our own code as it is, for main to report as internal, never as "the browser failed"', () => {
    const bug = new TypeError('pdf-lib: expected a PDFDict');
    expect(browserFailure(bug, '/usr/bin/chromium', 60_000)).toBe(bug);
    expect(told(browserFailure(bug, '/usr/bin/chromium', 60_000)).code).toBe(EXIT.internal);
  });
});
