// The building blocks of the schema: limits, the characters a string may hold (the rule is in
// characters.ts), single-line and prose strings, ids, dates, links and language tags.
import { z } from 'zod';
import { ADMITTED_TEXT, characterProblem, langProblem } from './characters.js';
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
 * Every string of the schema starts here, so the character rule (characters.ts: only what every
 * face of every output draws) holds by construction for every field, present and future.
 */
export const text = () =>
  z.string({ error: 'must be a string' }).regex(ADMITTED_TEXT, {
    error: (issue) => (typeof issue.input === 'string' ? characterProblem(issue.input) : undefined),
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

/**
 * BCP 47 language tag such as `en`, `en-GB` or `zh-Hant-TW`, one Intl can use, and one whose
 * dates and numbers (which the renderers write in it) the fonts draw.
 */
export const Lang = text()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, LANG_MESSAGE)
  .refine(intlAccepts, LANG_MESSAGE)
  .superRefine((tag, ctx) => {
    const problem = intlAccepts(tag) ? langProblem(tag) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
