// The content package's charset (the one character rule's allow-list) against the real fonts:
// regenerated from the PDF's TTFs, the deck's WOFF2 subsets and the TTFs of the faces the
// PPTX names, it must be the checked-in module byte for byte, and every character it admits
// must be drawn by every one of those faces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRAWN, isDrawn } from '@briefing/content';
import { PDF_FACES, ttfCharacters } from '@briefing/pdf';
import { DECK_FACES, deckCharacters } from '@briefing/slides';
import { repoRoot } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { charsetModule, drawnEverywhere } from '../helpers/charset.js';

const MODULE = join(repoRoot, 'packages/content/src/charset.ts');

/** Every face of every output with the code points it draws. */
function faces(): { name: string; drawn: Set<number> }[] {
  const ttf = [...PDF_FACES, ...DECK_FACES].map((face) => ({
    name: `TTF ${face.family} ${face.weight} ${face.style}`,
    drawn: new Set(ttfCharacters(face)),
  }));
  const deck = deckCharacters().map(({ face, characters }) => ({
    name: `WOFF2 ${face.family} ${face.weight} ${face.style}`,
    drawn: new Set(characters),
  }));
  return [...ttf, ...deck];
}

/** Admitted characters (tab and line breaks aside, which every renderer folds to a space) some face does not draw. */
function undrawn(
  ranges: readonly (readonly [number, number])[],
  all: { name: string; drawn: Set<number> }[],
): string[] {
  const out: string[] = [];
  for (const [a, b] of ranges)
    for (let cp = a; cp <= b; cp++) {
      if (cp === 0x09 || cp === 0x0a || cp === 0x0d) continue;
      for (const face of all) if (!face.drawn.has(cp)) out.push(`U+${cp.toString(16)} not in ${face.name}`);
    }
  return out;
}

describe('the content package’s charset', () => {
  const all = faces();

  it('is what the fonts of every output draw today (after a font or subset change: npm run charset)', () => {
    expect(readFileSync(MODULE, 'utf8')).toBe(charsetModule(drawnEverywhere()));
  });

  it('admits only characters every face of every output draws', () => {
    expect(all.length).toBe(PDF_FACES.length + 2 * DECK_FACES.length);
    expect(undrawn(DRAWN, all)).toEqual([]);
  });

  it('would notice a face that lost a character the charset admits', () => {
    const lost = all.map((face, i) =>
      i === all.length - 1 ? { ...face, drawn: new Set([...face.drawn].filter((cp) => cp !== 0xe9)) } : face,
    );
    expect(undrawn(DRAWN, lost)).toEqual([`U+e9 not in ${all.at(-1)?.name}`]);
  });

  it('admits printable ASCII, Greek and Cyrillic, and no combining mark, control, format, private-use or unassigned character', () => {
    for (let cp = 0x20; cp <= 0x7e; cp++) expect(isDrawn(cp), `U+${cp.toString(16)}`).toBe(true);
    for (const char of 'ΑαΩωάΐЖжЁёЇїĄąŁłẠạ€₹’“”–—…') expect(isDrawn(char.codePointAt(0) ?? 0), char).toBe(true);
    const refused =
      /[\p{M}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}\p{Default_Ignorable_Code_Point}]/u;
    const wrong: string[] = [];
    for (const [a, b] of DRAWN)
      for (let cp = a; cp <= b; cp++)
        if (refused.test(String.fromCodePoint(cp)) && ![0x09, 0x0a, 0x0d].includes(cp)) wrong.push(cp.toString(16));
    expect(wrong).toEqual([]);
    for (const cp of [0x0301, 0x00ad, 0x200b, 0x200d, 0x2060, 0xfeff, 0xfffe, 0xffff, 0xe000, 0x0378, 0x2028, 0x1f600])
      expect(isDrawn(cp), `U+${cp.toString(16)}`).toBe(false);
  });
});
