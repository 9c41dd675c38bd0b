import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composePages, type FloatRange, MAX_EMPTY } from '../src/pages.js';
import { FREE, firstFit, NEVER, SPLIT, type Unit, WIDOW } from '../src/paginate.js';

const line = (breakAfter: Unit['breakAfter'] = FREE, gap = 0, height = 10): Unit => ({ height, gap, breakAfter });

/** A paragraph of n lines with the renderer's widow/orphan costs. */
const paragraph = (n: number, gap = 0): Unit[] =>
  Array.from({ length: n }, (_, i) =>
    line(i === n - 1 ? FREE : i === 0 || i === n - 2 ? WIDOW : FREE, i === 0 ? gap : 0),
  );

/** A float of `n` units of 10, kept together. */
const figure = (n: number): Unit[] => Array.from({ length: n }, (_, i) => line(i === n - 1 ? FREE : NEVER));

const pagesOf = (units: Unit[], floats: FloatRange[], frame: number) =>
  composePages(units, floats, frame).placements.map((p) => p.page);

describe('composePages', () => {
  it('fills a page rather than end it early at a cheaper break (first fit ends it after 6 lines)', () => {
    // 6 lines, an item of 5 (split only at a cost), 6 lines, on pages of 10.
    const item = Array.from({ length: 5 }, (_, i) => line(i === 4 ? FREE : SPLIT));
    const units = [...paragraph(6), ...item, ...paragraph(6)];
    expect(firstFit(units, 100).placements.filter((p) => p.page === 0)).toHaveLength(6);
    expect(pagesOf(units, [], 100).filter((p) => p === 0)).toHaveLength(10);
  });

  it('never leaves one line of a paragraph alone at the foot or head of a page when it can', () => {
    const units = [...paragraph(9), ...paragraph(5), ...paragraph(6)];
    const { placements } = composePages(units, [], 100);
    const count = (from: number, to: number, page: number) =>
      placements.slice(from, to).filter((p) => p.page === page).length;
    for (const [from, to] of [
      [0, 9],
      [9, 14],
      [14, 20],
    ] as const) {
      for (const page of [0, 1]) {
        const n = count(from, to, page);
        expect(n === 0 || n >= 2 || n === to - from, `paragraph ${from}: ${n} line(s) on page ${page}`).toBe(true);
      }
    }
  });

  it('moves a figure that does not fit to the top of the next page, the text after it filling this one', () => {
    // 7 lines, a figure of 5 (does not fit in the 3 left), then 6 lines. First fit, which
    // sets it where it stands, leaves the 3 empty.
    const units = [...paragraph(7), ...figure(5), ...paragraph(6)];
    expect(firstFit(units, 100).placements.filter((p) => p.page === 0)).toHaveLength(7);
    const { placements, pages } = composePages(units, [{ start: 7, end: 12 }], 100);
    expect(placements.slice(12, 15).map((p) => p.page)).toEqual([0, 0, 0]);
    // On the next page the figure comes first, at the top, then the rest of the text.
    expect(pages[1]!.slice(0, 5)).toEqual([7, 8, 9, 10, 11]);
    expect(placements[7]).toEqual({ page: 1, y: 0 });
    expect(placements[15]!.page).toBe(1);
  });

  it('sets a figure where it stands when it fits there', () => {
    const units = [...paragraph(3), ...figure(4), ...paragraph(3)];
    const { placements } = composePages(units, [{ start: 3, end: 7 }], 100);
    expect(placements.map((p) => p.y)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('keeps floats in their order and never sets one past a second section start', () => {
    const heading = (): Unit => ({ ...line(NEVER), barrier: true });
    const units = [
      ...paragraph(8),
      ...figure(5), // 8-12: does not fit, waits
      ...figure(3), // 13-15: would fit, but may not pass the figure before it
      ...paragraph(2),
      heading(),
      ...paragraph(3),
      heading(),
      ...paragraph(3),
    ];
    const floats = [
      { start: 8, end: 13 },
      { start: 13, end: 16 },
    ];
    const { placements } = composePages(units, floats, 100);
    const at = (u: number) => placements[u]!.page * 1000 + placements[u]!.y;
    expect(at(8)).toBeLessThan(at(13));
    // The second heading after the figures (unit 22) comes after both.
    expect(at(22)).toBeGreaterThan(at(15));
  });

  it('never lets a float wait past a second section start, on any page after the first', () => {
    // The units and floats of the property test's report at seed 1362711931, path 5: a
    // section of three floats, each most of a page, then two short sections. The rule was
    // kept within a page only, so the table waited past one section start on one page and
    // past another on the next, two sections after its own.
    const { units, floats, frame, firstFrame } = JSON.parse(
      readFileSync(new URL('./fixtures/pages-seed-1362711931.json', import.meta.url), 'utf8'),
    ) as { units: Unit[]; floats: FloatRange[]; frame: number; firstFrame: number };
    const { placements } = composePages(units, floats, frame, firstFrame);
    const at = (u: number) => placements[u]!.page * 10_000 + placements[u]!.y;
    const starts = units.flatMap((u, i) => (u.barrier ? [i] : []));
    const passed = floats.map((f) => starts.filter((s) => s > f.start && at(s) < at(f.start)).length);
    expect(Math.max(...passed)).toBeLessThanOrEqual(1);
  });

  it('leaves no page but the last more than MAX_EMPTY empty when the units allow it', () => {
    const units = [...paragraph(4), ...figure(6), ...paragraph(12), ...figure(7), ...paragraph(15)];
    const floats = [
      { start: 4, end: 10 },
      { start: 22, end: 29 },
    ];
    const { placements, pages } = composePages(units, floats, 100);
    pages.slice(0, -1).forEach((list, page) => {
      const fill = Math.max(...list.map((u) => placements[u]!.y + units[u]!.height));
      expect(1 - fill / 100, `page ${page}`).toBeLessThanOrEqual(MAX_EMPTY);
    });
  });

  it('gives the same layout for the same units', () => {
    const units = [...paragraph(7), ...figure(5), ...paragraph(16), ...figure(9), ...paragraph(4)];
    const floats = [
      { start: 7, end: 12 },
      { start: 28, end: 37 },
    ];
    expect(composePages(units, floats, 100)).toEqual(composePages(units, floats, 100));
  });
});
