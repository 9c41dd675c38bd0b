// fontkit 2 ships no types: the small part of its API the slide measurement and the charset use. (The PDF
// package declares its own part; the two merge where both are in one program.)
declare module 'fontkit' {
  export interface Font {
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Every code point the font maps to a glyph. */
    characterSet: number[];
    /** Shapes the text; `features` turns single features on or off, `script` is an OpenType script tag. */
    layout(text: string, features: Record<string, boolean>, script: string): { advanceWidth: number };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
