import type { Chart, Datum, RichText, Run } from './schema.js';

/** Every rich text as a list of runs: a plain string becomes one text run. */
export function toRuns(text: RichText): Run[] {
  return typeof text === 'string' ? [{ type: 'text', text }] : text;
}

/**
 * Inline text as plain text: runs joined, white space folded to single spaces.
 * The one flattening both renderers and all checks use, so "the same text" means the same.
 */
export function plainText(text: RichText): string {
  return foldSpace(
    toRuns(text)
      .map((run) => run.text)
      .join(''),
  );
}

/** Collapse every run of white space (including line breaks) to one space and trim. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Number formatting in the report's language, fixed so outputs never depend on the machine's locale. */
export function formatNumber(value: number, lang: string): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Building an Intl.NumberFormat costs far more than using one: keep one per language. */
const numberFormats = new Map<string, Intl.NumberFormat>();

const QUALIFIER: Record<NonNullable<Datum['qualifier']>, string> = {
  about: 'about ',
  over: 'over ',
  under: 'under ',
  exactly: '',
};

/** "about 1,000 million internet users", as both renderers print a data point. */
export function formatDatumValue(datum: Datum, chart: Pick<Chart, 'unit'>, lang: string): string {
  const q = datum.qualifier ? QUALIFIER[datum.qualifier] : '';
  return `${q}${formatNumber(datum.value, lang)} ${chart.unit}`;
}

/** "about 70% of the population", or undefined when the data point has no share. */
export function formatDatumShare(datum: Datum, lang: string): string | undefined {
  return datum.share === undefined ? undefined : `about ${formatNumber(datum.share, lang)}% of the population`;
}

/** The chart described in one sentence: the alt text of the PDF figure and the slide SVG. */
export function chartAltText(chart: Chart, lang: string): string {
  if (chart.alt) return foldSpace(chart.alt);
  const parts = chart.data.map((d) => {
    const share = formatDatumShare(d, lang);
    return `${d.label}: ${formatDatumValue(d, chart, lang)}${share ? ` (${share})` : ''}`;
  });
  return `Bar chart, ${chart.title}. ${parts.join('; ')}. As of ${chart.asOf}; source: ${chart.source.publisher}.`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO date (`2024-02-23`) written out in the report's language: "23 February 2024". Never depends on the machine's time zone. */
export function formatDate(iso: string, lang: string): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * Where the first sentence of `text` ends (just after its closing punctuation), or undefined
 * when the text is a single sentence. A sentence ends at `.`, `!` or `?` (and any closing
 * quotes or brackets) followed by white space and a capital letter, digit or opening quote,
 * and never in the first 12 characters, so "U.S. officials" or "Dr. Rao" stay whole.
 * The slides show this first sentence of a long item; the checks look for it.
 */
export function firstSentenceEnd(text: string): number | undefined {
  const m = /[.!?][”’"')\]]*\s+(?=[\p{Lu}\p{N}“‘"(])/u.exec(text.slice(12));
  if (!m) return undefined;
  const end = 12 + m.index + m[0].trimEnd().length;
  return text.slice(end).trim() === '' ? undefined : end;
}

const LEAD_WORDS = 6;

/**
 * The lead of a list item, which every output must show: its term, or else the first
 * words (at most six) of its first sentence.
 */
export function itemLead(item: { term?: string | undefined; text: RichText }): string {
  if (item.term) return item.term;
  const raw = toRuns(item.text)
    .map((run) => run.text)
    .join('');
  const sentence = foldSpace(raw.slice(0, firstSentenceEnd(raw) ?? raw.length));
  const words = sentence.split(' ');
  return words.length <= LEAD_WORDS ? sentence : words.slice(0, LEAD_WORDS).join(' ');
}
