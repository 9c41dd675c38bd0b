import type { Report } from '@briefing/content';
import { deckMarkdown } from './markdown/markdown.js';
import { planDeck } from './plan/deck.js';
import type { DeckOptions } from './plan/plan.js';

export { planDeck } from './plan/deck.js';
export type { BulletItem, DeckOptions, DeckPlan, DeckSlide, SlideElement, SlideKind, TitleParts } from './plan/plan.js';
export { STRUCTURAL, WORDS_PER_MINUTE } from './plan/plan.js';

/** Render a validated report into Marp Markdown (the deck plan, serialised). Pure. */
export function renderDeck(report: Report, options: DeckOptions = {}): string {
  return deckMarkdown(planDeck(report, options));
}
