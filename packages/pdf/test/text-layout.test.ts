import { describe, expect, it } from 'vitest';
import { faces } from '../src/fonts.js';
import { Measurer, type Piece, type Style, wrap } from '../src/text-layout.js';

const m = new Measurer(faces());
const body: Style = { face: 'serif', size: 10.5, color: '#000' };
const bold: Style = { face: 'serifBold', size: 10.5, color: '#000' };
const text = (t: string, style = body): Piece => ({ text: t, style });
const lineText = (pieces: Piece[], width: number) =>
  wrap(pieces, width, m).map((l) => l.fragments.map((f) => f.text).join(''));

describe('wrap', () => {
  it('fills lines up to the width and never past it', () => {
    const words = 'More people online means more potential victims, and every new user is a target. '.repeat(8);
    const lines = wrap([text(words)], 200, m);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200.01);
    // Greedy: no line could have taken the next line's first word.
    lines.slice(0, -1).forEach((line, i) => {
      const next = lines[i + 1]!.fragments[0]!.text.split(' ')[0]!;
      expect(line.width + m.width('serif', 10.5, ' ') + m.width('serif', 10.5, next)).toBeGreaterThan(200);
    });
  });

  it('breaks a word longer than the line between characters', () => {
    const long = 'Transnationalcybercrimeinfrastructurecoordination'.repeat(3);
    const lines = wrap([text(`A ${long} word`)], 150, m);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150.01);
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
