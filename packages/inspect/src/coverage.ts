import {
  blockFields,
  normalizeForMatch,
  numberedTitle,
  type OutlineEntry,
  outline,
  type Report,
} from '@briefing/content';
import type { DeckFacts } from './deck.js';
import type { PdfFacts } from './pdf.js';

/** One thing the report says that both outputs must show. */
export interface Expectation {
  kind: 'section' | 'item' | 'figure' | 'cell';
  /** Index into `outline(report)`. */
  section: number;
  sectionId: string;
  /** What the matrix prints. */
  label: string;
  /** Normalised text searched for. */
  needle: string;
  /** For sections: the numbered title ("2. Title") as headings and contents print it. */
  numbered?: string;
}

export interface Found {
  found: boolean;
  /** PDF page or slide number (1-based) where it was found. */
  at?: number;
}

export interface Row extends Expectation {
  pdf: Found;
  slides: Found;
}

export interface CoverageResult {
  rows: Row[];
  /** Navigation checks: the PDF outline, the PDF table of contents and the slide agenda list the sections. */
  navigation: { what: string; ok: boolean; detail: string }[];
  ok: boolean;
  missing: Row[];
}

/** Everything a report promises, in report order. */
export function expectations(report: Report): Expectation[] {
  const out: Expectation[] = [];
  for (const [index, entry] of outline(report).entries()) {
    const base = { section: index, sectionId: entry.id };
    out.push({
      ...base,
      kind: 'section',
      label: numberedTitle(entry),
      needle: compact(entry.title),
      numbered: compact(numberedTitle(entry)),
    });
    entry.section.blocks.forEach((block, b) => {
      // What each block type promises is its own business: blockFields says (items, figures, cells).
      for (const field of blockFields(block, `sections[${index}].blocks[${b}]`, report.meta.lang)) {
        if (field.find)
          out.push({ ...base, kind: field.find.kind, label: field.find.label, needle: compact(field.find.needle) });
      }
    });
  }
  return out;
}

/**
 * Text as the locator compares it: normalised, then without white space, so that a long
 * word broken across lines in the PDF, or a line break the deck adds, never hides it.
 */
export const compact = (text: string) => normalizeForMatch(text).replace(/\s+/gu, '');

/** Pages (or slides) as one searchable text, remembering where each one starts. */
class Haystack {
  readonly text: string;
  readonly starts: number[] = [];
  constructor(readonly units: string[]) {
    let text = '';
    for (const unit of units) {
      this.starts.push(text.length);
      text += `${unit}\u0000`;
    }
    this.text = text;
  }
  unitAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** Offset of `needle` at or after `from` and before `to`, or -1. */
  find(needle: string, from: number, to = this.text.length): number {
    const at = this.text.indexOf(needle, from);
    return at >= 0 && at + needle.length <= to ? at : -1;
  }
}

/**
 * Locate every expectation in one output. Sections are anchored in order (each after the
 * one before, skipping navigation units such as a table of contents or an agenda); items
 * and figures must then appear in order inside their own section's span.
 */
function locate(
  exps: Expectation[],
  units: string[],
  anchorUnit: (entry: Expectation, fromUnit: number) => number | undefined,
  headingIn: (hay: Haystack, entry: Expectation, start: number, end: number) => number,
): Found[] {
  const hay = new Haystack(units);
  const sections = exps.filter((e) => e.kind === 'section');
  // Where each section starts (unit index), in order.
  const anchors = new Map<number, number>();
  let fromUnit = 0;
  for (const s of sections) {
    const unit = anchorUnit(s, fromUnit);
    if (unit !== undefined) {
      anchors.set(s.section, unit);
      fromUnit = unit;
    }
  }
  const results: Found[] = [];
  let cursor = 0;
  let end = hay.text.length;
  for (const e of exps) {
    if (e.kind === 'section') {
      const unit = anchors.get(e.section);
      if (unit === undefined) {
        results.push({ found: false });
        cursor = end; // nothing of a missing section can be placed
        continue;
      }
      const start = hay.starts[unit] ?? 0;
      const at = headingIn(hay, e, start, hay.starts[unit + 1] ?? hay.text.length);
      cursor = at >= 0 ? at + e.needle.length : start;
      // The section's span ends where the next located section's unit ends.
      const next = [...anchors.entries()].find(([index]) => index > e.section)?.[1];
      end = next === undefined ? hay.text.length : (hay.starts[next + 1] ?? hay.text.length);
      results.push({ found: at >= 0, at: unit + 1 });
      continue;
    }
    const at = hay.find(e.needle, cursor, end);
    if (at < 0) {
      results.push({ found: false });
    } else {
      results.push({ found: true, at: hay.unitAt(at) + 1 });
      cursor = at + e.needle.length;
    }
  }
  return results;
}

/**
 * A PDF heading prints the numbered title: take its last occurrence on the section's page,
 * since a table of contents sharing the page comes first. The number keeps a short title
 * ("z") from matching body text. Without the number, the title's last occurrence.
 */
function pdfHeading(hay: Haystack, e: Expectation, start: number, end: number): number {
  for (const needle of [e.numbered, e.needle]) {
    if (!needle) continue;
    const at = hay.text.lastIndexOf(needle, end - needle.length);
    if (at >= start) return needle === e.needle ? at : at + needle.length - e.needle.length;
  }
  return -1;
}

const NAV_CLASSES = new Set(['title', 'agenda', 'takeaways', 'sources']);

/** Compare what the report promises with what the PDF briefing and the HTML deck show. */
export function checkCoverage(report: Report, pdf: PdfFacts, deck: DeckFacts): CoverageResult {
  const exps = expectations(report);
  const entries = outline(report);

  // PDF: a section starts on the page its named destination opens (the id), else the
  // first page after the previous section whose text has its title.
  const firstBodyPage = Math.min(...Object.values(pdf.destinations), pdf.pageCount);
  const pages = pdf.pages.map(compact);
  const pdfFound = locate(
    exps,
    pages,
    (e, fromUnit) => {
      const dest = pdf.destinations[e.sectionId];
      if (dest !== undefined && pages[dest - 1]?.includes(e.needle)) return dest - 1;
      for (let u = Math.max(fromUnit, firstBodyPage - 1); u < pages.length; u++) {
        if (pages[u]?.includes(e.needle)) return u;
      }
      return undefined;
    },
    pdfHeading,
  );

  // Slides: a section starts at the first slide after the previous section that is not a
  // navigation slide (title, agenda, takeaways, sources) and whose heading is the section's
  // numbered title. The heading, not the slide's text: a short title ("Jd", "Outlook") also
  // occurs in the body of the slides before it, or inside a longer title, and anchoring
  // there cut the section before short, so the items on its "(continued)" slides were
  // reported missing.
  const slideText = deck.slides.map((s) => compact(s.text));
  const slideHeadings = deck.slides.map((s) => compact(s.heading));
  const slideFound = locate(
    exps,
    slideText,
    (e, fromUnit) => {
      const heading = e.numbered ?? e.needle;
      for (let u = fromUnit; u < deck.slides.length; u++) {
        if (deck.slides[u]!.classes.some((c) => NAV_CLASSES.has(c))) continue;
        if (slideHeadings[u] === heading) return u;
      }
      return undefined;
    },
    (hay, e, start, end) => hay.find(e.needle, start, end),
  );

  const rows: Row[] = exps.map((e, i) => ({ ...e, pdf: pdfFound[i]!, slides: slideFound[i]! }));
  const navigation = [checkOutline(entries, pdf), checkToc(entries, pdf), checkAgenda(entries, deck)];
  const missing = rows.filter((r) => !r.pdf.found || !r.slides.found);
  return { rows, navigation, missing, ok: missing.length === 0 && navigation.every((n) => n.ok) };
}

function checkOutline(entries: OutlineEntry[], pdf: PdfFacts) {
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
function checkToc(entries: OutlineEntry[], pdf: PdfFacts) {
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

function checkAgenda(entries: OutlineEntry[], deck: DeckFacts) {
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
