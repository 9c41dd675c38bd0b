import type { Run, Table } from '@briefing/content';
import { CONTINUED } from '../layout/layout.js';
import {
  type DeckPlan,
  type DeckSlide,
  dispatchElement,
  type ElementMap,
  type SlideElement,
  type TitleParts,
} from '../plan/plan.js';
import { chartFence } from './chart.js';
import { escapeMarkdown, inlineMarkdown, noteComment, yamlString } from './escape.js';
import { THEME_NAME } from './theme.js';

// Marp Markdown from the deck plan: front matter, then each slide from its directives,
// kicker, heading, elements and notes. Every author string goes through escapeMarkdown or
// inlineMarkdown; notes through noteComment.

/** The whole deck as Marp Markdown. */
export function deckMarkdown(plan: DeckPlan): string {
  const slides = plan.slides.map((slide) => slideMarkdown(slide, plan.lang));
  return `${frontMatter(plan)}\n\n${slides.join('\n\n---\n\n')}\n`;
}

function frontMatter(plan: DeckPlan): string {
  return [
    '---',
    'marp: true',
    `theme: ${THEME_NAME}`,
    'size: 16:9',
    'paginate: true',
    `lang: ${plan.lang}`,
    `title: ${yamlString(plan.title)}`,
    ...(plan.description ? [`description: ${yamlString(plan.description)}`] : []),
    ...(plan.author ? [`author: ${yamlString(plan.author)}`] : []),
    ...(plan.keywords.length > 0 ? [`keywords: ${yamlString(plan.keywords.join(', '))}`] : []),
    `footer: ${yamlString(escapeMarkdown(plan.footer))}`,
    '---',
  ].join('\n');
}

/** One slide: its directives as comments, kicker, heading and body, then each note as a comment. */
export function slideMarkdown(slide: DeckSlide, lang: string): string {
  const classes = [...slide.classes, ...(slide.kicker ? ['kicked'] : [])];
  const directives = [
    ...(classes.length > 0 ? [`_class: ${classes.join(' ')}`] : []),
    ...(slide.kind === 'title' ? ['_paginate: false', "_footer: ''"] : []),
  ];
  const body =
    slide.kind === 'title' && slide.title
      ? titleMarkdown(slide.title, slide)
      : [
          ...(slide.kicker ? [escapeMarkdown(slide.kicker)] : []),
          `${slide.kind === 'divider' ? '#' : '##'} ${escapeMarkdown(headingText(slide))}`,
          ...elementsMarkdown(slide.elements, lang),
        ].join('\n\n');
  return [...directives.map((d) => `<!-- ${d} -->`), '', body, '', ...slide.notes.map(noteComment)].join('\n').trim();
}

/**
 * The heading as the plan breaks it: the words of each planned line joined by no-break
 * spaces, so the browser breaks only where the plan did (the theme's balancing then has no
 * other choice to make).
 */
function headingText(slide: DeckSlide): string {
  const lines = slide.headingLines;
  if (!lines) return slide.heading + (slide.continued ? CONTINUED : '');
  return lines.map((line) => line.replace(/ /gu, '\u00a0')).join(' ');
}

function titleMarkdown(parts: TitleParts, slide: DeckSlide): string {
  return [
    `# ${escapeMarkdown(slide.headingLines ? headingText(slide) : parts.title)}`,
    ...(parts.subtitle ? [escapeMarkdown(parts.subtitle)] : []),
    escapeMarkdown(parts.byline.join(' · ')),
    inlineMarkdown(parts.basedOn),
  ].join('\n\n');
}

/**
 * Markdown of a slide's elements. Bullets alternate between "-" and "+" so neighbouring lists
 * stay apart; "*" and "1)" are avoided because Marp's bespoke template turns those into
 * fragments revealed one by one. Two ordered lists in a row are kept apart by an empty comment.
 */
export function elementsMarkdown(elements: readonly SlideElement[], lang: string): string[] {
  const state: State = { lang, bullet: '+' };
  return elements.map((element) => {
    const out = dispatchElement(writers, element, state);
    state.prev = element;
    return out;
  });
}

/** What one element's Markdown depends on: the language, the last unordered marker, the element before. */
interface State {
  lang: string;
  bullet: '-' | '+';
  prev?: SlideElement;
}

const runsOnly = (element: { runs: Run[] }) => inlineMarkdown(element.runs);

/** The Markdown of each element type: a new type is a compile error here until it has one. */
const writers: ElementMap<[state: State], string> = {
  lead: runsOnly,
  paragraph: runsOnly,
  source: runsOnly,
  bullets(element, state) {
    if (!element.ordered) state.bullet = state.bullet === '-' ? '+' : '-';
    const lines = element.items.map((item) => {
      const term = item.term ? `**${escapeMarkdown(item.term)}** – ` : '';
      const marker = element.ordered ? `${item.number ?? 1}.` : state.bullet;
      return `${marker} ${term}${inlineMarkdown(item.runs)}`;
    });
    const { prev } = state;
    const apart = element.ordered && prev?.type === 'bullets' && prev.ordered ? '<!-- -->\n\n' : '';
    return apart + lines.join('\n');
  },
  callout: (element) =>
    `> ${element.title ? `**${escapeMarkdown(element.title)}** – ` : ''}${inlineMarkdown(element.runs)}`,
  chart: (element, state) => chartFence(element.chart, state.lang, element.plot).trimEnd(),
  table: (element) => pipeTable(element.table, element.rows),
};

const DELIMITER = { left: ':---', center: ':---:', right: '---:' } as const;

/**
 * The rows as a GFM pipe table: every header and cell escaped (a `|` in the text becomes
 * `\|`, which the table keeps as text; line breaks fold to spaces), alignment in the
 * delimiter row. A `|` in a link's address is percent-encoded, as it would otherwise end the cell.
 */
export function pipeTable(block: Table, rows: readonly number[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(block.columns.map((column) => escapeMarkdown(column.header))),
    line(block.columns.map((column) => (column.align ? DELIMITER[column.align] : '---'))),
    // A `|` in a cell's text is escaped like all punctuation; no valid href holds one (the schema %-encodes it).
    ...rows.map((r) => line((block.rows[r] ?? []).map((cell) => inlineMarkdown(cell)))),
  ].join('\n');
}
