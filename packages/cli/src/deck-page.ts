// The page a deck is converted in by Chromium: every slide of the HTML deck's engine stacked,
// one per screen and printed page, under a Content-Security-Policy that lets it load nothing.
import { createHash } from 'node:crypto';
import { BriefingMarp } from '@briefing/slides';
import { escapeHtml } from './html.js';

/** Every slide of the page. */
export const SLIDE = 'div.marpit > svg[data-marpit-svg]';

/**
 * The Content-Security-Policy of the page the deck is converted in: inline styles, images and
 * fonts from data: URLs, and only the inline scripts named by their hashes (Marp's own).
 */
export function deckCsp(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src ${hashes.length ? [...new Set(hashes)].join(' ') : "'none'"}`;
}

/** The deck rendered by the HTML deck's engine: one page of stacked slides, its size and notes. */
export function deckPage(markdown: string, lang: string, title?: string) {
  const { html, css, comments } = new BriefingMarp().render(markdown);
  const size = /<svg data-marpit-svg="[^"]*" viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(html);
  if (!size) throw new Error('the Marp engine rendered no slide');
  const width = Number(size[1]);
  const height = Number(size[2]);
  const page = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    // An allow-list of what the deck may load: its own inline styles, and images and fonts
    // from data: URLs (the embedded faces, the chart). Nothing from the network or the disk.
    `<meta http-equiv="Content-Security-Policy" content="${deckCsp(html)}">`,
    title ? `<title>${escapeHtml(title)}</title>` : '',
    `<style>${css}</style>`,
    // One slide per screen and per printed page, whatever the media type.
    `<style>html,body{margin:0;padding:0}${SLIDE}{display:block;width:${width}px;height:${height}px}</style>`,
    `</head><body>${html}</body></html>`,
  ].join('');
  return { page, width, height, notes: comments.map((c) => c.join('\n\n')) };
}
