import {
  blockProse,
  normalizeForMatch,
  numberedTitle,
  type OutlineEntry,
  plainText,
  type Section,
} from '@briefing/content';
import type { DeckFacts, SlideFacts } from './deck.js';

// The facts of a section's prose that its slides must show: every number and every name.
// A "name" is a capitalised word that does not open a sentence (places, organisations,
// groups, schemes, people); a number is any run of digits with its separators, or a count
// or magnitude in words. Found in the full text (the lede, and the fields of its blocks that
// content's fields.ts marks as prose: paragraphs, list intros and items, callouts), and looked
// for on the section's slides, where an on-screen line, a list term, a chart or a table may carry it.

export interface Fact {
  kind: 'number' | 'name';
  text: string;
  /** Path of the field it comes from, e.g. `sections[2].blocks[1].items[0].text`. */
  path: string;
}

const NUMBER = /\d+(?:[.,]\d+)*/gu;
/** Numbers in words: counts from two and magnitudes ("six kinds", "thousands of victims", "billions"). */
const NUMBER_WORD =
  /(?<![\p{L}-])(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|trillions?)(?![\p{L}-])/giu;
const NAME = /(?<![\p{L}\p{M}\p{N}'’-])\p{Lu}[\p{L}\p{M}'’-]*/gu;
/** Where a sentence (or a clause that reads as one) begins. */
const OPENING = /(?:^|[.!?:;]\s+|[“"‘(]\s*)$/u;

/**
 * "Figure 1", "Table 2": the PDF's references to its own numbered figures and tables, not
 * facts of the source (the deck does not number its charts and tables).
 */
const REFERENCE = /(?<![\p{L}])(?:Figure|Table) \d+(?![\p{N}])/gu;

/** The numbers and names of one text. */
export function textFacts(text: string, path: string): Fact[] {
  const out: Fact[] = [];
  // References blanked out (same length, so positions and sentence openings stay as they were).
  const facts = text.replace(REFERENCE, (ref) => ' '.repeat(ref.length));
  for (const m of facts.matchAll(NUMBER)) out.push({ kind: 'number', text: m[0].replace(/[.,]$/u, ''), path });
  for (const m of facts.matchAll(NUMBER_WORD)) out.push({ kind: 'number', text: m[0].toLowerCase(), path });
  for (const m of facts.matchAll(NAME)) {
    const before = text.slice(0, m.index);
    if (OPENING.test(before)) continue;
    out.push({ kind: 'name', text: m[0].replace(/['’]s$/u, '').replace(/[-'’]$/u, ''), path });
  }
  return out;
}

/** Every fact of a section's prose, once each (the first place it occurs). */
export function sectionFacts(section: Section, at: string, lang: string): Fact[] {
  const texts: { text: string; path: string }[] = [];
  if (section.lede) texts.push({ text: plainText(section.lede), path: `${at}.lede` });
  // A block's prose is what its fields mark as such (content's fields.ts): a chart's figures and
  // a table's cells are checked as such, not as prose.
  section.blocks.forEach((block, b) => {
    texts.push(...blockProse(block, `${at}.blocks[${b}]`, lang));
  });
  const seen = new Set<string>();
  return texts
    .flatMap(({ text, path }) => textFacts(text, path))
    .filter((fact) => {
      const key = `${fact.kind}:${fact.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * The deck's slides of a section: those whose heading, or the kicker above it, is the
 * section's numbered title (continuation slides included).
 */
export function sectionSlides(deck: DeckFacts, entry: OutlineEntry): SlideFacts[] {
  const title = normalizeForMatch(numberedTitle(entry));
  return deck.slides.filter((slide) => {
    const heading = normalizeForMatch(slide.heading).replace(/ \(continued\)$/u, '');
    return heading === title || normalizeForMatch(slide.kicker) === title;
  });
}

/** The facts of each section that its slides do not show (`lang`: the report's language). */
export function factsOffScreen(
  deck: DeckFacts,
  entries: readonly OutlineEntry[],
  lang: string,
): { entry: OutlineEntry; slides: number; missing: Fact[] }[] {
  return entries.map((entry, s) => {
    const slides = sectionSlides(deck, entry);
    const shown = normalizeForMatch(slides.map((slide) => slide.text).join(' '));
    const missing = sectionFacts(entry.section, `sections[${s}]`, lang).filter(
      (fact) =>
        !new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(normalizeForMatch(fact.text))}(?![\\p{N}])`, 'u').test(shown),
    );
    return { entry, slides: slides.length, missing };
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
