// The one character rule: a report may hold only characters every face of every output draws,
// in capitals too (charset.ts, generated from the fonts), and its language must write dates
// and numbers in characters those faces draw. The schema's text() and Lang primitives apply
// it, so validate, build, watch and check give one verdict on every string field, present and
// future.
import { DRAWN, UNCASED } from './charset.js';
import { formatDate, formatMonth, formatNumber } from './text.js';

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** A code point as a regular expression writes it (astral ones as their surrogate pair, which the `u` flag reads as one). */
const regexEscape = (cp: number) =>
  String.fromCodePoint(cp)
    .split('')
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');

const uncased = new Set(UNCASED);

/** The ranges of DRAWN less the characters whose capitals the faces lack. */
const ADMITTED: [number, number][] = DRAWN.flatMap(([a, b]) => {
  const out: [number, number][] = [];
  let start = a;
  for (let cp = a; cp <= b + 1; cp++) {
    if (cp <= b && !uncased.has(cp)) continue;
    if (start < cp) out.push([start, cp - 1]);
    start = cp + 1;
  }
  return out;
});

/**
 * The characters a report's text may hold, as a whole-string pattern: zod checks it, and it
 * appears in the JSON Schema, so editors flag the same characters.
 */
export const ADMITTED_TEXT = new RegExp(
  `^[${ADMITTED.map(([a, b]) => (a === b ? regexEscape(a) : `${regexEscape(a)}-${regexEscape(b)}`)).join('')}]*$`,
  'u',
);

/** Whether every face of every output draws the code point (binary search of the ranges). */
export function isDrawn(cp: number): boolean {
  let lo = 0;
  let hi = DRAWN.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = DRAWN[mid] as readonly [number, number];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether a report's text may hold the code point: drawn by every face, and its capitals too. */
export function isAdmitted(cp: number): boolean {
  return isDrawn(cp) && !uncased.has(cp);
}

/**
 * Characters that are not text to draw, each with what to call it. The rule itself is the
 * allow-list above; these only name why a character outside it is refused, most specific first.
 */
const KINDS: [RegExp, string][] = [
  [/\p{Cs}/u, 'a lone surrogate'],
  [/\p{Cc}/u, 'the control character'],
  [/[\u202A-\u202E\u2066-\u2069]/u, 'the bidi control character'],
  [/[\u2028\u2029]/u, 'the line or paragraph separator'],
  [/\p{Noncharacter_Code_Point}/u, 'the noncharacter'],
  [/\p{Co}/u, 'the private-use character'],
  [/\p{Cn}/u, 'the unassigned code point'],
  [/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u, 'the invisible character'],
];

/** A combining mark (the fonts draw accented letters composed, as one character). */
const MARK = /\p{M}/u;

/** How a character appears in a message: itself in quotes, or only its code point when it would not show. */
const shown = (char: string, cp: number) => (/[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? `"${char}" (${hex(cp)})` : hex(cp));

/**
 * What is wrong with the characters of `text`, or undefined when every one is drawn:
 * `must not contain the control character U+0007` for the first character that is no text at
 * all, else the first combining mark on a letter the fonts draw composed (`write "é" as one
 * character`), else every character the fonts lack, once each: `characters the fonts cannot
 * show: "😀" (U+1F600), "☃" (U+2603)`.
 */
export function characterProblem(text: string): string | undefined {
  if (ADMITTED_TEXT.test(text)) return undefined;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const kind = isDrawn(cp) ? undefined : KINDS.find(([pattern]) => pattern.test(char));
    if (kind) return `must not contain ${kind[1]} ${hex(cp)}`;
  }
  // A combining mark on a letter that has a composed form the fonts draw: say which to write.
  let previous = '';
  for (const char of text) {
    const composed = `${previous}${char}`.normalize('NFC');
    if (MARK.test(char) && previous !== '' && [...composed].length === 1 && isAdmitted(composed.codePointAt(0) ?? 0))
      return `must not contain the combining mark ${hex(char.codePointAt(0) ?? 0)}: write "${composed}" as one character`;
    previous = char;
  }
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (uncased.has(cp))
      return `must not contain ${shown(char, cp)}: the fonts cannot show its capital "${char.toUpperCase()}" (kickers and series titles are set in capitals)`;
  }
  return `characters the fonts cannot show: ${lacking(text)}`;
}

/** Every character of `text` the fonts lack, once each, as messages show them. */
function lacking(text: string): string {
  const out: string[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (isDrawn(cp)) continue;
    const named = shown(char, cp);
    if (!out.includes(named)) out.push(named);
  }
  return out.join(', ');
}

/**
 * Dates and figures as the renderers write them in a language: every month (the day and
 * month forms), round numbers in words in each plural form ("1 million", "2 millions", "5
 * миллионов", up to trillions) and digits with their separators.
 */
function writtenIn(lang: string): string[] {
  const out: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    for (const day of ['01', '02', '03', '11', '21', '23']) out.push(formatDate(`2024-${mm}-${day}`, lang));
    out.push(formatMonth(`2024-${mm}-01`, lang));
  }
  for (const scale of [1e6, 1e9, 1e12, 1e15])
    for (const n of [1, 1.5, 2, 3, 5, 11, 21, 22, 100, 101, 999]) out.push(formatNumber(n * scale, lang));
  out.push(formatNumber(1234567890.25, lang), formatNumber(0.5, lang), formatNumber(-1.5, lang));
  return out;
}

const langProblems = new Map<string, string | undefined>();

/**
 * What is wrong with the dates and numbers a language writes, or undefined: `writes dates and
 * numbers such as "2024年1月1日", with characters the fonts cannot show: "年" (U+5E74)`.
 * Decided once per language, whatever dates and figures the report holds, and kept.
 */
export function langProblem(lang: string): string | undefined {
  if (!langProblems.has(lang)) {
    // Dates and numbers are never set in capitals: drawn is enough.
    const text = writtenIn(lang).find((t) => [...t].some((c) => !isDrawn(c.codePointAt(0) ?? 0)));
    langProblems.set(
      lang,
      text === undefined
        ? undefined
        : `writes dates and numbers such as "${text}", with characters the fonts cannot show: ${lacking(text)}`,
    );
  }
  return langProblems.get(lang);
}
