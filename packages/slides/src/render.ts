import { assertReport } from '@briefing/content';

export interface DeckOptions {}

/** Render a report into Marp Markdown. Pure; validates the report first. (stub) */
export function renderDeck(input: unknown, _options: DeckOptions = {}): string {
  assertReport(input);
  throw new Error('renderDeck: not implemented yet');
}

/** Render a report into a self-contained HTML deck with presenter view and notes. (stub) */
export async function renderDeckHtml(input: unknown, _options: DeckOptions = {}): Promise<string> {
  assertReport(input);
  throw new Error('renderDeckHtml: not implemented yet');
}
