// The building blocks of the schema: limits, the characters a string may hold, single-line
// and prose strings, ids, dates, links and language tags.
import { z } from 'zod';
import { canonicalHref, hrefProblem } from './href.js';

/**
 * Limits are generous enough for a long report (see the stress tests) and tight
 * enough to catch a paste gone wrong.
 */
export const LIMITS = {
  title: 200,
  shortTitle: 60,
  heading: 200,
  term: 120,
  run: 20_000,
  runs: 200,
  takeaways: 12,
  sections: 200,
  blocks: 200,
  items: 500,
  notes: 50,
  sources: 200,
  chartData: 24,
  keywords: 20,
  /** Table shape: columns, body rows, and the characters of one cell. */
  columns: 6,
  rows: 100,
  cell: 600,
} as const;

export const EMPTY = 'must not be empty';

/**
 * Characters no report may hold, in any string field: C0 controls but tab, line feed and
 * carriage return (`line` fields refuse those two on their own), DEL, C1 controls, the bidi
 * embedding/override/isolate controls (they reorder the text around them in every output and
 * in the terminal; the bidi *marks* U+200E, U+200F and U+061C stay allowed), and lone UTF-16
 * surrogates (half a character, which no font, PDF string or UTF-8 file can hold).
 * With the `u` flag a surrogate range matches only unpaired halves.
 */
export const FORBIDDEN_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

/** The same set as a whole-string pattern: zod checks it and it appears in the JSON Schema for editors. */
const ALLOWED_TEXT = new RegExp(`^[^${FORBIDDEN_CHARACTER.source.slice(1, -1)}]*$`, 'u');

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a string that fails ALLOWED_TEXT, naming the first offending character, escaped. */
export function forbiddenCharacterMessage(text: string): string {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (!match) return 'must not contain control characters';
  const code = match[0].codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff) return `must not contain a lone surrogate ${hex(code)}`;
  if (code >= 0x202a) return `must not contain the bidi control character ${hex(code)}`;
  return `must not contain the control character ${hex(code)}`;
}

/**
 * Every string of the schema starts here, so the character rule holds by construction for
 * every field, present and future.
 */
export const text = () =>
  z.string({ error: 'must be a string' }).regex(ALLOWED_TEXT, {
    error: (issue) => (typeof issue.input === 'string' ? forbiddenCharacterMessage(issue.input) : undefined),
  });

/** A non-empty line of text: no leading/trailing blanks, no line breaks, at most `max` characters. */
export const line = (max: number) =>
  text()
    .min(1, EMPTY)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, EMPTY)
    .refine((s) => s === s.trim(), 'must not start or end with white space')
    .refine((s) => !/[\r\n]/.test(s), 'must be a single line');

/** A non-empty run of prose (no layout control: line breaks are white space to every renderer). */
export const prose = (max: number) =>
  text()
    .min(1, EMPTY)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, EMPTY);

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Id = text()
  .min(1, EMPTY)
  .max(80, 'must be at most 80 characters')
  .regex(KEBAB, 'must be kebab-case (lower-case letters, digits and single hyphens)');

/** Calendar date, `YYYY-MM-DD`, and a real day (no 2024-02-30). */
export const IsoDate = z.iso.date({ error: 'must be a valid ISO date (YYYY-MM-DD)' });

/**
 * A link: an absolute http(s) link naming a host, or a mailto link. A `javascript:` or `data:`
 * link never reaches a renderer, nor one with characters a reader cannot see or a backslash
 * (hrefProblem says which); every other is stored in its canonical spelling (canonicalHref),
 * which is what the PDF, the deck and the PPTX all write.
 */
export const Href = text()
  .min(1, EMPTY)
  .superRefine(
    (href, ctx) => {
      const problem = hrefProblem(href);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    },
    // One message a link: a character the text rule refuses, or an empty link, is said already.
    { when: (payload) => payload.issues.length === 0 },
  )
  .overwrite(canonicalHref)
  .max(2048, 'must be at most 2048 characters (once non-ASCII characters are %-encoded)');

const LANG_MESSAGE = 'must be a BCP 47 language tag such as en-GB that Intl can format dates and numbers in';

/** Whether every Intl service the renderers use accepts the tag (`en-GB-GB` passes a regex but not Intl). */
function intlAccepts(tag: string): boolean {
  try {
    Intl.getCanonicalLocales(tag);
    new Intl.DateTimeFormat(tag);
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

/** BCP 47 language tag such as `en`, `en-GB` or `zh-Hant-TW`, and one Intl can use. */
export const Lang = text()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, LANG_MESSAGE)
  .refine(intlAccepts, LANG_MESSAGE);
