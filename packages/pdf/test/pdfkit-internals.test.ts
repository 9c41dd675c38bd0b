// The renderer reaches past pdfkit's typed API in four places (`as unknown as` in src): the
// outline item's `outlineData` and the page's `dictionary` (builder.ts: a bookmark that jumps to
// its heading), the annotation options `Contents` and `structParent` (draw.ts, parts.ts: an
// accessible link), and document options its types lack (render.ts: no default font, tagging,
// language). Each test reads what the field is for back from the real PDF, so a pdfkit that
// renames or drops one fails here rather than quietly losing a bookmark's target or a link's
// name. embed.test.ts does the same for the font object (embed.ts).
import { report } from '@briefing/content';
import { openPdf } from '@briefing/inspect';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The bytes of a pdfkit document built by `draw`, with fixed dates and no compression. */
function pdfkitBytes(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const date = new Date('2026-01-01T00:00:00Z');
  const doc = new PDFDocument({
    compress: false,
    tagged: true,
    info: { CreationDate: date, ModDate: date },
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('the pdfkit internals the renderer relies on', () => {
  it('an outline item still writes its outlineData, and a page its dictionary, into the PDF', async () => {
    const bytes = await pdfkitBytes((doc) => {
      const item = doc.outline.addItem('Heading') as unknown as { outlineData?: Record<string, unknown> };
      const page = (doc as unknown as { page: { dictionary?: unknown } }).page.dictionary;
      expect(item.outlineData).toBeTypeOf('object');
      expect(page).toBeDefined();
      item.outlineData!.Dest = [page, 'XYZ', 0, 700, null];
    });
    expect(/\/Dest \[\d+ 0 R \/XYZ 0 700 null\]/.test(latin1(bytes))).toBe(true);
  });

  it('a link annotation still takes Contents and structParent from its options', async () => {
    const bytes = await pdfkitBytes((doc) => {
      const link = doc.struct('Link');
      doc.addStructure(link);
      doc.link(10, 10, 50, 12, 'https://example.org/', {
        Contents: new String('Example (https://example.org/)'),
        structParent: link,
      } as unknown as PDFKit.Mixins.AnnotationOption);
      link.end();
    });
    const text = latin1(bytes);
    expect(text.includes('/Contents (Example \\(https://example.org/\\))')).toBe(true);
    expect(/\/StructParent \d+/.test(text)).toBe(true);
  });

  it('so the briefing’s bookmarks jump to their headings, its links are named, and no default font is loaded', async () => {
    const bytes = await renderPdf(report);
    const text = latin1(bytes);
    // Sections' bookmarks by their named destinations (builder.ts sets Dest to the section's id).
    const untargeted = report.sections.filter((section) => !text.includes(`/Dest (${section.id})`));
    expect(untargeted.map((section) => section.id)).toEqual([]);
    const doc = await openPdf(bytes);
    try {
      const outline = await doc.getOutline();
      expect(outline.filter((item) => typeof item.dest === 'string').length).toBeGreaterThanOrEqual(
        report.sections.length,
      );
      const annotations = await (await doc.getPage(1)).getAnnotations();
      const links = annotations.filter((a: { subtype: string }) => a.subtype === 'Link');
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect((link as { contentsObj: { str: string } }).contentsObj.str).not.toBe('');
    } finally {
      await doc.destroy();
    }
    // Tagged, in the report's language, titled, and no Helvetica (the `font: null` option).
    const has = (needle: string) => text.includes(needle);
    expect({
      marked: has('/Marked true'),
      lang: has(`/Lang (${report.meta.lang})`),
      title: has('/DisplayDocTitle true'),
      helvetica: has('Helvetica'),
    }).toEqual({ marked: true, lang: true, title: true, helvetica: false });
  });
});
