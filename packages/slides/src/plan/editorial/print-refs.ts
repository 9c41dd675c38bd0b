// Print cross-references: phrases that point at a place on a printed page ("listed below",
// "see Table 1", "overleaf", "on page 4"). On a slide there is no below, no page and no
// numbered table, so each of these sends the audience looking for something that is not
// there. The grammar is an allow-list of such phrases, built from the small word lists below;
// a word such as "above" on its own ("above all in ethnic states") is never one.

/** Verbs of a text that points elsewhere in it: "as listed below", "noted above". */
const POINTING = [
  'listed',
  'shown',
  'given',
  'described',
  'set out',
  'outlined',
  'detailed',
  'discussed',
  'explained',
  'summari[sz]ed',
  'mentioned',
  'noted',
  'cited',
  'quoted',
  'illustrated',
  'presented',
  'defined',
  'tabulated',
  'reproduced',
  'compared',
];

/** Parts of a printed document that are referred to by place or by number. */
const PARTS = [
  'tables?',
  'figures?',
  'fig\\.',
  'charts?',
  'box(?:es)?',
  'maps?',
  'graphs?',
  'diagrams?',
  'lists?',
  'sections?',
  'chapters?',
  'pages?',
  'annex(?:es)?',
  'appendix',
  'appendices',
  'footnotes?',
  'endnotes?',
  'paragraphs?',
  'panels?',
];

/** Parts a printed document numbers, so that "Table 1" on its own points into print. */
const NUMBERED = ['table', 'figure', 'fig\\.', 'box', 'annex', 'appendix', 'footnote', 'endnote'];

/** "below" or "above" as a place, not a quantity ("below 10%", "above $5"). */
const PLACE = '(?:below|above)(?!\\s*[-–−]?[\\d$€£₹¥%])';
/** A part's number: 1, 2.3, 4a, or a capital letter or Roman numeral (checked for case below). */
const LABEL = '(?<label>\\d+(?:\\.\\d+)*[a-z]?|[ivxlc]+|[a-z])\\b';
const alt = (words: readonly string[]) => `(?:${words.join('|')})`;

/** The phrases, each a small pattern; matched case-insensitively, as whole words. */
export const PRINT_PHRASES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'overleaf', pattern: /\boverleaf\b/iu },
  { name: 'pointing verb and place', pattern: new RegExp(`\\b${alt(POINTING)}\\s+${PLACE}`, 'iu') },
  {
    name: 'part by place',
    pattern: new RegExp(`\\b(?:the|this|that|these|those)\\s+${alt(PARTS)}\\s+${PLACE}`, 'iu'),
  },
  {
    name: 'see',
    pattern: new RegExp(
      `\\b(?:see|cf\\.|compare)\\s+(?:also\\s+)?(?:${PLACE}|overleaf|(?:the\\s+)?${alt(PARTS)}\\s+(?:${PLACE}|${LABEL})|pp?\\.\\s*\\d)`,
      'iu',
    ),
  },
  {
    name: 'page',
    pattern:
      /\b(?:on|at|from|in)\s+(?:(?:page|p\.|pp\.)\s*\d|the\s+(?:next|previous|following|preceding|facing|opposite|same)\s+page)/iu,
  },
  { name: 'numbered part', pattern: new RegExp(`\\b${alt(NUMBERED)}\\s+${LABEL}`, 'iu') },
];

/**
 * The first print cross-reference in `text`, as written, or undefined. A part's label in
 * letters counts only in capitals ("Annex B", "Table IV"), so "a box a day" is no reference.
 */
export function printReference(text: string): string | undefined {
  for (const { pattern } of PRINT_PHRASES) {
    const global = new RegExp(pattern.source, 'giu');
    for (const m of text.matchAll(global)) {
      const label = m.groups?.label;
      if (label && /^\p{L}+$/u.test(label) && label !== label.toUpperCase()) continue;
      return m[0];
    }
  }
  return undefined;
}
