import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo, runCli } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { watchCommand } from '../src/commands/watch.js';
import type { CliError } from '../src/edge/errors.js';
import { ALL_FORMATS, BROWSERLESS_FORMATS, FORMATS, mediaTypeOf, parseFormat } from '../src/edge/formats.js';
import { startPreview } from '../src/preview/preview-server.js';

describe('the FORMATS table', () => {
  it('gives every format a distinct file and a media type, and parses names and file names only', () => {
    const files = ALL_FORMATS.map((f) => FORMATS[f].file);
    expect(new Set(files).size).toBe(files.length);
    for (const f of ALL_FORMATS) {
      expect(parseFormat(f)).toBe(f);
      expect(parseFormat(` ${FORMATS[f].file.toUpperCase()} `)).toBe(f);
      expect(mediaTypeOf(FORMATS[f].file)).toBe(FORMATS[f].mediaType);
    }
    for (const name of ['toString', '__proto__', 'constructor', 'docx', '']) expect(parseFormat(name)).toBeUndefined();
  });

  it('is what build --help lists: each format with its file, what it is and whether it needs Chromium', async () => {
    const { code, stdout } = await runCli(['build', '--help']);
    expect(code).toBe(0);
    const listed = stdout
      .split('\n')
      .filter((line) => /^ {2}\S+ {2,}\S+\.\w+ {2}/.test(line))
      .map((line) => line.trim().split(/\s{2,}/));
    expect(listed).toEqual(
      ALL_FORMATS.map((f) => [
        f,
        FORMATS[f].file,
        `${FORMATS[f].description}${FORMATS[f].browser ? ' (needs Chromium)' : ''}`,
      ]),
    );
  });

  it('is what watch builds: the browserless formats by default, the browser ones when asked for, with a browser', async () => {
    // Only Marp's own PDF and the picture PPTX are drawn by Chromium: every other output
    // (the PDF briefing, the Markdown, the HTML deck, the editable PPTX) is made without one.
    expect(BROWSERLESS_FORMATS.map((f) => FORMATS[f].file)).toEqual([
      'briefing.pdf',
      'slides.md',
      'slides.html',
      'slides.pptx',
    ]);
    expect(ALL_FORMATS.filter((f) => !BROWSERLESS_FORMATS.includes(f)).map((f) => FORMATS[f].file)).toEqual([
      'slides.pdf',
      'slides-images.pptx',
    ]);
    const help = await runCli(['watch', '--help']);
    expect(help.stdout).toContain(`formats to rebuild (default: ${BROWSERLESS_FORMATS.join(', ')})`);
    for (const format of ALL_FORMATS.filter((f) => FORMATS[f].browser)) {
      const { io, out } = captureIo();
      // Without a browser the watch must refuse at once: it would otherwise serve until this signal.
      io.signal = AbortSignal.timeout(5000);
      const argv = ['--format', format, '--port', '0', '--out', mkdtempSync(join(tmpdir(), 'w-'))];
      // As main() reports it: a CliError becomes its message and exit code.
      const code = await watchCommand.run(argv, io, { findBrowser: () => undefined }).catch((error: CliError) => {
        out.stderr += `${error.message}\n`;
        return error.exitCode;
      });
      expect(code, format).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim()).toBe(
        `briefing watch: no Chromium found for ${FORMATS[format].file}: install it (apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary`,
      );
    }
  });

  it('gives the preview server its content types', async () => {
    const outputs = new Map(ALL_FORMATS.map((f) => [FORMATS[f].file, `the ${f} output`]));
    const preview = await startPreview(0, { title: 'T', outputs });
    try {
      const port = new URL(preview.url).port;
      for (const f of ALL_FORMATS) {
        const res = await get(port, `/${FORMATS[f].file}`);
        expect([res.status, res.type, res.body], f).toEqual([200, FORMATS[f].mediaType, `the ${f} output`]);
      }
      expect((await get(port, '/other.bin')).status).toBe(404);
    } finally {
      await preview.close();
    }
  });
});

function get(port: string, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}
