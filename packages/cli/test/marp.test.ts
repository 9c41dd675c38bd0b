import { inflateRawSync } from 'node:zlib';
import { fixedDate, foldSpace, numberedTitle, outline, plainText, report } from '@briefing/content';
import { BriefingMarp, planDeck, renderDeck, stripJoiners } from '@briefing/slides';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/browser.js';
import { convertDeck, localeOf } from '../src/browser/marp.js';

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

/** Text of an XML text node; pptxgenjs writes a note's line breaks as CRLF. */
const decodeXml = (text: string) =>
  text
    .replaceAll('\r\n', '\n')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** Slides of a PPTX in presentation order: the slide's image sizes and its speaker-notes text. */
function pptxSlides(entries: Map<string, Buffer>): { images: { width: number; height: number }[]; notes: string }[] {
  const text = (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`no ${name} in the PPTX`);
    return entry.toString('utf8');
  };
  const presentationRels = text('ppt/_rels/presentation.xml.rels');
  const ids = [...text('ppt/presentation.xml').matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  return ids.map((id) => {
    const target = new RegExp(`Id="${id}"[^>]*Target="slides/(slide\\d+\\.xml)"`).exec(presentationRels)?.[1];
    if (!target) throw new Error(`slide ${id} has no target`);
    const rels = text(`ppt/slides/_rels/${target}.rels`);
    const images = [...rels.matchAll(/Type="[^"]*\/image" Target="\.\.\/(media\/[^"]+)"/g)].map((m) => {
      const png = entries.get(`ppt/${m[1]}`) as Buffer;
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    });
    const notesFile = /Target="\.\.\/(notesSlides\/notesSlide\d+\.xml)"/.exec(rels)?.[1];
    // The notes' body placeholder only (not the slide-number field).
    const body = notesFile
      ? /<p:ph type="body"[^>]*\/>[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(text(`ppt/${notesFile}`))?.[1]
      : '';
    const notes = [...(body ?? '').matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
      .map((p) => [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''))
      .join('\n');
    return { images, notes };
  });
}

async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const { openPdf } = await import('@briefing/inspect');
  const doc = await openPdf(pdf);
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
        date: fixedDate(report.meta.date),
      });
    }, 120_000);

    it('writes a PDF with one page per slide and every section title on it', async () => {
      expect(
        Buffer.from(converted.pdf as Uint8Array)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const pages = await pdfText(converted.pdf as Uint8Array);
      expect(pages).toHaveLength(planDeck(report).slides.length);
      const all = pages.join('\n');
      for (const entry of outline(report)) expect(all).toContain(numberedTitle(entry));
      expect(all).toContain(report.meta.title);
    });

    it('writes a PPTX (a zip) with one slide and notes slide per slide, the notes holding the paragraphs', () => {
      const entries = unzip(converted.pptx as Uint8Array);
      const slides = [...entries.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
      const notes = [...entries.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
      expect(slides).toHaveLength(planDeck(report).slides.length);
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

    it('gives the PPTX one full-bleed 16:9 image per deck slide, in order, and slide N the notes Marp made for slide N', () => {
      const planned = planDeck(report).slides;
      const marpNotes = new BriefingMarp().render(renderDeck(report)).comments.map((c) => c.join('\n\n'));
      const entries = unzip(converted.pptx as Uint8Array);
      const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec((entries.get('ppt/presentation.xml') as Buffer).toString());
      expect(Number(size?.[1]) / Number(size?.[2])).toBeCloseTo(16 / 9, 5);
      const slides = pptxSlides(entries);
      expect(slides).toHaveLength(planned.length);
      expect(marpNotes).toHaveLength(planned.length);
      slides.forEach((slide, i) => {
        expect(slide.images, `slide ${i + 1}`).toEqual([{ width: 1280, height: 720 }]);
        expect(slide.notes, `slide ${i + 1}`).toBe(marpNotes[i]);
        // And Marp's notes are the planner's notes for that slide, each one, in order.
        expect(stripJoiners(slide.notes), `slide ${i + 1}`).toBe(
          (planned[i]?.notes ?? []).map((n) => foldSpace(n)).join('\n\n'),
        );
      });
      expect(slides.filter((s) => s.notes !== '').length).toBeGreaterThan(planned.length / 2);
    });

    it('stamps the report date into the PDF and the PPTX, so two conversions give the same bytes', async () => {
      const again = await convertDeck(renderDeck(report), ['pdf', 'pptx'], {
        browserPath: browserPath as string,
        lang: report.meta.lang,
        date: fixedDate(report.meta.date),
      });
      expect(Buffer.from(again.pdf as Uint8Array).equals(Buffer.from(converted.pdf as Uint8Array))).toBe(true);
      expect(Buffer.from(again.pptx as Uint8Array).equals(Buffer.from(converted.pptx as Uint8Array))).toBe(true);
      expect(
        unzip(converted.pptx as Uint8Array)
          .get('docProps/core.xml')
          ?.toString(),
      ).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-25T00:00:00Z</dcterms:created>');
      const { openPdf } = await import('@briefing/inspect');
      const doc = await openPdf(converted.pdf as Uint8Array);
      const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
      expect(info.CreationDate).toBe('D:20261125000000Z');
      expect(info.ModDate).toBe('D:20261125000000Z');
      expect(info.Language).toBe('en-GB');
      expect(info.Title).toBe(report.meta.title);
      // Tagged, with a document outline built from the slides' headings.
      expect(((await doc.getMarkInfo()) as { Marked?: boolean } | null)?.Marked).toBe(true);
      const outlineTitles = ((await doc.getOutline()) ?? []).flatMap(function titles(item: {
        title: string;
        items: unknown[];
      }): string[] {
        return [item.title, ...(item.items as { title: string; items: unknown[] }[]).flatMap(titles)];
      });
      expect(outlineTitles).toContain('Agenda');
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
