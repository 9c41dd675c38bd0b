import { describe, expect, it } from 'vitest';
import { noWidows } from '../src/blocks/list.js';
import type { Builder, DrawUnit } from '../src/builder.js';
import { PENALTY } from '../src/page-costs.js';
import {
  balanceLastPage,
  type Cost,
  FREE,
  NEVER,
  pageFill,
  paginate,
  SPLIT,
  type Unit,
  WIDOW,
} from '../src/paginate.js';

const line = (breakAfter: Unit['breakAfter'] = FREE, gap = 0, height = 10): Unit => ({ height, gap, breakAfter });

/** A paragraph of n lines with the renderer's widow/orphan costs. */
const paragraph = (n: number, gap = 0): Unit[] =>
  Array.from({ length: n }, (_, i) =>
    line(i === n - 1 ? FREE : i === 0 || i === n - 2 ? WIDOW : FREE, i === 0 ? gap : 0),
  );

const pages = (units: Unit[], frame: number) => paginate(units, frame).map((p) => p.page);

describe('paginate', () => {
  it('stacks units with their gaps and drops the gap at the top of a page', () => {
    const out = paginate([line(), line(FREE, 5), line(FREE, 5)], 25);
    expect(out).toEqual([
      { page: 0, y: 0 },
      { page: 0, y: 15 },
      { page: 1, y: 0 },
    ]);
  });

  it('keeps a heading with the two lines after it', () => {
    // 8 lines of text, then a heading that would fall on the last line of the page.
    const units = [...paragraph(8), line(NEVER, 0), line(NEVER), ...paragraph(4)];
    const out = pages(units, 100);
    expect(out.slice(8)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('moves one more line rather than leave a single line of a paragraph at the foot or head of a page', () => {
    // 9 lines fit; the paragraph has 10: the last line must not be a widow on the next page.
    const out = pages(paragraph(10), 90);
    expect(out.filter((p) => p === 1).length).toBeGreaterThanOrEqual(2);
    expect(out.filter((p) => p === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('does not split a list item that fits on a page, but splits one taller than a page', () => {
    const item = (n: number) => Array.from({ length: n }, (_, i) => line(i === n - 1 ? FREE : SPLIT));
    expect(pages([...item(3), ...item(3), ...item(3), ...item(3)], 100)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const huge = pages(item(25), 100);
    expect(Math.max(...huge)).toBe(2);
    expect(huge.filter((p) => p === 0)).toHaveLength(10);
  });

  it('starts a new page when asked, and never makes a blank page', () => {
    const units = [line(), { ...line(), newPage: true }, line(), line()];
    expect(pages(units, 100)).toEqual([0, 1, 1, 1]);
    // A unit taller than the page still gets a page of its own rather than an endless loop.
    expect(pages([line(), line(FREE, 0, 500), line()], 100)).toEqual([0, 1, 2]);
  });
});

describe('break costs', () => {
  it('rank as the total-fit breaker weighs them, so the larger of two is the dearer', () => {
    const costs: Cost[] = [FREE, SPLIT, WIDOW, NEVER];
    expect([...costs].sort((a, b) => a - b)).toEqual([...costs].sort((a, b) => PENALTY[a] - PENALTY[b]));
  });

  it('make the first and last-but-one lines of a list item dearer to break after than its other lines', () => {
    // An item's lines cost SPLIT; keeping its widows and orphans must raise, not lower, that.
    const lines = Array.from({ length: 5 }, (_, i) => ({ ...line(i === 4 ? FREE : SPLIT), draw: () => {} }));
    noWidows({ features: { keep: true } } as Builder, lines as DrawUnit[]);
    expect(lines.map((l) => PENALTY[l.breakAfter])).toEqual([
      PENALTY[WIDOW],
      PENALTY[SPLIT],
      PENALTY[SPLIT],
      PENALTY[WIDOW],
      PENALTY[FREE],
    ]);
  });
});

describe('balanceLastPage', () => {
  // A cover page of its own, then 23 lines of 10 on pages of 100: the last page would hold 3 lines.
  const units = [line(), { ...line(), newPage: true }, ...paragraph(22)];
  const frame = 100;

  it('leaves a near-empty last page to plain pagination (the case it exists for)', () => {
    const plain = paginate(units, frame);
    expect(plain[plain.length - 1]!.page).toBe(3);
    expect(pageFill(units, plain, 3)).toBe(30);
  });

  it('ends the page before earlier so the last page holds at least a third of a frame, with no extra page', () => {
    const out = balanceLastPage(units, frame);
    expect(out[out.length - 1]!.page).toBe(3);
    expect(pageFill(units, out, 3)).toBeGreaterThanOrEqual(frame / 3);
    // The pages before the one that gives way are untouched.
    expect(out.slice(0, 12)).toEqual(paginate(units, frame).slice(0, 12));
  });

  it('changes nothing when the last page is full enough, or when only the cover comes before it', () => {
    const full = [line(), { ...line(), newPage: true }, ...paragraph(15)];
    expect(balanceLastPage(full, frame)).toEqual(paginate(full, frame));
    const two = [line(), { ...line(), newPage: true }];
    expect(balanceLastPage(two, frame)).toEqual(paginate(two, frame));
  });
});
