import { fixPdfDates, runMarpCli } from '@briefing/slides';

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

/** marp-cli with the given browser and the deck's locale; the engine and theme are the HTML deck's. */
function convertWith(markdown: string, args: string[], options: ConvertDeckOptions): Promise<Uint8Array> {
  const locale = localeOf(options.lang);
  return runMarpCli(
    markdown,
    ['--browser-path', options.browserPath, '--browser-timeout', String(options.timeoutSeconds ?? 60), ...args],
    { LC_ALL: locale, LANG: locale, LANGUAGE: options.lang.replace('-', '_') },
  );
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
    want.has('pdf') ? convertWith(markdown, ['--pdf', '--pdf-outlines'], options) : undefined,
    want.has('pptx') ? convertWith(markdown, ['--pptx'], options) : undefined,
  ]);
  return {
    ...(pdf ? { pdf: options.date ? await fixPdfDates(pdf, options.date) : pdf } : {}),
    ...(pptx ? { pptx } : {}),
  };
}
