import { formatDate, numberedTitle, type OutlineEntry, type Report, type Run, toRuns } from '@briefing/content';
import { countLines, segmentsOf, styles, type TextStyle, textHeight } from '../layout/layout.js';
import { listSlide } from '../layout/metrics.js';
import { pack } from '../layout/pack.js';
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
 * A section's slides: its text (lede, paragraphs, lists, callouts) on content slides under the
 * section's point and kicker, divided evenly, and each chart or table on slides of its own
 * after the content slide that holds the text before it.
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
  const units: Unit[] = [];
  if (section.lede) units.push(...leadUnits(toRuns(section.lede), ctx, room(1), []));
  // Slides of charts and tables, with the number of text units that come before them.
  const own: { after: number; slides: DeckSlide[] }[] = [];
  for (const [b, block] of section.blocks.entries()) {
    ctx.block = `${at}.blocks[${b}]`;
    const result = blockResult(block, ctx);
    if ('slides' in result) own.push({ after: units.length, slides: result.slides });
    else units.push(...result.units);
  }
  const packed = pack(units, room);
  const content: DeckSlide[] = packed.map((slideUnits, i) => ({
    kind: 'content',
    section: section.id,
    ...(kicker ? { kicker } : {}),
    heading,
    continued: i > 0,
    elements: unitElements(slideUnits),
    notes: [...(i === 0 ? (section.notes ?? []) : []), ...slideUnits.flatMap((u) => u.notes)],
    classes: [],
    fill: { used: slideUnits.reduce((sum, u) => sum + u.height, 0), room: room(i) },
  }));
  const slides: DeckSlide[] = options.dividers ? [dividerSlide(entry)] : [];
  slides.push(...own.filter((o) => o.after === 0).flatMap((o) => o.slides));
  // Each chart or table follows the content slide holding the last text unit before it.
  let end = 0;
  content.forEach((slide, i) => {
    const start = end;
    end += (packed[i] as Unit[]).length;
    slides.push(slide);
    for (const o of own) if (o.after > start && o.after <= end) slides.push(...o.slides);
  });
  return slides;
}
