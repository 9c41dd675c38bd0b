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
    /** The glyph of an id, made with the code points it stands for (kept, per id, from the first call). */
    getGlyph(id: number, codePoints?: number[]): { id: number; codePoints: number[] };
    /** fontkit's cache of the glyphs it has made, by id. */
    _glyphs: Record<number, unknown>;
    layout(text: string, features?: unknown): { advanceWidth: number };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
