// fontkit 2 ships no types: the small part of its API this package uses.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    /** The characters the glyph stands for (see `drawnCodePoints` in fonts.ts). */
    codePoints: number[];
    advanceWidth: number;
    path: { toSVG(): string };
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Every code point the font maps to a glyph. */
    characterSet: number[];
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number, codePoints?: number[]): Glyph;
    layout(text: string, features?: unknown): { glyphs: Glyph[]; advanceWidth: number };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
