import { assertReport, outline, type Report } from '@briefing/content';
import { escapeMarkdown, yamlString } from './escape.js';
import type { PlannedSlide } from './plan.js';
import { agendaSlides, sectionSlides, sourceSlides, takeawaySlides } from './slides.js';
import { THEME_NAME } from './theme.js';
import { titleSlide } from './title.js';

export type { PlannedSlide } from './plan.js';

export interface DeckOptions {
  /** Override the footer text (default: the report's short title). */
  footer?: string;
}

/** The deck as a list of planned slides (what renderDeck joins into Marp Markdown). */
export function planDeck(input: unknown): PlannedSlide[] {
  const report = assertReport(input);
  const entries = outline(report);
  return [
    titleSlide(report),
    ...agendaSlides(entries),
    ...entries.flatMap((entry) => sectionSlides(entry, report.meta.lang)),
    ...takeawaySlides(report),
    ...sourceSlides(report),
  ];
}

function frontMatter(report: Report, options: DeckOptions): string {
  const { meta } = report;
  return [
    '---',
    'marp: true',
    `theme: ${THEME_NAME}`,
    'size: 16:9',
    'paginate: true',
    `lang: ${meta.lang}`,
    `title: ${yamlString(meta.title)}`,
    ...(meta.summary ? [`description: ${yamlString(meta.summary)}`] : []),
    ...(meta.authors.length > 0 ? [`author: ${yamlString(meta.authors.map((a) => a.name).join(', '))}`] : []),
    ...(meta.keywords.length > 0 ? [`keywords: ${yamlString(meta.keywords.join(', '))}`] : []),
    `footer: ${yamlString(escapeMarkdown(options.footer ?? meta.shortTitle))}`,
    '---',
  ].join('\n');
}

/** Render a report into Marp Markdown. Pure; validates the report first. */
export function renderDeck(input: unknown, options: DeckOptions = {}): string {
  const report = assertReport(input);
  const slides = planDeck(report);
  return `${frontMatter(report, options)}\n\n${slides.map((s) => s.markdown).join('\n\n---\n\n')}\n`;
}
