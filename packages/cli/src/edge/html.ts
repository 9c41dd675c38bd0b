import { escapeXml } from '@briefing/content';

/**
 * Text as HTML element content or a quoted attribute value (either quote), for the preview
 * page and the page the deck is converted in: content's one XML escape, apostrophes too.
 */
export function escapeHtml(text: string): string {
  return escapeXml(text, { apostrophe: true });
}
