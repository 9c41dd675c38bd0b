import { inflateRawSync } from 'node:zlib';
import { foldSpace, numberedTitle, outline, plainText, report } from '@briefing/content';
import { planDeck, renderDeck } from '@briefing/slides';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser.js';
import { convertDeck, localeOf } from '../src/marp.js';

const browserPath = findBrowser(process.env);
if (!browserPath && process.env.CI === 'true') {
  throw new Error(
    'CI=true but no Chromium found (set CHROME_PATH or apt-get install chromium): browser tests must not be skipped on CI',
  );
}

/** Entries of a zip archive (stored or deflated), by name. */
function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      foldSpace(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('')),
    );
  }
  await doc.destroy();
  return pages;
}

describe('localeOf', () => {
  it('maps a language tag to a POSIX locale', () => {
    expect(localeOf('en-GB')).toBe('en_GB.UTF-8');
    expect(localeOf('de')).toBe('de.UTF-8');
    expect(localeOf('zh-Hant-TW')).toBe('zh.UTF-8');
  });
});

describe.skipIf(!browserPath)(
  `convertDeck${browserPath ? '' : ' (skipped: no Chromium found; set CHROME_PATH)'}`,
  () => {
    let converted: { pdf?: Uint8Array; pptx?: Uint8Array };
    beforeAll(async () => {
      converted = await convertDeck(renderDeck(report), ['pdf', 'pptx'], {
        browserPath: browserPath as string,
        lang: report.meta.lang,
        date: report.meta.date,
      });
    }, 120_000);

    it('writes a PDF with one page per slide and every section title on it', async () => {
      expect(
        Buffer.from(converted.pdf as Uint8Array)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const pages = await pdfText(converted.pdf as Uint8Array);
      expect(pages).toHaveLength(planDeck(report).length);
      const all = pages.join('\n');
      for (const entry of outline(report)) expect(all).toContain(numberedTitle(entry));
      expect(all).toContain(report.meta.title);
    });

    it('writes a PPTX (a zip) with one slide and notes slide per slide, the notes holding the paragraphs', () => {
      const entries = unzip(converted.pptx as Uint8Array);
      const slides = [...entries.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
      const notes = [...entries.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
      expect(slides).toHaveLength(planDeck(report).length);
      expect(notes.length).toBeGreaterThan(0);
      const notesText = notes
        .map((n) => (entries.get(n) as Buffer).toString('utf8'))
        .map((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '))
        .join('\n')
        .replaceAll('&amp;', '&')
        .replaceAll('\u2060', '');
      const firstParagraph = report.sections[0]?.blocks.find((b) => b.type === 'paragraph');
      expect(firstParagraph).toBeDefined();
      if (firstParagraph?.type === 'paragraph')
        expect(notesText).toContain(plainText(firstParagraph.text).slice(0, 80));
    });

    it('stamps the report date into the PDF, so two conversions give the same bytes', async () => {
      const again = await convertDeck(renderDeck(report), ['pdf'], {
        browserPath: browserPath as string,
        lang: report.meta.lang,
        date: report.meta.date,
      });
      expect(Buffer.from(again.pdf as Uint8Array).equals(Buffer.from(converted.pdf as Uint8Array))).toBe(true);
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: (converted.pdf as Uint8Array).slice(), verbosity: 0 }).promise;
      const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
      expect(info.CreationDate).toBe('D:20261125000000Z');
      expect(info.ModDate).toBe('D:20261125000000Z');
      expect(info.Language).toBe('en-GB');
      await doc.destroy();
    }, 60_000);

    it('converts only the formats asked for', async () => {
      const onlyPdf = await convertDeck('---\nmarp: true\ntheme: briefing\n---\n\n# One slide\n', ['pdf'], {
        browserPath: browserPath as string,
        lang: 'en-GB',
      });
      expect(onlyPdf.pptx).toBeUndefined();
      expect(await pdfText(onlyPdf.pdf as Uint8Array)).toEqual(['One slide']);
    }, 60_000);
  },
);
