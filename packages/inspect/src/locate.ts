// Finding the expectations in one output's pages or slides: sections anchored in order, then
// each item, figure and cell in order inside its own section's span.
import type { Expectation, Found } from './expectations.js';

/** Pages (or slides) as one searchable text, remembering where each one starts. */
export class Haystack {
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
 * one before, skipping navigation units such as a table of contents or an agenda); items,
 * figures and cells must then each appear in order inside their own section's span.
 */
export function locate(
  exps: Expectation[],
  units: string[],
  anchorUnit: (entry: Expectation, fromUnit: number) => number | undefined,
  /** Where the section's heading ends inside its unit (between `start` and `end`), or -1 when the unit does not show it. */
  headingEnd: (hay: Haystack, entry: Expectation, start: number, end: number) => number,
  needleOf: (entry: Expectation) => string = (entry) => entry.needle,
  /**
   * How many later sections' starts a figure or table cell may be set past (a float waiting
   * for room): it is looked for up to the end of the unit where the section that many after
   * its own starts. 0: inside its own section's span.
   */
  floats = 0,
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
  // One cursor per kind: items, figures and cells each in order. The deck gathers a section's
  // text onto its content slides and shows its charts and tables after them, so the figures
  // of a chart may come after items that follow the chart in the report.
  let cursor = 0;
  const cursors = new Map<Expectation['kind'], number>();
  // Where a split row's next cell goes on, by page: after the piece its cell before left there.
  const continued = new Map<number, number>();
  let end = hay.text.length;
  let floatEnd = end;
  for (const e of exps) {
    if (e.kind === 'section') {
      const unit = anchors.get(e.section);
      if (unit === undefined) {
        results.push({ found: false });
        cursor = end; // nothing of a missing section can be placed
        continue;
      }
      const start = hay.starts[unit] ?? 0;
      const after = headingEnd(hay, e, start, hay.starts[unit + 1] ?? hay.text.length);
      cursor = after >= 0 ? after : start;
      cursors.clear();
      continued.clear();
      // The section's span ends where the next located section's unit ends.
      const later = [...anchors.entries()].filter(([index]) => index > e.section).map(([, u]) => u);
      const endOf = (unit: number | undefined) =>
        unit === undefined ? hay.text.length : (hay.starts[unit + 1] ?? hay.text.length);
      end = endOf(later[0]);
      floatEnd = endOf(later[floats]);
      results.push({ found: after >= 0, at: unit + 1 });
      continue;
    }
    const needle = needleOf(e);
    const from = cursors.get(e.kind) ?? cursor;
    const until = e.kind === 'figure' || e.kind === 'cell' ? floatEnd : end;
    // A chart is found by its title (the PDF's figure title, the PPTX chart's name) or, where
    // the slide's heading is the section's point and the title is not drawn, by its alt text
    // (the HTML chart's <title>).
    const at =
      e.chart === undefined
        ? hay.find(needle, from, until)
        : [e.chart, ...(e.chartAlt ? [e.chartAlt] : [])].reduce(
            (found, anchor) => (found >= 0 ? found : inChart(hay, anchor, e.with ?? [], needle, from, cursor, until)),
            -1,
          );
    const split = at < 0 && e.kind === 'cell' ? acrossPages(hay, needle, e.header, from, until, continued) : undefined;
    if (at >= 0) {
      results.push({ found: true, at: hay.unitAt(at) + 1 });
      cursors.set(e.kind, at + needle.length);
    } else if (split) {
      results.push({ found: true, at: hay.unitAt(split.at) + 1 });
      // The next cell of the row starts on the first page, after this one's first piece, and
      // goes on, on each page after, after this one's piece there.
      cursors.set(e.kind, split.end);
      for (const [unit, pieceEnd] of split.pieces) continued.set(unit, pieceEnd);
    } else {
      results.push({ found: false });
    }
  }
  return results;
}

/**
 * A table cell whose row is taller than a page is split with it: the row's lines that fit are
 * drawn on one page, cell by cell, and the rest at the top of the next under the repeated
 * header (perhaps over several pages), again cell by cell. So each piece after the first
 * stands at a known place and is looked for there alone: right after the header a page
 * repeats, or after the piece the row's cell before left on that page (`continued`). Pieces
 * looked for anywhere on their pages were too often pieced together from chance matches of a
 * few letters; and the first piece's longest match ran on into the next cell when that cell
 * began as this one went on, so that the next cell went missing. The first piece is looked
 * for from `from` on its page (where the row's cell before ended, or after), the shortest the
 * rest agrees with.
 * Returns where the cell starts, where its first piece ends (the row's next cell follows
 * there), and where its piece ends on each page after the first.
 */
export function acrossPages(
  hay: Haystack,
  needle: string,
  header: string | undefined,
  from: number,
  until: number,
  continued: ReadonlyMap<number, number>,
): { at: number; end: number; pieces: Map<number, number> } | undefined {
  if (header === undefined || header === '') return undefined;
  const pageEnd = (u: number) => Math.min(until, hay.starts[u + 1] ?? hay.text.length);
  /** Where the header ends on page `u`, each occurrence in turn. */
  const headerEnds = (u: number, start = hay.starts[u] ?? 0) => {
    const ends: number[] = [];
    for (let h = hay.find(header, start, pageEnd(u)); h >= 0; h = hay.find(header, h + 1, pageEnd(u)))
      ends.push(h + header.length);
    return ends;
  };
  /** How many characters of `text` the page shows from `at` on, up to its end. */
  const shown = (text: string, at: number, end: number) => {
    let n = 0;
    while (n < text.length && at + n < end && hay.text[at + n] === text[n]) n++;
    return n;
  };
  /** `rest` from page `u` on, each piece where it must stand; the piece ends by page, or undefined. */
  const goesOn = (rest: string, u: number): Map<number, number> | undefined => {
    if (u >= hay.starts.length || (hay.starts[u] ?? until) >= until) return undefined;
    const anchors = continued.has(u) ? [continued.get(u)!] : headerEnds(u);
    for (const at of anchors) {
      const most = shown(rest, at, pageEnd(u));
      if (most === rest.length) return new Map([[u, at + most]]);
      // The longest piece first; a shorter one when the rest does not then go on at the next page.
      for (let n = most; n > 0; n--) {
        const after = goesOn(rest.slice(n), u + 1);
        if (after) return new Map([[u, at + n], ...after]);
      }
    }
    return undefined;
  };
  const firstPage = hay.unitAt(from);
  for (let u = firstPage; u < hay.starts.length && (hay.starts[u] ?? until) < until; u++) {
    for (
      let at = hay.find(needle[0]!, Math.max(from, hay.starts[u] ?? 0), pageEnd(u));
      at >= 0;
      at = hay.find(needle[0]!, at + 1, pageEnd(u))
    ) {
      const most = shown(needle, at, pageEnd(u));
      // The shortest first piece the rest agrees with: the next cell starts where it ends.
      for (let n = 1; n <= most && n < needle.length; n++) {
        const pieces = goesOn(needle.slice(n), u + 1);
        if (pieces) return { at, end: at + n, pieces };
      }
    }
  }
  return undefined;
}

/**
 * Where a chart's figure is: looked for in the chart itself, from an occurrence of the chart's
 * title (after `start`, the section's heading) to the end of that page or slide, which must
 * also show `along` (the bar's label, the chart's unit). Not before `from` (the previous
 * figure), and -1 when no occurrence of the title shows it.
 */
function inChart(
  hay: Haystack,
  title: string,
  along: readonly string[],
  needle: string,
  from: number,
  start: number,
  end: number,
): number {
  for (let t = hay.find(title, start, end); t >= 0; t = hay.find(title, t + 1, end)) {
    const chartEnd = Math.min(end, hay.starts[hay.unitAt(t) + 1] ?? hay.text.length);
    const chart = hay.text.slice(t, chartEnd);
    if (!along.every((text) => chart.includes(text))) continue;
    const at = hay.find(needle, Math.max(from, t), chartEnd);
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * A PDF heading prints the numbered title: take its last occurrence on the section's page,
 * since a table of contents sharing the page comes first. The number keeps a short title
 * ("z") from matching body text, and the occurrence must stand as words in the page's spaced
 * text (`spaced`, the pages as `normalizeForMatch` gives them): with the spaces gone, "2. T"
 * would match "Table 2. Taxes" or "stage 2. Then" further down the page, and the section
 * would seem to start after what it holds. Without the number, the title's last occurrence.
 * Returns where it ends.
 */
export function pdfHeading(spaced: readonly string[]) {
  return (hay: Haystack, e: Expectation, start: number, end: number): number => {
    const page = spaced[hay.unitAt(start)] ?? '';
    for (const needle of [e.numbered, e.needle]) {
      if (!needle) continue;
      const at = lastAsWords(page, needle);
      if (at !== undefined && start + at <= end) return start + at;
    }
    for (const needle of [e.numbered, e.needle]) {
      if (!needle) continue;
      const at = hay.text.lastIndexOf(needle, end - needle.length);
      if (at >= start) return at + needle.length;
    }
    return -1;
  };
}

/**
 * Where the last occurrence of `needle` (without spaces) that stands as words in `spaced`
 * ends, counted in characters other than spaces; undefined when none does.
 */
function lastAsWords(spaced: string, needle: string): number | undefined {
  const chars = [...needle].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${chars.join('\\s?')}(?![\\p{L}\\p{N}])`, 'gu');
  let last: RegExpExecArray | undefined;
  for (const match of spaced.matchAll(pattern)) last = match;
  if (!last) return undefined;
  return spaced.slice(0, last.index + last[0].length).replace(/\s+/gu, '').length;
}
