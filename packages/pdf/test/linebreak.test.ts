import { afterEach, describe, expect, it } from 'vitest';
import { type Atom, type BreakKind, breakLines, RUNT_SHARE, switches } from '../src/linebreak.js';

const GLUE = 5;
const HYPHEN = 4;
const atom = (width: number, kind: BreakKind = 'space'): Atom => ({
  width,
  kind,
  glue: kind === 'space' ? GLUE : 0,
  hyphen: kind === 'hyphen' ? HYPHEN : 0,
  restCorrection: 0,
});
/** Words of these widths, a space after each and the paragraph's end after the last. */
const words = (...widths: number[]) => widths.map((w, i) => atom(w, i === widths.length - 1 ? 'end' : 'space'));

/** Each line's atoms and width, the hyphen at its end included. */
function lines(atoms: Atom[], ends: number[]) {
  let b = 0;
  return ends.map((e) => {
    let width = 0;
    for (let j = b; j <= e; j++) width += atoms[j]!.width + (j < e && atoms[j]!.kind === 'space' ? GLUE : 0);
    const line = { atoms: atoms.slice(b, e + 1), width: width + atoms[e]!.hyphen, hyphen: atoms[e]!.kind === 'hyphen' };
    b = e + 1;
    return line;
  });
}

/** A seeded paragraph of words of 2 to 4 syllables (narrower than 70), each syllable a hyphenation point. */
function paragraph(seed: number, count: number): Atom[] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const out: Atom[] = [];
  for (let w = 0; w < count; w++) {
    const syllables = 2 + Math.floor(next() * 3);
    for (let k = 0; k < syllables; k++)
      out.push(atom(8 + Math.floor(next() * 10), k < syllables - 1 ? 'hyphen' : w === count - 1 ? 'end' : 'space'));
  }
  return out;
}

const settings = { width: 100, stretch: 15 };

afterEach(() => {
  Object.assign(switches, { totalFit: true, hyphenate: true, hyphenLimits: true, avoidRunts: true });
});

describe('breakLines', () => {
  it('weighs the whole paragraph: a looser first line buys an even second one', () => {
    const atoms = words(30, 30, 30, 60, 60);
    // Line by line, the first line takes three words and leaves the second 40 points short.
    switches.totalFit = false;
    expect(breakLines(atoms, settings)).toEqual([2, 3, 4]);
    switches.totalFit = true;
    expect(breakLines(atoms, settings)).toEqual([1, 3, 4]);
  });

  it('never sets a line wider than the measure', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const atoms = paragraph(seed, 40);
      for (const line of lines(atoms, breakLines(atoms, settings))) expect(line.width).toBeLessThanOrEqual(100);
    }
  });

  it('does not end a paragraph on one short word (a runt) when other breaks exist', () => {
    const atoms = words(50, 40, 45, 45, 10);
    const runt = (ends: number[]) => {
      const last = lines(atoms, ends).at(-1)!;
      return last.atoms.length === 1 && last.width < settings.width * RUNT_SHARE;
    };
    switches.totalFit = false;
    expect(runt(breakLines(atoms, settings))).toBe(true);
    switches.totalFit = true;
    expect(runt(breakLines(atoms, settings))).toBe(false);
  });

  it('sets a runt when nothing else fits', () => {
    expect(breakLines(words(95, 10), settings)).toEqual([0, 1]);
  });

  it('hyphenates at most two lines in a row and never the line before the last', () => {
    let hyphenated = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const atoms = paragraph(seed, 30);
      const set = lines(atoms, breakLines(atoms, { width: 70, stretch: 4 }));
      hyphenated += set.filter((l) => l.hyphen).length;
      let run = 0;
      for (const line of set) {
        run = line.hyphen ? run + 1 : 0;
        expect(run).toBeLessThanOrEqual(2);
      }
      expect(set.at(-2)?.hyphen ?? false).toBe(false);
    }
    expect(hyphenated).toBeGreaterThan(60);
  });

  it('would hyphenate three lines in a row and before the last line without its limits', () => {
    switches.hyphenLimits = false;
    let three = false;
    let beforeLast = false;
    for (let seed = 1; seed <= 60; seed++) {
      const set = lines(paragraph(seed, 30), breakLines(paragraph(seed, 30), { width: 70, stretch: 4 }));
      if (set.some((_, i) => i >= 2 && set[i]!.hyphen && set[i - 1]!.hyphen && set[i - 2]!.hyphen)) three = true;
      if (set.at(-2)?.hyphen) beforeLast = true;
    }
    expect(three).toBe(true);
    expect(beforeLast).toBe(true);
  });

  it('breaks nowhere but at spaces, hyphens and hyphenation points', () => {
    const atoms = [atom(30, 'none'), atom(30, 'none'), atom(30), atom(50, 'soft'), atom(40, 'end')];
    for (const end of breakLines(atoms, settings)) expect(atoms[end]!.kind).not.toBe('none');
  });
});
