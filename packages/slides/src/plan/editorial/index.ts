import type { Report } from '@briefing/content';
import type { DeckPlan } from '../plan.js';
import { type EditorialFinding, RULES } from './rules.js';
import { shownTexts } from './shown.js';

export { PRINT_PHRASES, printReference } from './print-refs.js';
export { EDITORIAL, type EditorialFinding, type EditorialRule, RULES, wordCount } from './rules.js';

/**
 * The deck's editorial problems: what a presenter would send back after going through it
 * slide by slide (elements that say the same thing, lines too long to speak to, lists split
 * that would fit, half-empty slides, continuations out of order, print cross-references),
 * each with the report field to edit and the slide it shows on. Pure: it reads the validated
 * report and the plan `planDeck` made of it. Sorted by slide, then rule, then path; a field
 * seen on several slides (a split item) is reported once, on the first. `rules` is for tests
 * (a rule left out, to see its test fail).
 */
export function editorialCheck(report: Report, plan: DeckPlan, rules = RULES): EditorialFinding[] {
  const shown = shownTexts(report, plan);
  const order = new Map(RULES.map((r, i) => [r.rule, i]));
  const seen = new Set<string>();
  return rules
    .flatMap((r) => r.find(report, plan, shown))
    .sort(
      (a, b) =>
        a.slide - b.slide ||
        (order.get(a.rule) as number) - (order.get(b.rule) as number) ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    )
    .filter((f) => {
      const key = `${f.rule}\u0000${f.path}\u0000${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** One finding as `briefing check` prints it: `sections[2].blocks[1].items[3].onScreen: 15 words on screen (at most 12) [slide 9, on-screen-length]`. */
export function formatFinding(f: EditorialFinding): string {
  return `${f.path}: ${f.message} [slide ${f.slide}, ${f.rule}]`;
}
