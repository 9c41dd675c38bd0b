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
  /** Units past its section's span where a figure or table cell may still be (a float's page). */
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
      // The section's span ends where the next located section's unit ends.
      const next = [...anchors.entries()].find(([index]) => index > e.section)?.[1];
      end = next === undefined ? hay.text.length : (hay.starts[next + 1] ?? hay.text.length);
      floatEnd = next === undefined ? hay.text.length : (hay.starts[next + 1 + floats] ?? hay.text.length);
      results.push({ found: after >= 0, at: unit + 1 });
      continue;
    }
    const needle = needleOf(e);
    const from = cursors.get(e.kind) ?? cursor;
    const until = e.kind === 'figure' || e.kind === 'cell' ? floatEnd : end;
    const at =
      e.chart === undefined
        ? hay.find(needle, from, until)
        : inChart(hay, e.chart, e.with ?? [], needle, from, cursor, until);
    const split = at < 0 && e.kind === 'cell' ? acrossPages(hay, needle, from, until) : undefined;
    if (at >= 0) {
      results.push({ found: true, at: hay.unitAt(at) + 1 });
      cursors.set(e.kind, at + needle.length);
    } else if (split) {
      results.push({ found: true, at: hay.unitAt(split.at) + 1 });
      // The next cell of the row starts on the first page, after this one's first piece.
      cursors.set(e.kind, split.end);
    } else {
      results.push({ found: false });
    }
  }
  return results;
}

/**
 * A table cell whose row is taller than a page is split with it: its text ends on one page
 * and goes on at the top of the next (under the repeated header), perhaps over several.
 * Found when the needle's longest prefix on a page is followed by the rest on the pages
 * after, each page's piece as long as that page shows; where it starts and where its first
 * piece ends (the row's next cell follows that, on the same page).
 */
function acrossPages(
  hay: Haystack,
  needle: string,
  from: number,
  until: number,
): { at: number; end: number } | undefined {
  const prefix = (start: number, end: number, text: string) => {
    // Longest prefix of `text` between `start` and `end`: a longer one showing implies a shorter one does.
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (hay.find(text.slice(0, mid), start, end) >= 0) lo = mid;
      else hi = mid - 1;
    }
    return { length: lo, at: lo > 0 ? hay.find(text.slice(0, lo), start, end) : -1 };
  };
  // A cell split so has lines on both pages: too short a needle could be pieced from chance matches.
  if (needle.length < 20) return undefined;
  const pageEnd = (u: number) => Math.min(until, hay.starts[u + 1] ?? hay.text.length);
  for (let u = hay.unitAt(from); (hay.starts[u] ?? until) < until && u + 1 < hay.starts.length; u++) {
    const first = prefix(Math.max(from, hay.starts[u]!), pageEnd(u), needle);
    if (first.length < 2) continue;
    let rest = needle.slice(first.length);
    for (let v = u + 1; v < hay.starts.length && hay.starts[v]! < until; v++) {
      const piece = prefix(hay.starts[v]!, pageEnd(v), rest);
      if (piece.length < Math.min(2, rest.length)) break;
      rest = rest.slice(piece.length);
      if (rest === '') return { at: first.at, end: first.at + first.length };
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
