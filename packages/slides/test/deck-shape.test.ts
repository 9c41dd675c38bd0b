// The deck as a presenter gives it, held on the plan of the packaged report: at most 14
// slides ending on a closing slide, each slide saying one thing once in short lines, content
// slides at least half full, a section's slides in the order of its blocks, and notes that
// open differently and speak of no visual the deck lacks. Each rule is also shown catching a
// crafted report that breaks it.
import {
  assertReport,
  plainText,
  type Report,
  type ReportInput,
  report,
  reportInput,
  restates,
  topicWords,
} from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { countLines, segmentsOf, styles } from '../src/layout/layout.js';
import { type DeckPlan, type DeckSlide, planDeck } from '../src/render.js';

const plan = planDeck(report);

/** What a slide shows as text, element by element: its heading, then each line of its body. */
function visible(slide: DeckSlide): string[] {
  const out = [slide.heading];
  for (const e of slide.elements) {
    if (e.type === 'bullets')
      for (const item of e.items) out.push(`${item.term ? `${item.term} – ` : ''}${plainText(item.runs)}`);
    else if (e.type === 'callout') out.push(`${e.title ? `${e.title} – ` : ''}${plainText(e.runs)}`);
    else if (e.type === 'lead' || e.type === 'paragraph') out.push(plainText(e.runs));
  }
  return out;
}

/** Pairs of elements of one slide that restate each other (rule 1), as "slide n: a ~ b". */
function restatements(deck: DeckPlan, of: Report): string[] {
  const topic = topicWords(of);
  return deck.slides.flatMap((slide, n) => {
    // The agenda and the sources are lists of names, not statements.
    if (slide.kind === 'title' || slide.kind === 'agenda' || slide.kind === 'sources') return [];
    const texts = visible(slide);
    const out: string[] = [];
    for (let a = 0; a < texts.length; a++)
      for (let b = a + 1; b < texts.length; b++)
        if (restates(texts[a] as string, texts[b] as string, topic))
          out.push(`slide ${n + 1}: ${texts[a]} ~ ${texts[b]}`);
    return out;
  });
}

/** The block indices a section's slides show, slide by slide, in order. */
function blockOrder(deck: DeckPlan, section: string): number[] {
  return deck.slides
    .filter((slide) => slide.section === section)
    .flatMap((slide) => slide.elements.map((e) => Number(/\.blocks\[(\d+)\]/u.exec(e.block ?? '')?.[1] ?? -1)))
    .filter((index) => index >= 0);
}

/** A visual the deck may not have, named in a note: the kinds of element that would show it. */
const VISUALS: [RegExp, string[]][] = [
  [/\b(map|photo(graph)?s?|image|picture|diagram|video|timeline)\b/iu, []],
  [/\b(chart|graph|bars?|panels?)\b/iu, ['chart']],
  [/\btable\b/iu, ['table']],
];

/** Notes that name a visual the deck has no element for, as "slide n: note". */
function visualsMissing(deck: DeckPlan): string[] {
  const has = new Set(deck.slides.flatMap((s) => s.elements.map((e) => e.type)));
  return deck.slides.flatMap((slide, n) =>
    slide.notes
      .filter((note) => VISUALS.some(([word, kinds]) => word.test(note) && !kinds.some((k) => has.has(k as never))))
      .map((note) => `slide ${n + 1}: ${note}`),
  );
}

/** Notes that open more than one slide. */
function repeatedOpenings(deck: DeckPlan): string[] {
  const seen = new Map<string, number>();
  for (const slide of deck.slides) seen.set(slide.notes[0] ?? '', (seen.get(slide.notes[0] ?? '') ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([note]) => note);
}

const words = (text: string) => text.split(/\s+/u).filter((w) => w !== '' && w !== '–').length;

describe('the packaged deck, as a presenter gives it', () => {
  it('has at most 14 slides, the closing slide (bottom line and what to do) just before the sources', () => {
    expect(plan.slides.length).toBeLessThanOrEqual(14);
    const closing = plan.slides.at(-2) as DeckSlide;
    expect(closing.kind).toBe('closing');
    expect(closing.heading).toBe(report.conclusion?.point);
    expect(closing.elements.length).toBeGreaterThan(0);
    expect(closing.notes[0]).toBe(plainText(report.conclusion?.text ?? ''));
    expect(plan.slides.at(-1)?.kind).toBe('sources');
  });

  it('says each thing once: no two visible elements of a slide restate each other', () => {
    expect(restatements(plan, report)).toEqual([]);
  });

  it('catches a slide whose body says its heading again', () => {
    const input = structuredClone(reportInput) as ReportInput;
    const first = input.sections[5]!.blocks[0]!;
    if (first.type !== 'paragraph') throw new Error('fixture moved');
    input.sections[5]!.point = 'Chinese cybercrime from Myanmar joins scammers inside India';
    const bad = assertReport(input);
    expect(restatements(planDeck(bad), bad)).toEqual([
      expect.stringMatching(/^slide \d+: Chinese cybercrime from Myanmar joins scammers inside India ~ From Myanmar/u),
    ]);
  });

  it('keeps on-screen lines short: a term and a phrase of 13 words at most, two lines at most; takeaways two lines each', () => {
    const long: string[] = [];
    // The sources are citations, not lines to speak to.
    for (const slide of plan.slides.filter((s) => s.kind !== 'sources')) {
      const style = slide.kind === 'takeaways' ? styles.takeaway : styles.bullet;
      for (const e of slide.elements) {
        if (e.type !== 'bullets') continue;
        for (const item of e.items) {
          const segments = [...(item.term ? [{ text: `${item.term} – `, bold: true }] : []), ...segmentsOf(item.runs)];
          const text = `${item.term ?? ''} ${plainText(item.runs)}`;
          const tooLong = slide.kind === 'content' && words(text) > 13;
          if (tooLong || countLines(segments, style) > 2) long.push(text);
        }
      }
    }
    expect(long).toEqual([]);
  });

  it('fills every content slide at least half', () => {
    const thin = plan.slides
      .filter((s) => s.kind === 'content' && s.fill && s.fill.used < s.fill.room / 2)
      .map((s) => s.heading);
    expect(thin).toEqual([]);
  });

  it("shows each section's blocks in order, a table after the list it sums up", () => {
    for (const section of report.sections) {
      const order = blockOrder(plan, section.id);
      expect(order, section.id).toEqual([...order].sort((a, b) => a - b));
    }
    const responses = plan.slides.filter((s) => s.section === 'responses').map((s) => s.kind);
    expect(responses).toEqual(['content', 'table']);
  });

  it('keeps the text after a table after it, even when all the text would fit one slide', () => {
    const input = structuredClone(reportInput) as ReportInput;
    const blocks = input.sections[6]!.blocks;
    // The old order: the paragraph, the table, then the list the paragraph and table refer to.
    input.sections[6]!.blocks = [blocks[0]!, blocks[2]!, blocks[1]!];
    const order = blockOrder(planDeck(assertReport(input)), 'responses');
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('puts a list of six short items on one slide', () => {
    const sections = plan.slides.filter((s) => s.section === 'drivers-in-myanmar' || s.section === 'fraud-schemes');
    expect(sections.map((s) => s.kind)).toEqual(['content', 'content']);
    expect(sections.every((s) => !s.continued)).toBe(true);
  });

  it('has notes that open differently on every slide and name no visual the deck lacks', () => {
    expect(repeatedOpenings(plan)).toEqual([]);
    expect(visualsMissing(plan)).toEqual([]);
    expect(plan.slides[0]?.notes.at(-1)).toMatch(new RegExp(`^A talk of about ${plan.talk.minutes} minutes`, 'u'));
  });

  it('catches a note that opens with a map the deck does not have, and two slides that open alike', () => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections[0]!.notes = ['Open with the map: Myanmar borders India and China.'];
    delete input.meta.subtitle;
    const bad = planDeck(assertReport(input));
    expect(visualsMissing(bad)).toEqual([expect.stringMatching(/^slide 4: Open with the map/u)]);
    input.meta.summary = `${input.meta.title}.`;
    expect(repeatedOpenings(planDeck(assertReport(input)))).toEqual([`${input.meta.title}.`]);
  });
});
