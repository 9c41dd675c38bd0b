import {
  formatDate,
  numberedTitle,
  type OutlineEntry,
  plainText,
  type Report,
  type Run,
  toRuns,
} from '@briefing/content';
import { blockResult, type Ctx } from './blocks/index.js';
import { escapeMarkdown, inlineMarkdown } from './escape.js';
import { countLines, SAFETY, segmentsOf, styles, textHeight } from './layout.js';
import { slideHeading, slideMarkdown, unitsMarkdown } from './markdown.js';
import { contentHeight, gap } from './metrics.js';
import { pack, pieces, roomUnder, type Unit } from './pack.js';
import type { PlannedSlide } from './plan.js';

// The deck's slides after the title: agenda, each section (divider, content slides, the
// slides of its charts and tables), key takeaways and sources.

/**
 * Slides listing `items` (rich text each) under a heading, split by the measured rule: an
 * item too tall for a slide is itself split over continuation slides.
 */
function listSlides(
  kind: PlannedSlide['kind'],
  heading: string,
  items: { runs: Run[]; notes?: string[] }[],
  cls: string,
  itemGap: number,
  style = styles.bullet,
): PlannedSlide[] {
  const room = roomUnder(heading);
  const units: Unit[] = items.flatMap((item) =>
    pieces(item.runs, style, [], itemGap, room(1)).map((runs, i) => ({
      kind: 'ul' as const,
      group: 0,
      md: inlineMarkdown(runs),
      height: textHeight(segmentsOf(runs), style, itemGap),
      notes: i === 0 ? (item.notes ?? []) : [],
    })),
  );
  return pack(units, room).map((slideUnits, i) => {
    const notes = slideUnits.flatMap((u) => u.notes);
    return {
      kind,
      markdown: slideMarkdown([`_class: ${cls}`], `${slideHeading(heading, i)}\n\n${unitsMarkdown(slideUnits)}`, notes),
      notes,
    };
  });
}

export function agendaSlides(entries: OutlineEntry[]): PlannedSlide[] {
  return listSlides(
    'agenda',
    'Agenda',
    entries.map((entry) => ({ runs: [{ type: 'text', text: numberedTitle(entry) }] })),
    'agenda',
    17,
    styles.body,
  );
}

function dividerSlide(entry: OutlineEntry, ctxUnits: Unit[], room: number): PlannedSlide {
  const { section } = entry;
  const title = numberedTitle(entry);
  const long = countLines([{ text: title }], styles.divider, true) > 4;
  // The title, its accent rule (36 px) and the gap under it.
  const titleHeight =
    36 +
    (long
      ? textHeight([{ text: title }], styles.heading, 24, true)
      : textHeight([{ text: title }], styles.divider, 24, true));
  let lede = '';
  if (section.lede) {
    const ledeHeight = textHeight(segmentsOf(toRuns(section.lede)), styles.lead);
    if (titleHeight + ledeHeight <= contentHeight - SAFETY) {
      lede = inlineMarkdown(section.lede);
    } else {
      // Too long for the divider: the lede opens the section's content instead.
      const parts = pieces(toRuns(section.lede), styles.body, [], gap.para, room);
      ctxUnits.unshift(
        ...parts.map((runs) => ({
          kind: 'p' as const,
          group: -1,
          md: inlineMarkdown(runs),
          height: textHeight(segmentsOf(runs), styles.body, gap.para),
          notes: [],
        })),
      );
    }
  }
  const notes = [...(section.lede ? [plainText(section.lede)] : []), ...(section.notes ?? [])];
  return {
    kind: 'divider',
    section: section.id,
    markdown: slideMarkdown(
      [`_class: divider${long ? ' long' : ''}`],
      `# ${escapeMarkdown(title)}${lede ? `\n\n${lede}` : ''}`,
      notes,
    ),
    notes,
  };
}

/**
 * A section's slides: its divider, its text blocks in order on content slides, and the
 * slides of its charts and tables (in block order) after the first content slide.
 */
export function sectionSlides(entry: OutlineEntry, lang: string): PlannedSlide[] {
  const { section } = entry;
  const heading = numberedTitle(entry);
  const room = roomUnder(heading);
  const ctx: Ctx = { lang, section: section.id, group: 1, room: room(1) };
  const slides: PlannedSlide[] = [];
  const contentUnits: Unit[] = [];
  slides.push(dividerSlide(entry, contentUnits, room(1)));

  // Blocks keep the report's order: the text before a chart or table fills content slides,
  // the chart or table follows on its own slides, then the text after it.
  let index = 0;
  let units = contentUnits;
  const flush = () => {
    const start = index;
    pack(units, (i) => room(start + i)).forEach((slideUnits) => {
      const notes = slideUnits.flatMap((u) => u.notes);
      slides.push({
        kind: 'content',
        section: section.id,
        markdown: slideMarkdown([], `${slideHeading(heading, index++)}\n\n${unitsMarkdown(slideUnits)}`, notes),
        notes,
      });
    });
    units = [];
  };
  for (const block of section.blocks) {
    const result = blockResult(block, ctx);
    if ('slides' in result) {
      flush();
      slides.push(...result.slides);
    } else units.push(...result.units);
  }
  flush();
  return slides;
}

export function takeawaySlides(report: Report): PlannedSlide[] {
  return listSlides(
    'takeaways',
    'Key takeaways',
    report.takeaways.map((t) => ({ runs: toRuns(t) })),
    'takeaways',
    16,
    styles.takeaway,
  );
}

export function sourceSlides(report: Report): PlannedSlide[] {
  const lang = report.meta.lang;
  return listSlides(
    'sources',
    'Sources',
    report.sources.map((s) => {
      const runs: Run[] = [
        { type: 'text', text: s.publisher, emphasis: 'strong' },
        { type: 'text', text: ' – ' },
        s.url ? { type: 'link', text: s.title, href: s.url } : { type: 'text', text: s.title, emphasis: 'em' },
        { type: 'text', text: s.date ? ` (${formatDate(s.date, lang)}).` : '.' },
        ...(s.note ? [{ type: 'text' as const, text: ` ${s.note}` }] : []),
      ];
      return { runs };
    }),
    'sources',
    18,
  );
}
