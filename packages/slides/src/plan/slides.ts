import {
  formatDate,
  hasShareSeries,
  numberedTitle,
  type OutlineEntry,
  plainText,
  type Report,
  type Run,
  toRuns,
} from '@briefing/content';
import { categoryAxis, panelWidth } from '../layout/chart-axis.js';
import { countLines, segmentsOf, styles, type TextStyle, textHeight } from '../layout/layout.js';
import { chartBox, gap, listSlide } from '../layout/metrics.js';
import { pack } from '../layout/pack.js';
import { firstSentence } from '../layout/split.js';
import { blockResult, type Ctx } from './blocks/index.js';
import type { DeckOptions, DeckSlide, SlideKind } from './plan.js';
import { leadUnits, pieces, roomUnder, type Unit, unitElements } from './units.js';

// The deck's slides after the title: key takeaways, agenda, each section (its content slides
// under a kicker, with the slides of its charts and tables), and the sources.

/**
 * Slides listing `items` (rich text each) under a heading, split by the measured rule (an
 * item too tall for a slide is itself split over continuation slides) and divided evenly.
 */
function listSlides(
  kind: SlideKind,
  heading: string,
  items: { runs: Run[]; notes?: string[]; block: string }[],
  itemGap: number,
  style: TextStyle,
  notes: (index: number) => string[],
): DeckSlide[] {
  const room = roomUnder(heading, false);
  const units: Unit[] = items.flatMap((item) =>
    pieces(item.runs, style, [], itemGap, room(1)).map((runs, i) => ({
      kind: 'bullet' as const,
      block: item.block,
      group: 0,
      runs,
      height: textHeight(segmentsOf(runs), style, itemGap),
      notes: i === 0 ? (item.notes ?? []) : [],
    })),
  );
  return pack(units, room).map((slideUnits, i) => ({
    kind,
    heading,
    continued: i > 0,
    elements: unitElements(slideUnits),
    notes: [...notes(i), ...slideUnits.flatMap((u) => u.notes)],
    classes: [kind],
    fill: { used: slideUnits.reduce((sum, u) => sum + u.height, 0), room: room(i) },
  }));
}

export function takeawaySlides(report: Report): DeckSlide[] {
  const summary = report.meta.summary;
  return listSlides(
    'takeaways',
    'Key takeaways',
    report.takeaways.map((t, i) => ({ runs: toRuns(t), block: `takeaways[${i}]` })),
    listSlide.takeaway,
    styles.takeaway,
    (i) =>
      i > 0
        ? ['The bottom line, continued: the sections that follow give the evidence for each point.']
        : [
            ...(summary ? [summary] : []),
            'The bottom line first: the sections that follow give the evidence for each point.',
          ],
  );
}

export function agendaSlides(entries: OutlineEntry[], minutes: (entry: OutlineEntry) => number): DeckSlide[] {
  return listSlides(
    'agenda',
    'Agenda',
    entries.map((entry, i) => ({
      block: `sections[${i}].title`,
      runs: [{ type: 'text', text: numberedTitle(entry) }],
      notes: [`${numberedTitle(entry)}: about ${minutes(entry)} min.`],
    })),
    listSlide.agendaTop + listSlide.agendaBottom + listSlide.agendaRule,
    styles.body,
    () => ['Time for each part of the talk, from the length of its notes:'],
  );
}

/**
 * The closing slide, before the sources: the conclusion's point (the bottom line) as its
 * heading, and its on-screen lines (what should be done) as bullets spaced as the
 * takeaways are; the whole conclusion in the notes. None when the report has no conclusion.
 */
export function closingSlides(report: Report): DeckSlide[] {
  const { conclusion } = report;
  if (!conclusion) return [];
  const lines = conclusion.onScreen ?? [firstSentence(toRuns(conclusion.text)).runs];
  return listSlides(
    'closing',
    conclusion.point ?? 'Conclusion',
    lines.map((line, i) => ({
      runs: toRuns(line),
      block: conclusion.onScreen ? `conclusion.onScreen[${i}]` : 'conclusion.text',
    })),
    listSlide.takeaway,
    styles.bullet,
    (i) => (i > 0 ? ['The conclusion, continued.'] : [plainText(conclusion.text), 'Then take questions.']),
  );
}

export function sourceSlides(report: Report): DeckSlide[] {
  const lang = report.meta.lang;
  return listSlides(
    'sources',
    'Sources',
    report.sources.map((s, i) => ({
      block: `sources[${i}]`,
      runs: [
        { type: 'text', text: s.publisher, emphasis: 'strong' },
        { type: 'text', text: ' – ' },
        s.url ? { type: 'link', text: s.title, href: s.url } : { type: 'text', text: s.title, emphasis: 'em' },
        { type: 'text', text: s.date ? ` (${formatDate(s.date, lang)}).` : '.' },
        ...(s.note ? [{ type: 'text' as const, text: ` ${s.note}` }] : []),
      ],
    })),
    listSlide.source,
    styles.bullet,
    (i) =>
      i > 0
        ? ['Sources, continued.']
        : ['Where every fact in this deck comes from; the PDF briefing has the full text.'],
  );
}

/** The section's heading on its slides, and the kicker above it (none when the heading is the title). */
export function sectionHeading(entry: OutlineEntry): { heading: string; kicker?: string } {
  const { point } = entry.section;
  return point ? { heading: point, kicker: numberedTitle(entry) } : { heading: numberedTitle(entry) };
}

function dividerSlide(entry: OutlineEntry): DeckSlide {
  const title = numberedTitle(entry);
  return {
    kind: 'divider',
    section: entry.id,
    heading: title,
    continued: false,
    elements: [],
    notes: [`Part ${entry.label}: ${entry.section.point ?? entry.title}.`],
    classes: ['divider', ...(countLines([{ text: title }], styles.divider, true) > 4 ? ['long'] : [])],
  };
}

/**
 * A section's slides, in the order of its blocks: its text (paragraphs, lists, callouts) on
 * content slides under the section's point and kicker, divided evenly, and each chart or table
 * on slides of its own where it stands among the blocks. The text before a chart or table and
 * the text after it are packed apart, so no slide continues text from before a visual after
 * it. A chart that fits under the text of the slide before it (its plot at least
 * `chartBox.inlineShare` of its own slide's, and `chartBox.inline` px) joins that slide instead
 * of taking one of its own.
 *
 * The lede: under a point it is the presenter's opening (the first note), not a line on
 * screen, where it would say the heading's point again; a section without a point shows it.
 */
export function sectionSlides(entry: OutlineEntry, lang: string, options: DeckOptions): DeckSlide[] {
  const { section } = entry;
  const { heading, kicker } = sectionHeading(entry);
  const room = roomUnder(heading, kicker !== undefined);
  const at = `sections[${entry.number - 1}]`;
  const ctx: Ctx = {
    lang,
    section: section.id,
    kicker: kicker ?? numberedTitle(entry),
    block: `${at}.lede`,
    group: 1,
    room: room(1),
  };
  // Runs of text units, each closed by the slides of the chart or table after it.
  const runs: { units: Unit[]; visual: DeckSlide[] }[] = [{ units: [], visual: [] }];
  const ledeNotes = section.lede && section.point ? [plainText(section.lede)] : [];
  if (section.lede && !section.point) runs[0]?.units.push(...leadUnits(toRuns(section.lede), ctx, room(1), []));
  for (const [b, block] of section.blocks.entries()) {
    ctx.block = `${at}.blocks[${b}]`;
    const result = blockResult(block, ctx);
    const last = runs.at(-1) as { units: Unit[]; visual: DeckSlide[] };
    if ('slides' in result) {
      last.visual.push(...result.slides);
      runs.push({ units: [], visual: [] });
    } else {
      // Text after a visual starts a run of its own.
      if (last.visual.length > 0) runs.push({ units: [...result.units], visual: [] });
      else last.units.push(...result.units);
    }
  }
  const slides: DeckSlide[] = options.dividers ? [dividerSlide(entry)] : [];
  let content = 0;
  for (const run of runs) {
    const first = content;
    const packed = pack(run.units, (i) => room(first + i));
    const made: DeckSlide[] = packed.map((slideUnits, i) => ({
      kind: 'content',
      section: section.id,
      ...(kicker ? { kicker } : {}),
      heading,
      continued: first + i > 0,
      elements: unitElements(slideUnits),
      notes: [
        ...(first + i === 0 ? [...ledeNotes, ...(section.notes ?? [])] : []),
        ...slideUnits.flatMap((u) => u.notes),
      ],
      classes: [],
      fill: { used: slideUnits.reduce((sum, u) => sum + u.height, 0), room: room(first + i) },
    }));
    content += made.length;
    const [visual, ...more] = run.visual;
    const last = made.at(-1);
    if (last && visual && more.length === 0 && joinChart(last, visual)) {
      slides.push(...made);
      continue;
    }
    slides.push(...made, ...run.visual);
  }
  // With no content slide, the section's own notes open its first slide.
  if (content === 0 && slides[0]) slides[0].notes = [...ledeNotes, ...(section.notes ?? []), ...slides[0].notes];
  return slides;
}

/**
 * Put a chart slide's chart under the text of `slide` when its plot there can be at least
 * `chartBox.inlineShare` of the plot its own slide gives it and `chartBox.inline` px, with its
 * labels as large as on its own slide; the chart's notes follow the slide's. Whether it did.
 */
function joinChart(slide: DeckSlide, visual: DeckSlide): boolean {
  const chart = visual.elements[0];
  if (visual.kind !== 'chart' || chart?.type !== 'chart' || !slide.fill) return false;
  const captionHeight = chart.height - chart.plot;
  const left = slide.fill.room - slide.fill.used - captionHeight - gap.para;
  if (left < Math.max(chartBox.inline, chart.plot * chartBox.inlineShare)) return false;
  const plot = Math.min(chartBox.maxHeight, left);
  // Not where its bars' rows would be too short for their labels' lines, which a slide of its
  // own gives room (the labels would be set smaller there: chart-axis.ts).
  const labels = chart.chart.data.map((d) => d.label);
  const width = panelWidth(hasShareSeries(chart.chart) ? 2 : 1);
  const [here, own] = [categoryAxis(labels, width, plot), categoryAxis(labels, width, chart.plot)];
  if (here.size < own.size || (own.fits && !here.fits)) return false;
  slide.elements.push({ ...chart, plot, height: plot + captionHeight });
  slide.notes.push(...visual.notes);
  slide.classes.push('chart');
  slide.fill = { used: slide.fill.used + plot + captionHeight, room: slide.fill.room };
  return true;
}
