// fontkit 2 ships no types: the small part of its API this package uses.
declare module 'fontkit' {
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
    glyphForCodePoint(codePoint: number): { id: number; codePoints: number[] };
    layout(text: string, features?: unknown): { advanceWidth: number };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
