// Reads a rendered PDF back the way a reader's software does (pdf.js), so `briefing check`
// and the tests judge the artifact, not the renderer's intermediate data. The one pdf.js
// reader in the repository: `readPdf` for what a reader gets (text, bookmarks,
// destinations, links, metadata), `openPdf` with `readPages`, `structTrees` and friends
// for positions, font sizes and the tagged structure.
import { normalizeForMatch } from '@briefing/content';
import { getDocument } from './pdfjs.js';

/** pdf.js's operator codes, to recognise drawing operators in `page.getOperatorList()`. */
export { OPS } from './pdfjs.js';

export type PdfDoc = Awaited<ReturnType<typeof getDocument>['promise']>;

/** Open a PDF with pdf.js; the caller destroys it (`doc.destroy()`). */
export async function openPdf(bytes: Uint8Array): Promise<PdfDoc> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  return getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
}

type PdfPage = Awaited<ReturnType<PdfDoc['getPage']>>;
export type PdfTextItem = Extract<Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number], { str: string }>;

/**
 * A page's text items in content order. A hyphen drawn as an artifact right after the text
 * before it, on its baseline, is the hyphen of a word broken across lines (by hyphenation, or
 * between any two characters of a word wider than its column), not part of the text (ISO
 * 32000's soft hyphen): it is given as U+00AD, which the readers join across the line end and
 * the normalisers drop, so "transna-" / "tional" reads "transnational". Hyphens in the text
 * itself are kept, and so is a hyphen that is a whole artifact's text of its own: a table's
 * header cell "-" repeated above a continued row, or a running head, is an artifact too.
 */
export async function textItems(page: PdfPage): Promise<PdfTextItem[]> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const tags: (string | undefined)[] = [];
  const out: PdfTextItem[] = [];
  let before: PdfTextItem | undefined;
  for (const item of content.items) {
    if (!('str' in item)) {
      // pdf.js gives each marked content's tag, though its types do not say so.
      if (item.type === 'endMarkedContent') tags.pop();
      else tags.push((item as { tag?: string }).tag);
      continue;
    }
    const softHyphen = item.str === '-' && tags.includes('Artifact') && before !== undefined && follows(before, item);
    out.push(softHyphen ? { ...item, str: '\u00AD' } : item);
    // pdf.js adds spaces of its own across gaps: they end where the next text starts.
    if (item.str.trim() !== '') before = item;
  }
  return out;
}

/** Whether `item` starts where `before` ends, on its baseline (within half a point). */
function follows(before: PdfTextItem, item: PdfTextItem): boolean {
  const [x0, y0] = [before.transform[4] as number, before.transform[5] as number];
  const [x, y] = [item.transform[4] as number, item.transform[5] as number];
  return Math.abs(y - y0) < 0.5 && Math.abs(x - (x0 + before.width)) < 0.5;
}

/** What a reader of the PDF gets, read back from its bytes with pdf.js. */
export interface PdfFacts {
  pageCount: number;
  /** Each page's text in reading order, lines joined with spaces, words split at a line-end hyphen rejoined. */
  pages: string[];
  /** `pages`, normalised with `normalizeForMatch`. */
  normalized: string[];
  /** Top-level bookmarks with the 1-based page each opens. */
  outline: { title: string; page: number | undefined }[];
  /** Named destinations and the 1-based page each points at. */
  destinations: Record<string, number>;
  /**
   * Link annotations: external URLs, or internal targets with the 1-based page they open. `uri`
   * is the URI action's string as the file holds it; `url` is pdf.js's reading of it (made absolute).
   */
  links: { page: number; url?: string; uri?: string; dest?: string; targetPage?: number; contents?: string }[];
  info: Record<string, unknown>;
}

async function pageOfDest(doc: PdfDoc, dest: unknown): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
  const ref = explicit?.[0];
  if (ref === undefined || ref === null) return undefined;
  const index = typeof ref === 'number' ? ref : await doc.getPageIndex(ref as Parameters<PdfDoc['getPageIndex']>[0]);
  return index + 1;
}

/** Read a PDF's text, bookmarks, destinations and links. */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await openPdf(bytes);
  try {
    const pages: string[] = [];
    const links: PdfFacts['links'] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      let text = '';
      for (const item of await textItems(page)) {
        text += item.str;
        if (item.hasEOL) text = /\p{L}-$|\u00AD$/u.test(text) ? text : `${text}\n`;
      }
      pages.push(
        text
          .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
          .replace(/\u00AD/gu, '')
          .replace(/\s+/gu, ' ')
          .trim(),
      );
      for (const a of await page.getAnnotations()) {
        if (a.subtype !== 'Link') continue;
        const link: PdfFacts['links'][number] = { page: n };
        if (a.url) link.url = a.url;
        if (typeof a.unsafeUrl === 'string') link.uri = a.unsafeUrl;
        if (a.dest) {
          if (typeof a.dest === 'string') link.dest = a.dest;
          const target = await pageOfDest(doc, a.dest);
          if (target !== undefined) link.targetPage = target;
        }
        if (a.contentsObj?.str) link.contents = a.contentsObj.str;
        links.push(link);
      }
      page.cleanup();
    }
    const outline: PdfFacts['outline'] = [];
    for (const item of (await doc.getOutline()) ?? []) {
      outline.push({ title: item.title, page: await pageOfDest(doc, item.dest) });
    }
    const destinations: Record<string, number> = {};
    for (const [name, dest] of Object.entries((await doc.getDestinations()) as Record<string, unknown>)) {
      const page = await pageOfDest(doc, dest);
      if (page !== undefined) destinations[name] = page;
    }
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
    return {
      pageCount: doc.numPages,
      pages,
      normalized: pages.map(normalizeForMatch),
      outline,
      destinations,
      links,
      info,
    };
  } finally {
    await doc.destroy();
  }
}
