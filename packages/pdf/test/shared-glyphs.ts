// The characters a face draws with one glyph, and the text of a PDF as readers extract it:
// pdf.js (as `briefing check` reads it, but without its compatibility folding), pdftotext,
// and the ToUnicode maps themselves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INVISIBLE } from '@briefing/content';
import { openPdf } from '@briefing/inspect';
import { type FaceName, faces } from '../src/fonts.js';

/**
 * Every group of code points that `face` draws with one glyph, read from its character map
 * (control and ignorable characters, which the renderer never draws, left out). Source Serif 4
 * draws µ and μ alike, Inter ɩ and ι, ① and ➀, and so on.
 */
export function sharedGlyphs(face: FaceName): number[][] {
  const font = faces()[face];
  const byGlyph = new Map<number, number[]>();
  for (const cp of font.characterSet) {
    const char = String.fromCodePoint(cp);
    if (/\p{Cc}/u.test(char) || char.replace(INVISIBLE, '') === '') continue;
    const id = font.glyphForCodePoint(cp).id;
    byGlyph.set(id, [...(byGlyph.get(id) ?? []), cp]);
  }
  return [...byGlyph.values()].filter((group) => group.length > 1);
}

/** Readers turn every white-space glyph into a word break, whatever its ToUnicode entry says. */
export const isSpace = (cp: number) => /\s/u.test(String.fromCodePoint(cp));

/** All text of a PDF as pdf.js extracts it, exactly (no compatibility folding of µ or ﬁ), white space removed. */
export async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await openPdf(bytes);
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
      for (const item of content.items) if ('str' in item) text += item.str;
    }
    return text.replace(/\s+/gu, '');
  } finally {
    await doc.destroy();
  }
}

/** Run a command-line tool on the PDF in a temp file. */
function withFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-extract-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** All text of a PDF as poppler's pdftotext extracts it, white space removed. */
export const popplerText = (bytes: Uint8Array): string =>
  withFile(bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).replace(
    /\s+/gu,
    '',
  );

/** qpdf's structural check of the PDF: throws, with qpdf's report, if it finds a fault. */
export function qpdfCheck(bytes: Uint8Array) {
  withFile(bytes, (file) => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' }));
}

/**
 * Every text the PDF's ToUnicode maps give a character code, read from the PDF itself
 * (uncompressed by qpdf): what a reader that keeps white space would extract.
 */
export function toUnicodeTexts(bytes: Uint8Array): string[] {
  const pdf = withFile(bytes, (file) => {
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, `${file}.qdf`]);
    return readFileSync(`${file}.qdf`, 'latin1');
  });
  const texts: string[] = [];
  for (const [, ranges] of pdf.matchAll(/beginbfrange\n([\s\S]*?)endbfrange/gu)) {
    // pdfkit writes `<first> <last> [<text> <text> …]`, each text UTF-16BE in hex.
    for (const [, list] of ranges!.matchAll(/<[0-9a-f]+> <[0-9a-f]+> \[([^\]]*)\]/giu)) {
      for (const [, hex] of list!.matchAll(/<([0-9a-f ]*)>/giu)) {
        const units = hex!.split(' ').filter(Boolean);
        texts.push(String.fromCharCode(...units.map((u) => Number.parseInt(u, 16))));
      }
    }
  }
  return texts;
}
