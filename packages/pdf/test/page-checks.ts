// Page-level checks on what was read back from a PDF: paragraphs split across pages, a table
// continued over pages, pages left emptier than the rule allows. They take plain data, so
// each can be shown failing on a deliberately bad page as well as passing on real output.
import type { Report } from '@briefing/content';
import type { PageText, PdfFacts } from '@briefing/inspect';
import type { PageGeometry } from '../src/index.js';
import { emptyBelow, type InkPage } from './ink.js';

/** The most of its frame a page may leave empty (all but the last, and the one before a section set on a new page). */
export const MAX_EMPTY = 0.08;

/** Lines of body text (running head and foot aside), top to bottom. */
export function bodyLines(page: PageText, g: PageGeometry): string[] {
  const lines = new Map<number, { y: number; x: number; text: string }[]>();
  for (const item of page.items) {
    if (!item.str.trim()) continue;
    if (page.number > 1 && (item.y < g.top || item.y > g.bottom + 0.5)) continue;
    const key = Math.round(item.y * 2) / 2;
    lines.set(key, [...(lines.get(key) ?? []), { y: item.y, x: item.x, text: item.str }]);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, items]) =>
      items
        .sort((a, b) => a.x - b.x)
        .map((i) => i.text)
        .join(''),
    );
}

export interface Split {
  /** The page the paragraph starts on (1-based); it ends on the next. */
  page: number;
  paragraph: string;
  /** Its lines at the foot of `page` and at the head of the next. */
  before: number;
  after: number;
  /** One line alone at the head of the next page, or at the foot of this one. */
  widow: boolean;
  orphan: boolean;
}

/**
 * Every paragraph that runs from one page to the next, with how many of its lines are on
 * each side. `paragraphOf` names the paragraph a line belongs to (undefined: not a paragraph).
 */
export function paragraphSplits(
  pages: readonly PageText[],
  g: PageGeometry,
  paragraphOf: (line: string) => string | undefined,
): Split[] {
  const out: Split[] = [];
  for (let p = 0; p + 1 < pages.length; p++) {
    const here = bodyLines(pages[p]!, g).map(paragraphOf);
    const next = bodyLines(pages[p + 1]!, g).map(paragraphOf);
    const last = here[here.length - 1];
    if (!last || next[0] !== last) continue;
    let before = 0;
    while (before < here.length && here[here.length - 1 - before] === last) before++;
    let after = 0;
    while (after < next.length && next[after] === last) after++;
    out.push({ page: p + 1, paragraph: last, before, after, widow: after === 1, orphan: before === 1 });
  }
  return out;
}

/**
 * Pages that leave more than MAX_EMPTY of their frame empty below their last ink: every page
 * but the cover (checked on its own), the last, and the one before the first section (which
 * starts a new page on purpose). Read from the rendered pages (`ink`).
 */
export function overfullPages(ink: readonly InkPage[], pdf: PdfFacts, report: Report, g: PageGeometry): string[] {
  const first = report.sections[0] ? pdf.destinations[report.sections[0].id] : undefined;
  const out: string[] = [];
  for (const page of ink) {
    if (page.number === 1 || page.number === ink.length || page.number === (first ?? 0) - 1) continue;
    const empty = emptyBelow(page, g.top, g.bottom);
    if (empty > MAX_EMPTY) out.push(`page ${page.number}: ${(empty * 100).toFixed(1)}% of its frame empty`);
  }
  return out;
}

export interface TablePart {
  page: number;
  rows: number[];
  problems: string[];
}

/**
 * A table read across the pages it spans: on each, its rows (numbered by `rowPattern`'s first
 * group), and what is wrong there: fewer than two rows, its caption ("(continued)" after the
 * first page) or its header missing above the first row.
 */
export function continuedTable(
  pages: readonly PageText[],
  caption: string,
  header: string,
  rowPattern: RegExp,
): TablePart[] {
  const parts: TablePart[] = [];
  for (const page of pages) {
    const rows = [...page.text.matchAll(new RegExp(rowPattern.source, 'g'))].map((m) => Number(m[1]));
    if (rows.length === 0) continue;
    const problems: string[] = [];
    const where = `page ${page.number}`;
    if (rows.length < 2) problems.push(`${where}: ${rows.length} row(s) of the table`);
    const title = parts.length === 0 ? `${caption} ` : `${caption} (continued)`;
    const firstRow = page.text.search(new RegExp(rowPattern.source));
    const titleAt = page.text.indexOf(title);
    const headerAt = page.text.indexOf(header, Math.max(0, titleAt));
    if (titleAt < 0 || titleAt > firstRow) problems.push(`${where}: no "${title.trim()}" above the rows`);
    if (headerAt < 0 || headerAt > firstRow) problems.push(`${where}: no header "${header}" above the rows`);
    parts.push({ page: page.number, rows, problems });
  }
  return parts;
}
