import { escapeMarkdown, noteComment } from './escape.js';
import type { Unit } from './pack.js';
import { CONTINUED } from './plan.js';

// Markdown serialisation: a slide from its directives, body and notes; a run of units as
// paragraphs, lists and quotes; a slide heading.

/** A slide's Markdown: its directives as comments, the body, then each note as a comment. */
export function slideMarkdown(directives: string[], body: string, notes: readonly string[]): string {
  return [...directives.map((d) => `<!-- ${d} -->`), '', body, '', ...notes.map(noteComment)].join('\n').trim();
}

/** A `##` slide heading; continuation slides (index > 0) say "(continued)". */
export function slideHeading(heading: string, index: number): string {
  return `## ${escapeMarkdown(heading + (index > 0 ? CONTINUED : ''))}`;
}

/** Markdown of a run of units: consecutive units of a group form one list. */
export function unitsMarkdown(units: readonly Unit[]): string {
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
