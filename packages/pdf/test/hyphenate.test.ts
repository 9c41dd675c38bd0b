import { describe, expect, it } from 'vitest';
import { hyphenates, hyphenPoints } from '../src/hyphenate.js';

/** The word with a hyphen at each point. */
const marked = (word: string, lang: string, limits = true) => {
  let out = word;
  for (const p of [...hyphenPoints(word, lang, limits)].reverse()) out = `${out.slice(0, p)}-${out.slice(p)}`;
  return out;
};

describe('hyphenPoints', () => {
  it("hyphenates with the TeX patterns of the report's language, British or American", () => {
    // Not "transna-tion-al": three letters at least after the hyphen.
    expect(marked('transnational', 'en-GB')).toBe('transna-tional');
    expect(marked('infrastructure', 'en-GB')).toBe('in-fra-struc-ture');
    expect(marked('knowledge', 'en-GB')).toBe('know-ledge');
    expect(marked('knowledge', 'en-US')).toBe('knowl-edge');
    expect(marked('democracy', 'en')).toBe('democ-racy');
    expect(marked('Verwaltung'.toLowerCase(), 'de-AT')).toBe('ver-wal-tung');
  });

  it('keeps two letters before a hyphen and three after it', () => {
    // The patterns allow "monitor-i-ng" style breaks too close to the ends; TeX's limits drop them.
    expect(marked('monitoring', 'en-GB')).toBe('mon-it-or-ing');
    expect(marked('population', 'en-GB')).toBe('pop-u-la-tion');
    for (const word of ['monitoring', 'population', 'embarrassing', 'unpunished']) {
      for (const p of hyphenPoints(word, 'en-GB')) {
        expect(p).toBeGreaterThanOrEqual(2);
        expect(word.length - p).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('leaves punctuation around a word where it is and counts points from the start of the text', () => {
    expect(marked('“infrastructure,”', 'en-GB')).toBe('“in-fra-struc-ture,”');
  });

  it('never hyphenates a short word, a name, an acronym, a figure, an address or a contraction', () => {
    for (const text of [
      'cheap.',
      'crime',
      'Myanmar',
      'Transnational',
      'NATO-led',
      'UNODC',
      '2024.',
      '600,000',
      'talktails.in/growth',
      'someone@example.org',
      "government's",
    ]) {
      expect(hyphenPoints(text, 'en-GB'), text).toEqual([]);
    }
    // Six letters and more, punctuation aside: "borders." may break, "cheap." may not.
    expect(marked('borders.', 'en-GB')).toBe('bor-ders.');
  });

  it('hyphenates no language it has no patterns for', () => {
    expect(hyphenates('en-GB')).toBe(true);
    expect(hyphenates('fr')).toBe(true);
    expect(hyphenates('ja')).toBe(false);
    expect(hyphenates('zz-ZZ')).toBe(false);
    expect(hyphenPoints('transnational', 'ja')).toEqual([]);
  });

  it('hyphenates names and short words with its limits switched off (the switch the PDF tests use)', () => {
    expect(hyphenPoints('Myanmar', 'en-GB', false).length).toBeGreaterThan(0);
  });
});
