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

/**
 * A number as a reader expects it, in the report's language, never depending on the machine's
 * locale: a round number of a million or more in words ("1 billion", "600 million", "1.5
 * billion"), any other with digit grouping ("1,234,567", "0.5"). Words only when they are
 * exact: a number with more than three significant digits keeps its digits.
 */
export function formatNumber(value: number, lang: string): string {
  let formats = numberFormats.get(lang);
  if (!formats) {
    formats = {
      digits: new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }),
      words: new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }),
    };
    numberFormats.set(lang, formats);
  }
  const round = Math.abs(value) >= 1e6 && Number.isFinite(value) && Number(value.toPrecision(3)) === value;
  return noNarrowSpace((round ? formats.words : formats.digits).format(value));
}

/**
 * French (and other languages, in some forms) group digits with a narrow no-break space,
 * which the deck's embedded subsets do not draw: the renderers write a no-break space, which
 * every face draws and which keeps the figure on one line just as well.
 */
const noNarrowSpace = (text: string) => text.replaceAll('\u202F', '\u00A0');

/** Building an Intl.NumberFormat costs far more than using one: keep them per language. */
const numberFormats = new Map<string, { digits: Intl.NumberFormat; words: Intl.NumberFormat }>();

const QUALIFIER: Record<NonNullable<Datum['qualifier']>, string> = {
  about: 'about ',
  over: 'over ',
  under: 'under ',
  exactly: '',
};

/** "about 1 billion internet users": a data point with its unit, as the alt text and the checks say it. */
export function formatDatumValue(datum: Datum, chart: Pick<Chart, 'unit'>, lang: string): string {
  return `${formatDatumFigure(datum, lang)} ${chart.unit}`;
}

/** "about 1 billion": a data point's figure as both renderers write it by its bar (the series' title names the unit). */
export function formatDatumFigure(datum: Datum, lang: string): string {
  const q = datum.qualifier ? QUALIFIER[datum.qualifier] : '';
  return `${q}${formatNumber(datum.value, lang)}`;
}

/** "about 70% of the population", or undefined when the data point has no share. */
export function formatDatumShare(datum: Datum, lang: string): string | undefined {
  const share = formatSharePercent(datum, lang);
  return share === undefined ? undefined : `${share} of the population`;
}

/** "about 70%": a data point's share as the chart's second series labels it; undefined without one. */
export function formatSharePercent(datum: Datum, lang: string): string | undefined {
  return datum.share === undefined ? undefined : `about ${formatNumber(datum.share, lang)}%`;
}

/** Title of a chart's second series, the data points' shares of the population. */
export const SHARE_SERIES_TITLE = 'Share of the population';

/** Title of a chart's first series: its unit, capitalised ("Internet users"). */
export function valueSeriesTitle(chart: Pick<Chart, 'unit'>): string {
  return `${chart.unit.slice(0, 1).toUpperCase()}${chart.unit.slice(1)}`;
}

/** Whether a chart has a second series: the shares of its data points. */
export function hasShareSeries(chart: Pick<Chart, 'data'>): boolean {
  return chart.data.some((d) => d.share !== undefined);
}

/**
 * When the figures date from, as both renderers caption a chart: "as of 23 February 2024", or,
 * for figures the source dates only by reporting them, "as reported by Talktails in February 2024".
 */
export function chartDateLine(chart: Pick<Chart, 'asOf' | 'reported' | 'source'>, lang: string): string {
  return chart.reported
    ? `as reported by ${chart.source.publisher} in ${formatMonth(chart.asOf, lang)}`
    : `as of ${formatDate(chart.asOf, lang)}`;
}

/** The chart described in one sentence: the alt text of the PDF figure and the slide SVG. */
export function chartAltText(chart: Chart, lang: string): string {
  if (chart.alt) return foldSpace(chart.alt);
  const parts = chart.data.map((d) => {
    const share = formatDatumShare(d, lang);
    return `${d.label}: ${formatDatumValue(d, chart, lang)}${share ? ` (${share})` : ''}`;
  });
  const when = chart.reported
    ? `Figures ${chartDateLine(chart, lang)}.`
    : `Figures ${chartDateLine(chart, lang)}; source: ${chart.source.publisher}.`;
  return `Bar chart, ${chart.title}. ${parts.join('; ')}. ${when}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO date (`2024-02-23`) written out in the report's language: "23 February 2024". Never depends on the machine's time zone. */
export function formatDate(iso: string, lang: string): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return noNarrowSpace(format.format(new Date(`${iso}T00:00:00Z`)));
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** The month of an ISO date in the report's language: "February 2024". */
export function formatMonth(iso: string, lang: string): string {
  let format = monthFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(lang, format);
  }
  return noNarrowSpace(format.format(new Date(`${iso}T00:00:00Z`)));
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
