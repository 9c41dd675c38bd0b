// Layout checks on extracted text positions. They take plain data (pages of text items) so
// each can be shown to fail on a deliberately bad page as well as to pass on real output.

import type { PageText } from '@briefing/inspect';
import type { PageGeometry } from '../src/index.js';

/** Bands of the running head and foot, where text outside the frame is expected. */
const BAND = 6;
const EPS = 0.5;

/** Text items that leave the page's frame (left/right margins, top/bottom outside the head/foot bands). */
export function textOutsideFrame(page: PageText, g: PageGeometry): string[] {
  const top = page.number === 1 ? g.coverTop : g.top;
  const bottom = page.number === 1 ? g.coverBottom : g.bottom;
  const out: string[] = [];
  for (const item of page.items) {
    if (!item.str.trim()) continue;
    const where = `page ${page.number}: "${item.str.slice(0, 40)}" at x=${item.x.toFixed(1)}..${(item.x + item.width).toFixed(1)}, baseline ${item.y.toFixed(1)}`;
    if (item.x < g.left - EPS || item.x + item.width > g.right + EPS) out.push(`${where}: past a side margin`);
    const inFrame = item.y - item.size * 0.75 >= top - EPS && item.y <= bottom + EPS;
    const inHead = page.number > 1 && Math.abs(item.y - g.headBaseline) < BAND;
    const inFoot = page.number > 1 && Math.abs(item.y - g.footBaseline) < BAND;
    if (!inFrame && !inHead && !inFoot) out.push(`${where}: past the top or bottom margin`);
  }
  return out;
}

/** Baselines of the page's body text (not the running head or foot), top to bottom, with the largest size on each. */
function bodyLines(page: PageText, g: PageGeometry): { y: number; size: number; text: string }[] {
  const lines = new Map<number, { y: number; size: number; text: string }>();
  for (const item of page.items) {
    if (!item.str.trim()) continue;
    if (page.number > 1 && (item.y < g.top || item.y > g.bottom + EPS)) continue;
    const key = Math.round(item.y * 2) / 2;
    const line = lines.get(key) ?? { y: key, size: 0, text: '' };
    line.size = Math.max(line.size, item.size);
    line.text += item.str;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => a.y - b.y);
}

/**
 * Headings (lines set at `headingSize`) with fewer than `minLines` lines of other text
 * after them on their page: a heading stranded at the foot of a page.
 */
export function strandedHeadings(page: PageText, g: PageGeometry, headingSize: number, minLines = 2): string[] {
  const lines = bodyLines(page, g);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (Math.abs(line.size - headingSize) > 0.1) continue;
    // The heading's last line: skip wrapped heading lines.
    if (i + 1 < lines.length && Math.abs(lines[i + 1]!.size - headingSize) <= 0.1) continue;
    const after = lines.length - 1 - i;
    if (after < minLines)
      out.push(`page ${page.number}: heading "${line.text.slice(0, 50)}" has ${after} line(s) after it`);
  }
  return out;
}

/**
 * How far down its frame a page's text reaches, as a share of the frame's height (0 to 1):
 * from the top of the frame to the last baseline of body text (running head and foot aside).
 */
export function textFill(page: PageText, g: PageGeometry): number {
  const lines = bodyLines(page, g);
  const last = lines[lines.length - 1];
  if (!last) return 0;
  const top = page.number === 1 ? g.coverTop : g.top;
  const bottom = page.number === 1 ? g.coverBottom : g.bottom;
  return (last.y - top) / (bottom - top);
}
