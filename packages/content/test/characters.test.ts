import { describe, expect, it } from 'vitest';
import { ADMITTED_TEXT, characterProblem, isAdmitted, isDrawn, langProblem } from '../src/characters.js';
import { DRAWN, UNCASED } from '../src/charset.js';

describe('the character rule', () => {
  it('is one set: the schema’s pattern and isAdmitted agree on every code point', () => {
    const disagree: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // not a character alone (below)
      if (ADMITTED_TEXT.test(String.fromCodePoint(cp)) !== isAdmitted(cp)) disagree.push(cp);
    }
    expect(disagree).toEqual([]);
    expect(ADMITTED_TEXT.test('\ud800')).toBe(false);
    for (const cp of UNCASED) expect([isDrawn(cp), isAdmitted(cp)], cp.toString(16)).toEqual([true, false]);
    const count = DRAWN.reduce((n, [a, b]) => n + b - a + 1, 0);
    expect(count).toBeGreaterThan(700);
  });

  it('names every character the fonts lack, once each, and marks by their code point alone', () => {
    expect(characterProblem('Scams 😀 everywhere 😀, and ☃.')).toBe(
      'characters the fonts cannot show: "😀" (U+1F600), "☃" (U+2603)',
    );
    expect(characterProblem('Hindi हिन्दी')).toBe(
      'characters the fonts cannot show: "ह" (U+0939), U+093F, "न" (U+0928), U+094D, "द" (U+0926), U+0940',
    );
    expect(characterProblem('Łódź, Ελλάδα, Мьянма, Đà Nẵng')).toBeUndefined();
  });

  it('refuses a letter whose capital the fonts lack, since kickers are set in capitals, yet not in dates', () => {
    expect(characterProblem('Μαΐου')).toBe(
      'must not contain "ΐ" (U+0390): the fonts cannot show its capital "\u0399\u0308\u0301" (kickers and series titles are set in capitals)',
    );
    // Greek writes May as "Μαΐου": dates are never set in capitals.
    expect(langProblem('el')).toBeUndefined();
  });

  it('asks for an accented letter as one character rather than a letter and a combining mark', () => {
    expect(characterProblem('Cafe\u0301 and Đa\u0300 Na\u0303ng')).toBe(
      'must not contain the combining mark U+0301: write "é" as one character',
    );
    expect(characterProblem('Café and Đà Nẵng')).toBeUndefined();
  });

  it('names the first character that is no text at all before any the fonts lack', () => {
    expect(characterProblem('😀 then \u0007 then \uFFFF')).toBe('must not contain the control character U+0007');
    expect(characterProblem('a\u202Eb')).toBe('must not contain the bidi control character U+202E');
    expect(characterProblem('half \ud83d')).toBe('must not contain a lone surrogate U+D83D');
  });

  it('decides a language once, from every date and number form it writes', () => {
    expect(langProblem('en-GB')).toBeUndefined();
    expect(langProblem('el')).toBeUndefined();
    // French groups digits with a narrow no-break space, which the renderers write as a no-break space.
    expect(langProblem('fr')).toBeUndefined();
    expect(langProblem('zh')).toMatch(/^writes dates and numbers such as "2024年1月1日", with characters/);
    expect(langProblem('zh')).toBe(langProblem('zh'));
  });
});
