import { spawn } from 'node:child_process';
import { fixPdfDates, marpCliArgs, marpCliInvocation } from '@briefing/slides';

export type BrowserFormat = 'pdf' | 'pptx';

export interface ConvertDeckOptions {
  /** Chromium executable (from findBrowser); marp-cli never looks for or downloads one itself. */
  browserPath: string;
  /** BCP 47 language of the deck (report.meta.lang): `<html lang>` and the browser locale. */
  lang: string;
  /**
   * The report's date (YYYY-MM-DD, report.meta.date): stamped as the PDF's CreationDate and
   * ModDate instead of the conversion time, which makes the PDF byte-for-byte reproducible.
   */
  date?: string;
  /** marp-cli's timeout for each browser operation, in seconds (default 60). */
  timeoutSeconds?: number;
}

/** A POSIX locale name for a BCP 47 tag: en-GB → en_GB.UTF-8. */
export function localeOf(lang: string): string {
  const [language, region] = lang.split('-');
  return `${language}${region && /^[A-Za-z]{2}$/.test(region) ? `_${region.toUpperCase()}` : ''}.UTF-8`;
}

/**
 * Run marp-cli once on Markdown from stdin and return what it writes to stdout. The engine
 * and theme are the slides package's (same module as the HTML deck); no file is written here
 * and marp-cli's own temporary files are its business.
 */
function runMarpCli(markdown: string, args: string[], options: ConvertDeckOptions): Promise<Uint8Array> {
  const { node, execArgv, cli, engine } = marpCliInvocation();
  const locale = localeOf(options.lang);
  return new Promise((resolve, reject) => {
    const child = spawn(
      node,
      [
        ...execArgv,
        cli,
        ...marpCliArgs(engine),
        '--browser-path',
        options.browserPath,
        '--browser-timeout',
        String(options.timeoutSeconds ?? 60),
        ...args,
        '--stdin',
        '-o',
        '-',
      ],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', LC_ALL: locale, LANG: locale, LANGUAGE: options.lang.replace('-', '_') },
      },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const data = Buffer.concat(out);
      if (code === 0 && data.length > 0) resolve(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else
        reject(
          new Error(`marp-cli ${args.join(' ')} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`),
        );
    });
    child.stdin.end(markdown, 'utf8');
  });
}

/**
 * Convert Marp Markdown to PDF and/or PPTX (speaker notes included) with marp-cli and the
 * given browser, using the same engine and theme as the HTML deck. marp-cli starts one
 * browser per run and converts one format per run, so the two formats run side by side.
 */
export async function convertDeck(
  markdown: string,
  formats: readonly BrowserFormat[],
  options: ConvertDeckOptions,
): Promise<{ pdf?: Uint8Array; pptx?: Uint8Array }> {
  const want = new Set(formats);
  const [pdf, pptx] = await Promise.all([
    want.has('pdf') ? runMarpCli(markdown, ['--pdf', '--pdf-outlines'], options) : undefined,
    want.has('pptx') ? runMarpCli(markdown, ['--pptx'], options) : undefined,
  ]);
  return {
    ...(pdf ? { pdf: options.date ? await fixPdfDates(pdf, options.date) : pdf } : {}),
    ...(pptx ? { pptx } : {}),
  };
}
