import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { type EmbeddedFont, embeddedFont, glyphTexts, registerFaces } from '../src/embed.js';
import { FACE_NAMES, type FaceName, oneFont } from '../src/fonts.js';
import { isSpace, pdfjsText, popplerText, qpdfCheck, sharedGlyphs, toUnicodeTexts } from './shared-glyphs.js';

const DATE = new Date('2026-01-01T00:00:00Z');

/** A new document with the faces registered as the renderer registers them. */
function newDoc() {
  const doc = new PDFDocument({
    font: null,
    autoFirstPage: false,
    info: { CreationDate: DATE, ModDate: DATE },
  } as unknown as PDFKit.PDFDocumentOptions);
  registerFaces(doc);
  return doc;
}

/**
 * A one-page PDF with `lines` drawn in `face`, one under another, and pdfkit's font objects.
 * `pdfkitEncode` draws with pdfkit's own `encode` instead of the renderer's.
 */
async function pdfOf(face: FaceName, lines: string[], { pdfkitEncode = false } = {}) {
  const doc = newDoc();
  const fonts = Object.fromEntries(FACE_NAMES.map((f) => [f, embeddedFont(doc, f)])) as Record<FaceName, EmbeddedFont>;
  if (pdfkitEncode) for (const font of Object.values(fonts)) delete (font as Partial<EmbeddedFont>).encode;
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.addPage({ size: 'A4' });
  lines.forEach((line, i) => {
    doc
      .font(face)
      .fontSize(10)
      .text(line, 40, 40 + i * 14, { lineBreak: false });
  });
  doc.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), font: fonts[face] };
}

/** Each group of characters one glyph draws, in its order and reversed: `[ab][ba]`. */
const groupLines = (face: FaceName) =>
  sharedGlyphs(face).map((group) => {
    const chars = group.map((cp) => String.fromCodePoint(cp));
    return `[${chars.join('')}][${chars.reverse().join('')}]`;
  });

/** The embedded subset fonts of a PDF, by font name (qpdf reads their streams). */
function subsetFonts(bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-embed-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), bytes);
    const json = execFileSync(
      'qpdf',
      ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', join(dir, 'doc.pdf'), '-'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    type Obj = { value?: Record<string, string>; stream?: { dict: Record<string, string>; data?: string } };
    const objects = (JSON.parse(json) as { qpdf: [unknown, Record<string, Obj>] }).qpdf[1];
    return Object.values(objects)
      .map((o) => o.value)
      .filter((d) => d?.['/Type'] === '/FontDescriptor' && d['/FontFile2'])
      .map((d) => {
        const data = objects[`obj:${d!['/FontFile2']}`]!.stream!.data!;
        return { name: d!['/FontName']!, font: oneFont(create(Buffer.from(data, 'base64'))) };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('embedded faces', () => {
  it('stand on pdfkit internals that are still there (fails loudly when pdfkit changes them)', () => {
    const doc = newDoc();
    const font = embeddedFont(doc, 'sans');
    // The method replaced is pdfkit's own, the state it keeps is what pdfkit embeds from.
    expect(Object.getPrototypeOf(font).encode).toBeTypeOf('function');
    expect(font.layout).toBeTypeOf('function');
    expect(font.subset.includeGlyph).toBeTypeOf('function');
    expect(font.subset.glyphs).toEqual([0]);
    expect(font.unicode).toEqual([[0]]);
    expect(font.widths).toHaveLength(1);
    expect(font.scale).toBeGreaterThan(0);
    expect(Object.getPrototypeOf(font).toUnicodeCmap).toBeTypeOf('function');
    // doc.text draws through encode, with the codes it returns.
    const encode = vi.spyOn(font, 'encode');
    doc.addPage();
    doc.font('sans').text('ɩι', 40, 40, { lineBreak: false });
    expect(encode).toHaveBeenCalledWith('ɩι', undefined);
    expect(encode.mock.results[0]!.value[0]).toEqual(['0001', '0002']);
    expect(font.subset.glyphs[1]).toBe(font.subset.glyphs[2]);
    expect(font.unicode.slice(1)).toEqual([[0x269], [0x3b9]]);
  });

  it('read back every character that shares a glyph with another, in either order, with pdf.js and pdftotext', async () => {
    for (const face of FACE_NAMES) {
      const lines = groupLines(face).filter((line) => ![...line].some((c) => isSpace(c.codePointAt(0)!)));
      const { bytes } = await pdfOf(face, lines);
      const expected = lines.join('');
      expect(await pdfjsText(bytes), face).toBe(expected);
      expect(popplerText(bytes), face).toBe(expected);
    }
  });

  // Readers turn every white-space glyph into a plain word break, so the map itself is read.
  it('give every such character its own ToUnicode entry, white space included', async () => {
    for (const face of FACE_NAMES) {
      const { bytes } = await pdfOf(face, groupLines(face));
      const texts = toUnicodeTexts(bytes);
      for (const cp of sharedGlyphs(face).flat())
        expect(texts, `${face} U+${cp.toString(16)}`).toContain(String.fromCodePoint(cp));
    }
  });

  it('draw a glyph given a second code with the same outline as the first', async () => {
    const { bytes, font } = await pdfOf('sans', ['ɩιɩ', 'ιɩ']);
    expect(font.subset.glyphs.length).toBe(3);
    qpdfCheck(bytes);
    const [embedded] = subsetFonts(bytes);
    expect(embedded!.name).toMatch(/\+Inter-Regular$/);
    const outline = (cid: number) => embedded!.font.getGlyph(cid).path.toSVG();
    expect(outline(1)).not.toBe('');
    expect(outline(2)).toBe(outline(1));
  });

  it('read back a ligature as the letters drawn, and a ligature character as itself, in one document', async () => {
    for (const face of ['serif', 'serifItalic', 'serifBold'] as const) {
      const lines = ['\uFB01 fi \uFB02 fl \uFB00 ff \uFB03 ffi \uFB04 ffl', 'ffl ffi ff fl fi \uFB01'];
      const { bytes } = await pdfOf(face, lines);
      const expected = lines.join('').replace(/\s+/gu, '');
      expect(await pdfjsText(bytes), face).toBe(expected);
      expect(popplerText(bytes), face).toBe(expected);
    }
  });

  it('read back a letter the font draws as several glyphs as the same text, in its canonical decomposition', async () => {
    // Source Serif draws a precomposed letter followed by a combining mark as base and marks.
    const lines = ['xÀ\u0301y Ǻ\u0323', 'ΐ\u0323 Ḹ\u0301 é\u0301', 'À \u0300 A'];
    const nfc = (text: string) => text.replace(/\s+/gu, '').normalize('NFC');
    for (const face of ['serif', 'serifItalic', 'serifBold'] as const) {
      const { bytes, font } = await pdfOf(face, lines);
      // The check is not vacuous: some glyph drawn stands for no character fontkit names.
      expect(font.unicode.some((text) => text.length === 1 && text[0]! >= 0x300 && text[0]! <= 0x36f)).toBe(true);
      const pdfjs = await pdfjsText(bytes);
      const poppler = popplerText(bytes);
      expect(pdfjs, face).not.toMatch(/\p{Cc}/u);
      expect(nfc(pdfjs), face).toBe(nfc(lines.join('')));
      expect(nfc(poppler), face).toBe(nfc(lines.join('')));
    }
  });

  it('give a glyph that stands for no character a word joiner, never an empty text', () => {
    expect(glyphTexts([{ codePoints: [0xc0] }, { codePoints: [] }])).toEqual([[0x41], [0x300]]);
    expect(glyphTexts([{ codePoints: [0x390] }, { codePoints: [] }])).toEqual([[0x3b9], [0x308, 0x301]]);
    expect(glyphTexts([{ codePoints: [0x41] }, { codePoints: [] }, { codePoints: [0x42] }])).toEqual([
      [0x41],
      [0x2060],
      [0x42],
    ]);
    expect(glyphTexts([{ codePoints: [] }, { codePoints: [0x41] }])).toEqual([[0x2060], [0x41]]);
  });

  it('leave a document whose glyphs each stand for one text as pdfkit writes it, byte for byte', async () => {
    const lines = ['The world’s “most populous” countries – 1,5 billion, fine; flows –> affluent.', 'Ελληνικά µ'];
    for (const face of FACE_NAMES) {
      const ours = await pdfOf(face, lines);
      const pdfkits = await pdfOf(face, lines, { pdfkitEncode: true });
      expect(Buffer.from(ours.bytes).equals(Buffer.from(pdfkits.bytes)), face).toBe(true);
    }
    // The comparison can fail: a glyph drawn for two texts is where the two part.
    const ours = await pdfOf('sans', ['ɩι']);
    const pdfkits = await pdfOf('sans', ['ɩι'], { pdfkitEncode: true });
    expect(Buffer.from(ours.bytes).equals(Buffer.from(pdfkits.bytes))).toBe(false);
  });
});
