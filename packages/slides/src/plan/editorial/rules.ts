import { ledeRestatements, type Report, restates, topicWords } from '@briefing/content';
import type { DeckPlan, DeckSlide } from '../plan.js';
import { printReference } from './print-refs.js';
import { blockAt, type Role, type Shown } from './shown.js';

// The editorial rules, one function each: what a presenter reviewing the deck slide by slide
// would send back to its author. Each takes what the slides show (shown.ts) or the plan, and
// returns findings that name the report field to edit. The thresholds are in `EDITORIAL`.

/** The rules, by the name a finding carries. */
export type EditorialRule =
  | 'restates'
  | 'on-screen-length'
  | 'list-split'
  | 'half-empty'
  | 'continuation-order'
  | 'print-reference';

export interface EditorialFinding {
  rule: EditorialRule;
  /** Every finding is a warning; `briefing check --strict` fails on any. */
  severity: 'warning';
  /** The report field to edit (`sections[3].blocks[0].items[2].onScreen`). */
  path: string;
  /** The slide it is seen on, from 1. */
  slide: number;
  message: string;
}

/** The rules' thresholds (the README's "Editorial check" gives the reasons). */
export const EDITORIAL = {
  /** Most words an on-screen line may have, a bullet's bold term included. */
  maxWords: 12,
  /** Most lines an on-screen line may take at its slide's measure. */
  maxLines: 1,
  /** Most lines a key takeaway may take. */
  takeawayLines: 2,
  /** Longest list whose items should share a slide when they fit it. */
  listItems: 6,
  /** Least share of a content slide's body its content should fill. */
  minFill: 0.5,
} as const;

type Finder = (report: Report, plan: DeckPlan, shown: readonly Shown[]) => EditorialFinding[];

const finding = (rule: EditorialRule, path: string, slide: number, message: string): EditorialFinding => ({
  rule,
  severity: 'warning',
  path,
  slide,
  message,
});

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text}”`;

/**
 * Which of two restating elements to edit: a grey line before a bullet or callout, either
 * before the heading (it states the slide's point), never a chart's caption (made from the
 * data); of two of a kind, the later one.
 */
const EDITABLE: Partial<Record<Role, number>> = {
  caption: 0,
  heading: 1,
  bullet: 2,
  takeaway: 2,
  callout: 2,
  paragraph: 2,
  grey: 3,
};

/** Rule 1: two visible elements of one slide restate each other (content's `restates`), and ledes that restate the text under them. */
const restating: Finder = (report, plan, shown) => {
  const topic = topicWords(report);
  const out: EditorialFinding[] = [];
  const bySlide = new Map<number, Shown[]>();
  for (const s of shown) if (EDITABLE[s.role] !== undefined) bySlide.set(s.slide, [...(bySlide.get(s.slide) ?? []), s]);
  for (const [slide, texts] of bySlide) {
    texts.forEach((a, i) => {
      for (const b of texts.slice(i + 1)) {
        if (a.path === b.path || !restates(a.text, b.text, topic)) continue;
        const [fix, other] = (EDITABLE[b.role] as number) >= (EDITABLE[a.role] as number) ? [b, a] : [a, b];
        const what = other.role === 'caption' ? "the chart's caption" : other.path;
        out.push(finding('restates', fix.path, slide, `restates ${what} ${quote(other.text)}`));
      }
    });
  }
  // In print, a lede sits over its section's first text: one that says it again is the same fault.
  for (const r of ledeRestatements(report)) {
    const s = Number(/^sections\[(\d+)\]/u.exec(r.path)?.[1]);
    const at = plan.slides.findIndex((slide) => slide.elements.some((e) => e.block === r.path));
    const first = plan.slides.findIndex((slide) => slide.section === report.sections[s]?.id);
    out.push(finding('restates', r.path, (at >= 0 ? at : Math.max(first, 0)) + 1, `restates ${r.restates}`));
  }
  return out;
};

/** Words as an audience counts them: runs of letters or digits between spaces (a dash alone is none). */
export const wordCount = (text: string) => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const LINE_ROLES: ReadonlySet<Role> = new Set(['grey', 'bullet', 'callout', 'paragraph']);

/** Rule 2: on-screen lines over 12 words or one line, takeaways over two lines. */
const tooLong: Finder = (_report, _plan, shown) => {
  const out: EditorialFinding[] = [];
  for (const s of shown) {
    // The full sentence stays in the PDF and the notes: the fix is a shorter on-screen line.
    const hint = s.fromText ? ' (shown from its text: write a shorter onScreen line)' : '';
    if (s.role === 'takeaway' && (s.lines ?? 0) > EDITORIAL.takeawayLines) {
      out.push(
        finding(
          'on-screen-length',
          s.path,
          s.slide,
          `${s.lines} lines on screen (a takeaway takes at most ${EDITORIAL.takeawayLines})`,
        ),
      );
    } else if (LINE_ROLES.has(s.role)) {
      const count = wordCount(s.text);
      const path = s.screenPath;
      if (count > EDITORIAL.maxWords)
        out.push(
          finding('on-screen-length', path, s.slide, `${count} words on screen (at most ${EDITORIAL.maxWords})${hint}`),
        );
      else if ((s.lines ?? 0) > EDITORIAL.maxLines)
        out.push(
          finding(
            'on-screen-length',
            path,
            s.slide,
            `${s.lines} lines on screen (at most ${EDITORIAL.maxLines} at this slide's measure)${hint}`,
          ),
        );
    }
  }
  return out;
};

const isList = (report: Report, block: string) => {
  if (block === 'takeaways') return report.takeaways.length;
  const found = blockAt(report, block)?.block;
  return found?.type === 'list' ? found.items.length : 0;
};

/** The list an element belongs to: its block, or `takeaways` for any takeaway. */
const listOf = (block: string | undefined) => (block && /^takeaways\[/u.test(block) ? 'takeaways' : block);

/** Rule 3: a list of up to six items spread over slides, whose intro and items would fit on one. */
const splitList: Finder = (report, plan) => {
  const spans = new Map<string, { slides: number[]; height: number }>();
  plan.slides.forEach((slide, i) => {
    for (const e of slide.elements) {
      const key = listOf(e.block);
      if (!key || !slide.fill) continue;
      const span = spans.get(key) ?? { slides: [], height: 0 };
      if (span.slides.at(-1) !== i) span.slides.push(i);
      span.height += e.height;
      spans.set(key, span);
    }
  });
  const out: EditorialFinding[] = [];
  for (const [key, { slides, height }] of spans) {
    const items = isList(report, key);
    if (slides.length < 2 || items === 0 || items > EDITORIAL.listItems) continue;
    // The smallest body of the slides it spans: the list fits there whatever slide it starts on.
    const room = Math.min(...slides.map((i) => plan.slides[i]?.fill?.room ?? 0));
    if (height > room) continue;
    const numbers = slides.map((i) => i + 1);
    out.push(
      finding(
        'list-split',
        key,
        numbers[0] as number,
        `list of ${items} items split over slides ${numbers.join(', ')} fits on one (${Math.round(height)} px of a ${Math.round(room)} px body)`,
      ),
    );
  }
  return out;
};

/** Rule 4: a content slide whose content fills less than half its body. */
const halfEmpty: Finder = (report, plan) =>
  plan.slides.flatMap((slide, i) => {
    if (slide.kind !== 'content' || !slide.fill) return [];
    const { used, room } = slide.fill;
    if (used >= room * EDITORIAL.minFill) return [];
    const s = report.sections.findIndex((section) => section.id === slide.section);
    const path = slide.continued ? (slide.elements[0]?.block ?? `sections[${s}]`) : `sections[${s}]`;
    const share = Math.round((used / room) * 100);
    return [
      finding(
        'half-empty',
        path,
        i + 1,
        `slide under half full: ${Math.round(used)} px of a ${Math.round(room)} px body (${share}%, at least ${EDITORIAL.minFill * 100}%)`,
      ),
    ];
  });

/** Whether `slide` goes on from `before` (same kind, section and heading). */
const continues = (slide: DeckSlide, before: DeckSlide | undefined) =>
  before !== undefined &&
  before.kind === slide.kind &&
  before.section === slide.section &&
  before.heading === slide.heading;

/** Rule 5: a "(continued)" slide that does not follow the slide it continues. */
const outOfOrder: Finder = (report, plan) =>
  plan.slides.flatMap((slide, i) => {
    if (!slide.continued || continues(slide, plan.slides[i - 1])) return [];
    let from = i - 1;
    while (from >= 0 && !continues(slide, plan.slides[from])) from--;
    const between = plan.slides[i - 1] as DeckSlide;
    const s = report.sections.findIndex((section) => section.id === slide.section);
    const path = slide.elements[0]?.block ?? `sections[${s}]`;
    return [
      finding(
        'continuation-order',
        path,
        i + 1,
        `continues slide ${from + 1} after slide ${i} (${between.kind}: ${quote(between.heading)}): put the blocks in the order the slides should go`,
      ),
    ];
  });

/** Rule 6: text on a slide that points at a place in print ("listed below", "see Table 1"). */
const printRefs: Finder = (_report, _plan, shown) =>
  shown.flatMap((s) => {
    const phrase = printReference(s.text);
    return phrase ? [finding('print-reference', s.path, s.slide, `print cross-reference on screen: “${phrase}”`)] : [];
  });

/** The rules in the order the README lists them. */
export const RULES: readonly { rule: EditorialRule; find: Finder }[] = [
  { rule: 'restates', find: restating },
  { rule: 'on-screen-length', find: tooLong },
  { rule: 'list-split', find: splitList },
  { rule: 'half-empty', find: halfEmpty },
  { rule: 'continuation-order', find: outOfOrder },
  { rule: 'print-reference', find: printRefs },
];
