// The faces as a pdfkit document embeds them: registered by name, their shaping results shared
// across renders, and each glyph's text in the PDF taken from the text it was drawn for.
import type { Glyph } from 'fontkit';
import type { PDFDoc } from './draw.js';
import { FACE_NAMES, type FaceName, faces, sameCodePoints } from './fonts.js';

/**
 * The parts of pdfkit's font object (its EmbeddedFont, 0.20) this module reaches: they are not
 * pdfkit's public API, so embed.test.ts checks each of them and fails loudly if one changes.
 */
export interface EmbeddedFont {
  layoutCache?: object;
  /** Shapes text (word by word, through `layoutCache`) into glyphs and their positions. */
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  /** What `doc.text` draws: the text's glyphs as hex character codes (CIDs), and their positions. */
  encode(text: string, features?: unknown): [string[], unknown[]];
  /** The font subset: `glyphs[cid]` is the font's glyph id drawn for character code `cid`. */
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  /** Per character code: the code points its ToUnicode entry gives, and its width. */
  unicode: number[][];
  widths: number[];
  scale: number;
}

const layoutCaches: Partial<Record<FaceName, object>> = {};

/** pdfkit's font object for `face`, which `doc.font` makes the current font. */
export const embeddedFont = (doc: PDFDoc, face: FaceName) =>
  (doc.font(face) as unknown as { _font: EmbeddedFont })._font;

/** Register every face of the PDF with `doc` under its face name. */
export function registerFaces(doc: PDFDoc) {
  const fonts = faces();
  for (const face of FACE_NAMES) {
    doc.registerFont(face, fonts[face] as unknown as string);
    // pdfkit shapes every word again for each document; its shaping results depend only on
    // the font and the text, so one cache per face serves every render in the process.
    const font = embeddedFont(doc, face);
    // Bounded, for long-running processes (watch mode) that render many different reports.
    const cache = layoutCaches[face];
    if (!cache || Object.keys(cache).length > 50_000) layoutCaches[face] = Object.create(null) as object;
    font.layoutCache = layoutCaches[face];
    encodeAsDrawn(font);
  }
}

const hex4 = (cid: number) => cid.toString(16).padStart(4, '0');

/**
 * pdfkit's `encode`, with one change: the PDF's ToUnicode map gives one text per character
 * code, and pdfkit draws each glyph with one code (its place in the subset), so a glyph drawn
 * for two different texts in one document (Inter draws "ɩ" and "ι" with one glyph) would
 * extract as whichever came first. Here a glyph drawn for other code points than its code
 * maps to gets a code of its own, a second copy of the glyph in the subset, mapped to those
 * code points: every code extracts as the characters it was drawn for. The code points are
 * the text's own (see `drawnCodePoints` in fonts.ts and `glyphTexts`). A document without
 * such a glyph gets exactly the codes, widths and map pdfkit's own `encode` gives.
 */
function encodeAsDrawn(font: EmbeddedFont) {
  const copies = new Map<string, number>();
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const texts = glyphTexts(glyphs);
    const codes = glyphs.map((glyph, i) => {
      const drawn = texts[i]!;
      let cid = font.subset.includeGlyph(glyph.id);
      const mapped = font.unicode[cid];
      if (mapped !== undefined && !sameCodePoints(mapped, drawn)) {
        const key = `${glyph.id}:${drawn.join(',')}`;
        cid = copies.get(key) ?? font.subset.glyphs.push(glyph.id) - 1;
        copies.set(key, cid);
      }
      font.unicode[cid] ??= drawn;
      font.widths[cid] ??= glyph.advanceWidth * font.scale;
      return hex4(cid);
    });
    return [codes, positions];
  };
}

/** An invisible format character: pdf.js leaves it out of the text, other readers show nothing. */
const WORD_JOINER = 0x2060;

/**
 * The code points each glyph of a shaped run stands for. Where the font draws one character
 * with several glyphs (Source Serif draws "À" before a combining mark as "A" and a grave, so
 * the marks stack), fontkit gives the character to the first glyph and nothing to the rest;
 * but a reader extracts something for every code (pdf.js, given nothing, makes up a control
 * character). So the character's canonical decomposition is spread over its glyphs, in order:
 * one code point each, the last glyph taking what is left ("ΐ" drawn as "ι" and a
 * dieresis-tonos extracts as "ι" + "̈́", canonically the same text). A character with fewer
 * code points in its decomposition than glyphs gives the spare glyphs a word joiner, as does a
 * glyph that follows no character.
 */
export function glyphTexts(glyphs: readonly { codePoints: number[] }[]): number[][] {
  const texts = glyphs.map((g) => g.codePoints);
  for (let i = 0; i < texts.length; i++) {
    if (texts[i]!.length === 0) {
      texts[i] = [WORD_JOINER];
      continue;
    }
    let end = i + 1;
    while (end < texts.length && texts[end]!.length === 0) end++;
    if (end === i + 1) continue;
    const parts = [...String.fromCodePoint(...texts[i]!).normalize('NFD')].map((c) => c.codePointAt(0)!);
    const count = end - i;
    if (parts.length >= count) {
      for (let k = 0; k < count - 1; k++) texts[i + k] = [parts[k]!];
      texts[end - 1] = parts.slice(count - 1);
    } else {
      for (let k = i + 1; k < end; k++) texts[k] = [WORD_JOINER];
    }
    i = end - 1;
  }
  return texts;
}
