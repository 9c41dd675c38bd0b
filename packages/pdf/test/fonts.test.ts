import { describe, expect, it } from 'vitest';
import { FACE_NAMES, faces } from '../src/fonts.js';
import { sharedGlyphs } from './shared-glyphs.js';

const codePoints = (face: keyof ReturnType<typeof faces>, text: string) =>
  faces()
    [face].layout(text)
    .glyphs.map((g) => ({ id: g.id, codePoints: g.codePoints }));

describe('faces', () => {
  it('share glyphs between characters (the groups the other tests cover)', () => {
    const hex = (face: (typeof FACE_NAMES)[number]) => sharedGlyphs(face).map((g) => g.map((cp) => cp.toString(16)));
    expect(hex('serif')).toContainEqual(['b5', '3bc']);
    expect(hex('sans')).toContainEqual(['269', '3b9']);
    for (const face of FACE_NAMES) expect(hex(face).length).toBeGreaterThan(5);
  });

  // fontkit hands every text the one object it keeps per glyph, holding the code points of the
  // first text that used it; these fail if fonts.ts stops giving each text its own.
  it('give each glyph the code points it was shaped from, whichever text used the glyph first', () => {
    for (const face of FACE_NAMES) {
      for (const group of sharedGlyphs(face)) {
        for (const order of [group, [...group].reverse()]) {
          const glyphs = codePoints(face, String.fromCodePoint(...order));
          expect(glyphs.map((g) => g.codePoints)).toEqual(order.map((cp) => [cp]));
          expect(new Set(glyphs.map((g) => g.id)).size).toBe(1);
        }
      }
    }
  });

  it('give a ligature the letters it was formed from, and a ligature character itself', () => {
    for (const face of ['serif', 'serifItalic', 'serifBold'] as const) {
      const [formed] = codePoints(face, 'fi');
      const [character] = codePoints(face, '\uFB01');
      expect(formed!.id).toBe(character!.id);
      expect(formed!.codePoints).toEqual([0x66, 0x69]);
      expect(character!.codePoints).toEqual([0xfb01]);
    }
  });
});
