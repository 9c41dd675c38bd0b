import {
  type Block,
  blockFields,
  type Field,
  foldSpace,
  openingText,
  plainText,
  type Report,
  type Run,
} from '@briefing/content';
import { countLines, type Segment, segmentsOf, styles, type TextStyle } from '../../layout/layout.js';
import { chartCaption } from '../caption.js';
import type { DeckPlan, DeckSlide, SlideElement } from '../plan.js';
import { onScreen } from '../screen.js';

// What each slide shows, as text, with the report field each text comes from: the editorial
// rules (rules.ts) read the deck through this, so a finding can name the field an author edits.
// It works from the plan's elements and their `block` paths; a bullet is matched to its list
// item by its text (a split item's pieces are parts of the item's line).

/** What a shown text is on its slide; the rules say which roles they apply to. */
export type Role =
  | 'heading'
  | 'kicker'
  /** A muted opening line: a section's lede or a list's intro. */
  | 'grey'
  | 'bullet'
  | 'takeaway'
  | 'callout'
  | 'paragraph'
  /** A chart's caption (made from its data, not written by the author). */
  | 'caption'
  | 'cell'
  | 'source'
  /** Agenda and sources entries: made from other fields. */
  | 'entry';

export interface Shown {
  /** Slide number, from 1. */
  slide: number;
  role: Role;
  /** The report field the text comes from (`sections[3].blocks[0].items[2].onScreen`). */
  path: string;
  /** The field that sets what the screen shows of it: its `onScreen` line, given or not. */
  screenPath: string;
  /** Whether the deck shows its text (or that text's first sentence) for want of an `onScreen` line. */
  fromText: boolean;
  /** The text as shown, a bullet's bold term included. */
  text: string;
  /** Lines it takes at its slide's measure, for the texts the deck sets as lines. */
  lines?: number;
}

interface Source {
  path: string;
  screenPath: string;
  fromText: boolean;
  /** What the deck shows of it, folded, to match a bullet against. */
  text: string;
}

const fold = (text: string) => foldSpace(text).trim();
const runsText = (runs: readonly Run[]) => fold(runs.map((r) => r.text).join(''));

/** A field's runs of text, as blockFields lists them. */
const runsOf = (fields: readonly Field[]): Run[] => fields.map((field) => ({ type: 'text', text: field.text }));

/**
 * The texts of a block that the deck shows through an on-screen line (content's fields mark
 * them with the line's path, `screen`), in order, each as what the deck shows of it: its line,
 * or its first sentence. `of` is the text's own path.
 */
function screenSources(block: Block, at: string, lang: string): (Source & { of: string })[] {
  const fields = blockFields(block, at, lang);
  const texts = new Map<string, Field[]>();
  for (const field of fields) {
    if (field.screen === undefined) continue;
    const of = field.of ?? field.path;
    texts.set(of, [...(texts.get(of) ?? []), field]);
  }
  return [...texts].map(([of, runs]) => {
    const screen = runs[0]?.screen as string;
    const line = fields.filter((field) => (field.of ?? field.path) === screen);
    const shown = onScreen(runsOf(runs), line.length > 0 ? runsOf(line) : undefined);
    return {
      of,
      path: line.length > 0 ? screen : of,
      screenPath: screen,
      fromText: line.length === 0,
      text: runsText(shown.runs),
    };
  });
}

const fixed = (path: string, text = ''): Source => ({ path, screenPath: path, fromText: false, text });

const BLOCK = /^sections\[(\d+)\]\.blocks\[(\d+)\]$/u;

/** The report's block at `sections[s].blocks[b]`, with its section's index. */
export function blockAt(report: Report, path: string): { section: number; block: Block } | undefined {
  const m = BLOCK.exec(path);
  if (!m) return undefined;
  const block = report.sections[Number(m[1])]?.blocks[Number(m[2])];
  return block && { section: Number(m[1]), block };
}

/**
 * The fields an element of `block` path may show, in order, and the key its items are
 * counted under across slides (a list's items run on from slide to slide). `leads`: the
 * blocks the plan opens with a lead element, which shows the block's opening text (a list's
 * intro) and leaves the rest to the elements after it.
 */
function sourcesOf(
  report: Report,
  element: SlideElement,
  leads: ReadonlySet<string>,
): { key: string; sources: Source[] } {
  const at = element.block ?? '';
  if (/^takeaways\[\d+\]$/u.test(at))
    return { key: 'takeaways', sources: report.takeaways.map((t, i) => fixed(`takeaways[${i}]`, plainText(t))) };
  if (/^conclusion\.onScreen\[\d+\]$/u.test(at))
    return {
      key: 'conclusion',
      sources: (report.conclusion?.onScreen ?? []).map((t, i) => fixed(`conclusion.onScreen[${i}]`, plainText(t))),
    };
  if (/^sources\[\d+\]$/u.test(at))
    return { key: 'sources', sources: report.sources.map((s, i) => fixed(`sources[${i}]`, fold(s.title))) };
  if (/^sections\[\d+\]\.title$/u.test(at))
    return { key: 'agenda', sources: report.sections.map((s, i) => fixed(`sections[${i}].title`, fold(s.title))) };
  const found = blockAt(report, at);
  if (!found) return { key: at, sources: [fixed(at)] };
  const { lang } = report.meta;
  const opening = leads.has(at) ? openingText(found.block, at, lang)?.path : undefined;
  const texts = screenSources(found.block, at, lang);
  if (element.type === 'lead' && opening !== undefined)
    return { key: opening, sources: texts.filter((text) => text.of === opening) };
  const sources = texts.filter((text) => text.of !== opening);
  // A chart or a table shows no text through an on-screen line: its element is the block.
  return { key: at, sources: sources.length > 0 ? sources : [fixed(at)] };
}

/** The path of the block a chart or table slide shows (found by identity: the plan holds the report's block). */
function ownBlock(report: Report, slide: DeckSlide): string | undefined {
  const own = slide.elements.find((e) => e.type === 'chart' || e.type === 'table');
  const target = own?.type === 'chart' ? own.chart : own?.type === 'table' ? own.table : undefined;
  if (!target) return undefined;
  for (const [s, section] of report.sections.entries()) {
    const b = section.blocks.indexOf(target);
    if (b >= 0) return `sections[${s}].blocks[${b}]`;
  }
  return undefined;
}

/** The path of a slide's heading: a chart's title or point, a table's caption or point, a section's point or title. */
function headingPath(report: Report, slide: DeckSlide, own: string | undefined, section: number): string | undefined {
  if (own) {
    // The block's deck-only heading (its point) when that is what the slide shows, else its own heading field.
    const block = blockAt(report, own)?.block;
    const headings = block ? blockFields(block, own, report.meta.lang).filter((f) => f.role === 'heading') : [];
    const point = headings.find((f) => f.only === 'deck' && f.text === slide.heading);
    return (point ?? headings.find((f) => !f.only))?.path ?? `${own}.title`;
  }
  if (section < 0) return undefined;
  return report.sections[section]?.point === slide.heading
    ? `sections[${section}].point`
    : `sections[${section}].title`;
}

/** The style the deck sets a role's text in, and the bold lead before it, to count its lines. */
function measured(role: Role, lead: Segment[], runs: readonly Run[]): number | undefined {
  const style: TextStyle | undefined = {
    bullet: styles.bullet,
    takeaway: styles.takeaway,
    grey: styles.body,
    paragraph: styles.body,
    callout: styles.callout,
  }[role as string];
  return style && countLines([...lead, ...segmentsOf(runs)], style);
}

const boldLead = (term: string | undefined): Segment[] => (term ? [{ text: term, bold: true }, { text: ' – ' }] : []);

/** Every text the deck's slides show, slide by slide, with its field path. */
export function shownTexts(report: Report, plan: DeckPlan): Shown[] {
  const out: Shown[] = [];
  // Where each list's matching has got to: the next bullet is this item or a later one.
  const cursor = new Map<string, number>();
  const leads = new Set(
    plan.slides.flatMap((slide) => slide.elements.filter((e) => e.type === 'lead').map((e) => e.block ?? '')),
  );
  plan.slides.forEach((slide, i) => {
    const number = i + 1;
    if (slide.kind === 'title') return;
    const own = ownBlock(report, slide);
    const section = report.sections.findIndex((s) => s.id === slide.section);
    const heading = headingPath(report, slide, own, section);
    if (heading) out.push(plain(number, 'heading', heading, slide.heading));
    if (slide.kicker) out.push(plain(number, 'kicker', `sections[${section}].title`, slide.kicker));
    for (const element of slide.elements)
      out.push(...elementTexts(report, slide, element, { number, own, leads }, cursor));
  });
  return out;
}

function plain(slide: number, role: Role, path: string, text: string): Shown {
  return { slide, role, path, screenPath: path, fromText: false, text: fold(text) };
}

function elementTexts(
  report: Report,
  slide: DeckSlide,
  element: SlideElement,
  { number, own, leads }: { number: number; own: string | undefined; leads: ReadonlySet<string> },
  cursor: Map<string, number>,
): Shown[] {
  const { key, sources } = sourcesOf(report, element, leads);
  const take = (text: string): Source => {
    const from = cursor.get(key) ?? 0;
    let at = sources.findIndex((s, i) => i >= from && text !== '' && s.text.includes(text));
    if (at < 0) at = Math.min(from, sources.length - 1);
    cursor.set(key, at);
    return sources[at] as Source;
  };
  const shown = (role: Role, source: Source, text: string, lines?: number): Shown => ({
    slide: number,
    role,
    path: source.path,
    screenPath: source.screenPath,
    fromText: source.fromText,
    text,
    ...(lines !== undefined ? { lines } : {}),
  });
  const structural = slide.kind === 'agenda' || slide.kind === 'sources';
  switch (element.type) {
    case 'bullets':
      return element.items.map((item) => {
        const text = runsText(item.runs);
        const role: Role = structural ? 'entry' : slide.kind === 'takeaways' ? 'takeaway' : 'bullet';
        const full = item.term ? `${item.term} – ${text}` : text;
        return shown(role, take(text), full, measured(role, boldLead(item.term), item.runs));
      });
    case 'lead':
    case 'paragraph': {
      const role: Role = element.type === 'lead' ? 'grey' : 'paragraph';
      const text = runsText(element.runs);
      return [shown(role, take(text), text, measured(role, [], element.runs))];
    }
    case 'callout': {
      const text = runsText(element.runs);
      const full = element.title ? `${element.title} – ${text}` : text;
      return [shown('callout', take(text), full, measured('callout', boldLead(element.title), element.runs))];
    }
    case 'chart': {
      // The caption's source part is a citation, not a statement: only what it says of the data counts.
      const caption = chartCaption(element.chart, report.meta.lang).split(' Source: ')[0] ?? '';
      return [plain(number, 'caption', own ?? 'chart', caption)];
    }
    case 'table': {
      const at = own ?? 'table';
      const { table } = element;
      return [
        ...table.columns.map((column, c) => plain(number, 'cell', `${at}.columns[${c}].header`, column.header)),
        ...element.rows.flatMap((r) =>
          (table.rows[r] ?? []).map((cell, c) => plain(number, 'cell', `${at}.rows[${r}][${c}]`, plainText(cell))),
        ),
      ];
    }
    case 'source':
      return [plain(number, 'source', own ? `${own}.source` : 'source', runsText(element.runs))];
  }
}
