import { formatDate, plainText, type Report, type RichText } from '@briefing/content';
import { escapeMarkdown, escapeUrl } from './escape.js';
import { countLines, styles, textHeight } from './layout.js';
import { slideMarkdown } from './markdown.js';
import { contentWidth, lineHeight, size, TITLE_ROOM } from './metrics.js';
import type { PlannedSlide } from './plan.js';

/** The title slide: title, subtitle, date and organisation, and the source it is adapted from. */
export function titleSlide(report: Report): PlannedSlide {
  const { meta } = report;
  const lang = meta.lang;
  const basedOn = meta.basedOn;
  // Pick the largest of three type scales at which everything fits (see the theme's
  // section.title rules): normal, long (smaller title) and dense (everything smaller).
  const dateLine = `${formatDate(meta.date, lang)} · ${meta.organisation.name}`;
  const sourceLine = `Adapted from ${basedOn.publisher}, ${basedOn.title} (${formatDate(basedOn.published, lang)})`;
  const fits = (titleSize: number, leadSize: number, bodySize: number, smallSize: number) => {
    const at = (fontSize: number, line: number) => ({ fontSize, line: fontSize * line, width: contentWidth });
    const total =
      textHeight([{ text: meta.title }], at(titleSize, lineHeight.heading), 28, true) +
      (meta.subtitle ? textHeight([{ text: meta.subtitle }], at(leadSize, lineHeight.body), 36) : 0) +
      textHeight([{ text: dateLine }], at(bodySize, lineHeight.body), 10) +
      textHeight([{ text: sourceLine }], at(smallSize, lineHeight.body), 18);
    return total <= TITLE_ROOM;
  };
  const scale =
    countLines([{ text: meta.title }], styles.divider, true) <= 3 && fits(size.title, size.lead, size.body, size.small)
      ? []
      : fits(size.titleLong, size.lead, size.body, size.small)
        ? ['long']
        : ['dense'];
  const classes = ['title', ...scale, ...(meta.subtitle ? [] : ['no-subtitle'])];
  const source = `Adapted from ${escapeMarkdown(basedOn.publisher)}, ${
    basedOn.url ? `[${escapeMarkdown(basedOn.title)}](${escapeUrl(basedOn.url)})` : `*${escapeMarkdown(basedOn.title)}*`
  } \\(${escapeMarkdown(formatDate(basedOn.published, lang))}\\)`;
  const body = [
    `# ${escapeMarkdown(meta.title)}`,
    ...(meta.subtitle ? [escapeMarkdown(meta.subtitle)] : []),
    `${escapeMarkdown(formatDate(meta.date, lang))} · ${escapeMarkdown(meta.organisation.name)}`,
    source,
  ].join('\n\n');
  const notes = [meta.summary ?? plainText(report.takeaways[0] as RichText)];
  return {
    kind: 'title',
    markdown: slideMarkdown([`_class: ${classes.join(' ')}`, '_paginate: false', "_footer: ''"], body, notes),
    notes,
  };
}
