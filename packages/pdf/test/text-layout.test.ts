import { afterEach, describe, expect, it } from 'vitest';
import { faces } from '../src/fonts.js';
import { switches } from '../src/linebreak.js';
import { type Line, Measurer, type Piece, type Style, wrap } from '../src/text-layout.js';

const m = new Measurer(faces());
const en = m.in('en-GB');
const body: Style = { face: 'serif', size: 10.5, color: '#000' };
const bold: Style = { face: 'serifBold', size: 10.5, color: '#000' };
const text = (t: string, style = body): Piece => ({ text: t, style });
/** The author's prose: text that may be hyphenated. */
const prose = (t: string): Piece => ({ text: t, style: body, hyphenate: true });
const lineText = (pieces: Piece[], width: number) =>
  wrap(pieces, width, m).map((l) => l.fragments.map((f) => f.text).join(''));

/** Room left on each line but the last, squared and summed: how ragged the rag is. */
const raggedness = (lines: Line[], width: number) => lines.slice(0, -1).reduce((a, l) => a + (width - l.width) ** 2, 0);

afterEach(() => {
  Object.assign(switches, { totalFit: true, hyphenate: true, hyphenLimits: true, avoidRunts: true });
});

describe('wrap', () => {
  it('keeps every line within the width and evens the rag over the whole paragraph', () => {
    const words = 'More people online means more potential victims, and every new user is a target. '.repeat(8);
    const lines = wrap([text(words)], 200, m);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200.01);
    switches.totalFit = false;
    const greedy = wrap([text(words)], 200, m);
    expect(raggedness(lines, 200)).toBeLessThan(raggedness(greedy, 200));
  });

  it("hyphenates the author's prose in the measurer's language, both pieces marked as one word", () => {
    const lines = wrap([prose('infrastructure')], 50, en);
    expect(lines.map((l) => l.fragments.map((f) => f.text).join(''))).toEqual(['infra', 'structure']);
    const [head, tail] = [lines[0]!.fragments[0]!, lines[1]!.fragments[0]!];
    expect(head.broken).toEqual({ word: 'infrastructure', first: true, last: false });
    expect(tail.broken).toEqual({ word: 'infrastructure', first: false, last: true });
    // The hyphen is drawn after the head, as wide as a hyphen, and counts in the line's width.
    const hyphen = m.width('serif', 10.5, '-');
    expect(lines[0]!.hyphen).toEqual({ style: body, x: head.width, width: hyphen });
    expect(lines[0]!.width).toBeCloseTo(head.width + hyphen, 6);
    expect(lines[1]!.hyphen).toBeUndefined();
    // Each piece is measured as it is drawn: alone.
    expect(head.width).toBeCloseTo(m.width('serif', 10.5, 'infra'), 6);
    expect(tail.width).toBeCloseTo(m.width('serif', 10.5, 'structure'), 6);
  });

  it('keeps a broken word apart from the text beside it, so it can be tagged on its own', () => {
    const words = 'Weak rule of law makes Myanmar an ideal base for organised cybercrime and its infrastructure.';
    const lines = wrap([prose(words)], 100, en);
    const hyphenated = lines.flatMap((l, i) => (l.hyphen ? [i] : []));
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const i of hyphenated) {
      const head = lines[i]!.fragments.at(-1)!;
      const tail = lines[i + 1]!.fragments[0]!;
      expect(head.text).not.toMatch(/\s/u);
      expect(tail.text).not.toMatch(/\s/u);
      expect(head.text + tail.text).toBe(head.broken!.word);
      expect(tail.broken!.word).toBe(head.broken!.word);
    }
    // Read without the hyphens, the lines are the text.
    expect(
      lines
        .map((l) => l.fragments.map((f) => f.text).join('') + (l.hyphen ? '' : ' '))
        .join('')
        .trim(),
    ).toBe(words);
  });

  it('hyphenates nothing without a language, nor text that is not prose (headings, labels) nor links', () => {
    // Too wide for the line, the word is cut between characters (see the next test), never at
    // its hyphenation point "infra-structure".
    const narrow = (pieces: Piece[], measurer: Measurer) =>
      wrap(pieces, 50, measurer).map((l) => l.fragments.map((f) => f.text).join(''));
    const cut = narrow([text('infrastructure')], m);
    expect(cut).not.toEqual(['infra', 'structure']);
    expect(narrow([prose('infrastructure')], en)).toEqual(['infra', 'structure']);
    expect(narrow([prose('infrastructure')], m)).toEqual(cut);
    expect(narrow([text('infrastructure')], en)).toEqual(cut);
    const link = { kind: 'uri', href: 'https://example.org/', label: 'x' } as const;
    expect(narrow([{ ...prose('infrastructure'), link }], en)).toEqual(cut);
    switches.hyphenate = false;
    expect(narrow([prose('infrastructure')], en)).toEqual(cut);
  });

  it('breaks a word longer than the line between characters, marking each cut with a hyphen', () => {
    const long = 'Transnationalcybercrimeinfrastructurecoordination'.repeat(3);
    const lines = wrap([text(`A ${long} word`)], 150, m);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150.01);
    // The cut word's pieces: each but the last ends its line with a hyphen (drawn as an
    // artifact) and all are one word, so the PDF reads back the word whole.
    const pieces = lines.flatMap((l) => l.fragments.filter((f) => f.broken));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((f) => f.text).join('')).toBe(long);
    for (const f of pieces) expect(f.broken?.word).toBe(long);
    const cutLines = lines.filter((l) => l.fragments.some((f) => f.broken && !f.broken.last));
    expect(cutLines.length).toBe(pieces.length - 1);
    for (const l of cutLines) expect(l.hyphen?.width).toBeCloseTo(m.width('serif', 10.5, '-'), 6);
    expect(
      lines
        .map((l) => l.fragments.map((f) => f.text).join(''))
        .join('')
        .replace(/ /g, ''),
    ).toBe(`A${long}word`);
  });

  it('may break after a hyphen inside a word, and never at a no-break space', () => {
    expect(lineText([text('cyber-enabled fraud')], m.width('serif', 10.5, 'cyber-enabled') - 5)).toEqual([
      'cyber-',
      'enabled',
      'fraud',
    ]);
    expect(lineText([text('about 1\u00A0billion')], m.width('serif', 10.5, '1\u00A0billion') + 2)).toEqual([
      'about',
      '1\u00A0billion',
    ]);
  });

  it('keeps styled runs inside one word together and merges runs of one style', () => {
    const lines = wrap([text('Corruption:', bold), text(' officials take bribes')], 400, m);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fragments.map((f) => [f.text, f.style.face])).toEqual([
      ['Corruption:', 'serifBold'],
      [' officials take bribes', 'serif'],
    ]);
    expect(lines[0]!.fragments[1]!.x).toBeCloseTo(lines[0]!.fragments[0]!.width, 5);
  });

  it('drops zero-width spaces but breaks there', () => {
    const lines = lineText([text('alpha\u200Bbeta')], m.width('serif', 10.5, 'alpha') + 2);
    expect(lines).toEqual(['alpha', 'beta']);
  });
});
