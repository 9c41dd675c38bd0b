// Navigation checks: the PDF's bookmarks and table of contents and the slides' agenda list the
// sections, in order, opening where the sections are.
import { normalizeForMatch, numberedTitle, type OutlineEntry } from '@briefing/content';
import type { DeckFacts } from './deck.js';
import type { PdfFacts } from './pdf.js';

export function checkOutline(entries: OutlineEntry[], pdf: PdfFacts) {
  const want = entries.map((e) => normalizeForMatch(numberedTitle(e)));
  const got = pdf.outline.map((o) => normalizeForMatch(o.title));
  const sections = got.filter((t) => want.includes(t));
  const ok = JSON.stringify(sections) === JSON.stringify(want);
  const pagesOk = entries.every((e) => {
    const item = pdf.outline.find((o) => normalizeForMatch(o.title) === normalizeForMatch(numberedTitle(e)));
    return item?.page !== undefined && item.page === pdf.destinations[e.id];
  });
  return {
    what: 'PDF bookmarks list the sections in order, each opening at its section',
    ok: ok && pagesOk,
    detail: ok
      ? pagesOk
        ? `${want.length} sections`
        : 'a bookmark opens the wrong page'
      : `bookmarks: ${got.join(' | ')}`,
  };
}

/**
 * A table-of-contents entry: the numbered title, then dot leaders or spaces, then the page.
 * The PDF may wrap a long title anywhere, even inside a word, so a space may stand
 * between any two characters of the title.
 */
export function tocPattern(numbered: string): RegExp {
  const chars = [...normalizeForMatch(numbered).replace(/\s+/gu, '')].map((c) =>
    c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`${chars.join('\\s?')}[\\s.·]*?(\\d+)(?!\\d)`, 'u');
}

/** The table of contents lists every section, in order, with the page its destination opens. */
export function checkToc(entries: OutlineEntry[], pdf: PdfFacts) {
  // The contents come before the first section starts, possibly on the same page.
  const firstBody = Math.min(...Object.values(pdf.destinations), pdf.pageCount);
  const front = pdf.normalized.slice(0, firstBody).join(' ');
  const problems: string[] = [];
  let cursor = Math.max(0, front.indexOf('contents'));
  for (const e of entries) {
    const match = tocPattern(numberedTitle(e)).exec(front.slice(cursor));
    if (!match) {
      problems.push(`${e.label}. missing`);
      continue;
    }
    cursor += match.index + match[0].length;
    const stated = Number(match[1]);
    const actual = pdf.destinations[e.id];
    if (stated !== actual) problems.push(`${e.label}. says page ${stated}, section is on page ${actual ?? '?'}`);
  }
  return {
    what: 'PDF table of contents lists the sections in order with their real page numbers',
    ok: problems.length === 0,
    detail: problems.length ? problems.join('; ') : `${entries.length} entries`,
  };
}

export function checkAgenda(entries: OutlineEntry[], deck: DeckFacts) {
  const agenda = deck.slides
    .filter((s) => s.classes.includes('agenda'))
    .map((s) => s.normalized)
    .join(' ');
  let cursor = 0;
  const missing: string[] = [];
  for (const e of entries) {
    const at = agenda.indexOf(normalizeForMatch(e.title), cursor);
    if (at < 0) missing.push(numberedTitle(e));
    else cursor = at;
  }
  return {
    what: 'slide agenda lists the sections in order',
    ok: missing.length === 0 && (entries.length === 0 || agenda.length > 0),
    detail: missing.length ? `missing or out of order: ${missing.join('; ')}` : `${entries.length} sections`,
  };
}
