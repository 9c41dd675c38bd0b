import { formatDate, type Report, type Run } from '@briefing/content';
import { advance, countLines, styles, textHeight } from '../layout/layout.js';
import { roomWidth, titleRoom } from '../layout/measure.js';
import { lineHeight, size, titleSlide as space } from '../layout/metrics.js';
import type { DeckSlide, TitleParts } from './plan.js';

const NBSP = '\u00a0';

/**
 * Text kept on one line (its spaces made non-breaking) when it fits one line at the body size,
 * so a date or a name never breaks inside; longer text keeps its spaces and wraps.
 */
export function unbroken(text: string, fontSize = size.body): string {
  const fits = advance(text, fontSize, 'bold') <= roomWidth() * 0.9;
  return fits ? text.replace(/ /gu, NBSP) : text;
}

/**
 * The title slide's parts: title, subtitle, byline (date, organisation, authors) and source.
 * `shown` is how many authors the byline names; the rest are counted ("and 3 others").
 */
function titleParts(report: Report, shown = Number.POSITIVE_INFINITY): TitleParts {
  const { meta } = report;
  const lang = meta.lang;
  const organisation = meta.organisation?.name;
  const authors = meta.authors.map((a) => a.name);
  const named = authors.slice(0, shown).map((name) => unbroken(name));
  const others = authors.length - named.length;
  const people =
    others === 0
      ? named.join(', ')
      : named.length === 0
        ? `${authors.length} authors`
        : `${named.join(', ')} and ${others} other${others === 1 ? '' : 's'}`;
  const basedOn = meta.basedOn;
  return {
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    byline: [
      unbroken(formatDate(meta.date, lang)),
      ...(organisation ? [unbroken(organisation)] : []),
      ...(authors.length > 0 ? [people] : []),
    ],
    basedOn: [
      { type: 'text', text: `Adapted from ${basedOn.publisher}, ` },
      basedOn.url
        ? { type: 'link', text: basedOn.title, href: basedOn.url }
        : { type: 'text', text: basedOn.title, emphasis: 'em' },
      {
        type: 'text',
        text: `${basedOn.author ? `, by ${basedOn.author}` : ''} (${unbroken(formatDate(basedOn.published, lang), size.small)})`,
      },
    ] satisfies Run[],
  };
}

/**
 * The title slide. Its type scale is the largest of three (see the theme's section.title
 * rules) at which everything fits: normal, long (smaller title) and dense (everything smaller).
 * When even the dense scale cannot hold every author's name, the byline names fewer and
 * counts the others (the notes name them all).
 */
/** The title's type size on the title slide at the plan's scale (its classes: normal, `long` or `dense`). */
export function titleSize(classes: readonly string[]): number {
  return classes.includes('dense') ? size.titleDense : classes.includes('long') ? size.titleLong : size.title;
}

export function titleSlide(report: Report): DeckSlide {
  const authors = report.meta.authors.length;
  for (let shown = authors; shown > 0; shown--) {
    const slide = titleSlideNaming(report, shown);
    if (slide.fits) return slide.slide;
  }
  return titleSlideNaming(report, 0).slide;
}

function titleSlideNaming(report: Report, shown: number): { slide: DeckSlide; fits: boolean } {
  const parts = titleParts(report, shown);
  const byline = parts.byline.join(' · ');
  const source = parts.basedOn.map((r) => r.text).join('');
  const fits = (titleSize: number, leadSize: number, bodySize: number, smallSize: number) => {
    const at = (fontSize: number, line: number) => ({ fontSize, line: fontSize * line, width: roomWidth() });
    const total =
      textHeight([{ text: parts.title }], at(titleSize, lineHeight.heading), space.titleAfter, true) +
      (parts.subtitle
        ? textHeight([{ text: parts.subtitle }], at(leadSize, lineHeight.body), space.subtitleAfter)
        : 0) +
      textHeight([{ text: byline }], at(bodySize, lineHeight.body), space.bylineAfter) +
      textHeight([{ text: source }], at(smallSize, lineHeight.body), space.sourceBefore + space.bylineAfter);
    return total <= titleRoom();
  };
  const scale =
    countLines([{ text: parts.title }], styles.divider, true) <= 3 && fits(size.title, size.lead, size.body, size.small)
      ? []
      : fits(size.titleLong, size.lead, size.body, size.small)
        ? ['long']
        : ['dense'];
  const dense = fits(size.titleDense, size.leadDense, size.bodyDense, size.smallDense);
  return {
    fits: scale.length === 0 || scale[0] === 'long' || dense,
    slide: {
      kind: 'title',
      heading: parts.title,
      continued: false,
      elements: [],
      // A byline that names fewer authors than the report has: the notes name them all.
      notes: shown < report.meta.authors.length ? [`By ${report.meta.authors.map((a) => a.name).join(', ')}.`] : [],
      classes: ['title', ...scale, ...(parts.subtitle ? [] : ['no-subtitle'])],
      title: parts,
    },
  };
}
