import {
  assertReport,
  type Block,
  type Callout,
  type Chart,
  chartAltText,
  formatDate,
  type List,
  numberedTitle,
  type OutlineEntry,
  outline,
  type Paragraph,
  plainText,
  type Report,
  type RichText,
  type Run,
  toRuns,
} from '@briefing/content';
import { chartCaption, chartFence, linkLabel } from './chart.js';
import { escapeMarkdown, escapeUrl, inlineMarkdown, noteComment, yamlString } from './escape.js';
import {
  countLines,
  firstSentence,
  headingHeight,
  SAFETY,
  type Segment,
  segmentsOf,
  splitRuns,
  styles,
  textHeight,
} from './layout.js';
import { contentHeight, contentWidth, gap, lineHeight, size, TITLE_ROOM } from './metrics.js';
import { THEME_NAME } from './theme.js';

export interface DeckOptions {
  /** Override the footer text (default: the report's short title). */
  footer?: string;
}

/** One slide of the plan: its kind, Markdown body and speaker notes. */
export interface PlannedSlide {
  kind: 'title' | 'agenda' | 'divider' | 'content' | 'chart' | 'takeaways' | 'sources';
  /** Section id for dividers, content and chart slides. */
  section?: string;
  markdown: string;
  notes: string[];
}

const CONTINUED = ' (continued)';

// ---------------------------------------------------------------------------------------
// Units: the pieces a content slide is packed from, each with its estimated height.

type UnitKind = 'ul' | 'ol' | 'p' | 'quote';

interface Unit {
  kind: UnitKind;
  /** Units of one list share a group, so they render as one Markdown list. */
  group: number;
  /** Markdown of the unit without its list marker. */
  md: string;
  /** Ordered lists: the item number. */
  number?: number;
  height: number;
  notes: string[];
  /** Keep on the same slide as the next unit (a list's intro). */
  keepWithNext?: boolean;
}

interface Ctx {
  lang: string;
  group: number;
  /** Height available under the section's heading. */
  room: number;
}

type Handler<B extends Block> = (block: B, ctx: Ctx) => Unit[] | { chart: Chart };
type Handlers = { [K in Block['type']]: Handler<Extract<Block, { type: K }>> };

/** Split a unit's runs so every piece fits the room; the first piece may carry a bold lead. */
function pieces(runs: Run[], style: typeof styles.bullet, lead: Segment[], extra: number, room: number): Run[][] {
  const maxLines = Math.max(1, Math.floor((room - extra) / style.line));
  const total = countLines([...lead, ...segmentsOf(runs)], style);
  if (total <= maxLines) return [runs];
  return splitRuns(runs, style, maxLines, maxLines, lead);
}

const handlers = {
  paragraph: (block: Paragraph, ctx: Ctx): Unit[] => {
    const full = toRuns(block.text);
    const short = firstSentence(full);
    const group = ctx.group;
    return pieces(short.runs, styles.bullet, [], gap.item, ctx.room).map((runs, i) => ({
      kind: 'ul',
      group,
      md: inlineMarkdown(runs),
      height: textHeight(segmentsOf(runs), styles.bullet, gap.item),
      notes: i === 0 ? [plainText(block.text)] : [],
    }));
  },
  list: (block: List, ctx: Ctx): Unit[] => {
    const units: Unit[] = [];
    if (block.intro) {
      const intro = firstSentence(toRuns(block.intro));
      for (const runs of pieces(intro.runs, styles.body, [], gap.para, ctx.room / 2)) {
        units.push({
          kind: 'p',
          group: ctx.group++,
          md: inlineMarkdown(runs),
          height: textHeight(segmentsOf(runs), styles.body, gap.para),
          notes: intro.cut ? [plainText(block.intro)] : [],
          keepWithNext: true,
        });
      }
    }
    const group = ++ctx.group;
    const kind: UnitKind = block.ordered ? 'ol' : 'ul';
    block.items.forEach((item, index) => {
      const short = firstSentence(toRuns(item.text));
      const lead: Segment[] = item.term ? [{ text: item.term, bold: true }, { text: ' – ' }] : [];
      const parts = pieces(short.runs, styles.bullet, lead, gap.item, ctx.room);
      parts.forEach((runs, i) => {
        const md = (i === 0 && item.term ? `**${escapeMarkdown(item.term)}** – ` : '') + inlineMarkdown(runs);
        const note = [(item.term ? `${item.term}: ` : '') + plainText(item.text)];
        units.push({
          kind: i === 0 ? kind : 'ul',
          group: i === 0 ? group : ++ctx.group,
          md,
          ...(i === 0 && kind === 'ol' ? { number: index + 1 } : {}),
          height: textHeight([...(i === 0 ? lead : []), ...segmentsOf(runs)], styles.bullet, gap.item),
          notes: i === 0 && short.cut ? note : [],
        });
      });
    });
    ctx.group++;
    return units;
  },
  callout: (block: Callout, ctx: Ctx): Unit[] => {
    const short = firstSentence(toRuns(block.text));
    const lead: Segment[] = block.title ? [{ text: block.title, bold: true }, { text: ' – ' }] : [];
    const parts = pieces(short.runs, styles.callout, lead, gap.para + 40, ctx.room);
    return parts.map((runs, i) => ({
      kind: 'quote',
      group: ++ctx.group,
      md: (i === 0 && block.title ? `**${escapeMarkdown(block.title)}** – ` : '') + inlineMarkdown(runs),
      height: textHeight([...(i === 0 ? lead : []), ...segmentsOf(runs)], styles.callout, gap.para + 40),
      notes: i === 0 ? [(block.title ? `${block.title}: ` : '') + plainText(block.text)] : [],
    }));
  },
  chart: (block: Chart) => ({ chart: block }),
} satisfies Handlers;

function unitsOf(block: Block, ctx: Ctx): Unit[] | { chart: Chart } {
  // The map is typed per block type; dispatch through it once, here.
  return (handlers[block.type] as Handler<Block>)(block, ctx);
}

/** Markdown of a run of units: consecutive units of a group form one list. */
function unitsMarkdown(units: readonly Unit[]): string {
  // Bullets alternate between "-" and "+" so neighbouring lists stay apart; "*" and "1)" are
  // avoided because Marp's bespoke template turns those into fragments revealed one by one.
  const out: string[] = [];
  let prev: Unit | undefined;
  let bullet = '+';
  for (const unit of units) {
    const sameList =
      prev !== undefined &&
      prev.group === unit.group &&
      prev.kind === unit.kind &&
      (unit.kind === 'ul' || unit.kind === 'ol');
    if (unit.kind === 'ul' && !sameList) bullet = bullet === '-' ? '+' : '-';
    const line =
      unit.kind === 'ul'
        ? `${bullet} ${unit.md}`
        : unit.kind === 'ol'
          ? `${unit.number ?? 1}. ${unit.md}`
          : unit.kind === 'quote'
            ? `> ${unit.md}`
            : unit.md;
    // Two different ordered lists in a row would merge; an empty comment keeps them apart.
    const apart = prev?.kind === 'ol' && unit.kind === 'ol' && !sameList ? '<!-- -->\n\n' : '';
    out.push(prev ? (sameList ? '\n' : `\n\n${apart}`) : '', line);
    prev = unit;
  }
  return out.join('');
}

/** Room under a slide heading: the first slide has the plain heading, later ones say "(continued)". */
function roomUnder(heading: string): (index: number) => number {
  const first = contentHeight - headingHeight(heading) - SAFETY;
  const rest = contentHeight - headingHeight(heading + CONTINUED) - SAFETY;
  return (index) => (index === 0 ? first : rest);
}

/**
 * Pack units onto slides: greedily to learn how many slides are needed, then again aiming at
 * an even share per slide (no lone item on a continuation slide). A unit that keeps with the
 * next never ends a slide; no slide ever gets more than its room.
 */
function pack(units: readonly Unit[], room: (index: number) => number): Unit[][] {
  const run = (target: (index: number) => number): Unit[][] => {
    const slides: Unit[][] = [];
    let current: Unit[] = [];
    let used = 0;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i] as Unit;
      let need = unit.height;
      if (unit.keepWithNext && units[i + 1]) need += (units[i + 1] as Unit).height;
      const index = slides.length;
      const over = used + need > room(index) || (used > 0 && used + unit.height / 2 > target(index));
      if (current.length > 0 && over) {
        slides.push(current);
        current = [];
        used = 0;
      }
      current.push(unit);
      used += unit.height;
    }
    if (current.length > 0) slides.push(current);
    return slides;
  };
  const greedy = run(() => Number.POSITIVE_INFINITY);
  if (greedy.length <= 1) return greedy;
  const total = units.reduce((sum, u) => sum + u.height, 0);
  const share = total / greedy.length;
  const balanced = run(() => share);
  return balanced.length <= greedy.length ? balanced : greedy;
}

// ---------------------------------------------------------------------------------------
// Slides

function slideMarkdown(directives: string[], body: string, notes: readonly string[]): string {
  return [...directives.map((d) => `<!-- ${d} -->`), '', body, '', ...notes.map(noteComment)].join('\n').trim();
}

function titleSlide(report: Report): PlannedSlide {
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
      markdown: slideMarkdown(
        [`_class: ${cls}`],
        `## ${escapeMarkdown(heading + (i > 0 ? CONTINUED : ''))}\n\n${unitsMarkdown(slideUnits)}`,
        notes,
      ),
      notes,
    };
  });
}

function agendaSlides(entries: OutlineEntry[]): PlannedSlide[] {
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

function sectionSlides(entry: OutlineEntry, lang: string): PlannedSlide[] {
  const { section } = entry;
  const heading = numberedTitle(entry);
  const room = roomUnder(heading);
  const ctx: Ctx = { lang, group: 1, room: room(1) };
  const slides: PlannedSlide[] = [];
  const contentUnits: Unit[] = [];
  const divider = dividerSlide(entry, contentUnits, room(1));
  slides.push(divider);

  // Text blocks in order on content slides; each chart gets a slide of its own, placed
  // after the section's first content slide.
  const charts: Chart[] = [];
  for (const block of section.blocks) {
    const result = unitsOf(block, ctx);
    if ('chart' in result) charts.push(result.chart);
    else contentUnits.push(...result);
  }
  const chartSlides = charts.map((chart) => chartSlide(chart, lang, section.id));
  pack(contentUnits, room).forEach((slideUnits, index) => {
    const notes = slideUnits.flatMap((u) => u.notes);
    slides.push({
      kind: 'content',
      section: section.id,
      markdown: slideMarkdown(
        [],
        `## ${escapeMarkdown(heading + (index > 0 ? CONTINUED : ''))}\n\n${unitsMarkdown(slideUnits)}`,
        notes,
      ),
      notes,
    });
    if (index === 0) slides.push(...chartSlides.splice(0));
  });
  slides.push(...chartSlides);
  return slides;
}

function chartSlide(chart: Chart, lang: string, section: string): PlannedSlide {
  const heading = chart.title;
  const captionHeight = textHeight(
    [{ text: `${chartCaption(chart, lang)} ${chart.source.url ? linkLabel(chart.source.url) : ''}` }],
    styles.small,
    14,
  );
  const height = Math.max(120, Math.min(400, contentHeight - headingHeight(heading) - captionHeight - SAFETY));
  const notes = [chartAltText(chart, lang)];
  return {
    kind: 'chart',
    section,
    markdown: slideMarkdown(
      ['_class: chart'],
      `## ${escapeMarkdown(heading)}\n\n${chartFence(chart, lang, height)}`,
      notes,
    ),
    notes,
  };
}

function takeawaySlides(report: Report): PlannedSlide[] {
  return listSlides(
    'takeaways',
    'Key takeaways',
    report.takeaways.map((t) => ({ runs: toRuns(t) })),
    'takeaways',
    16,
    styles.takeaway,
  );
}

function sourceSlides(report: Report): PlannedSlide[] {
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
