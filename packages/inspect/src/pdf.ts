// Reads a rendered PDF back the way a reader's software does (pdf.js), so `briefing check`
// and the tests judge the artifact, not the renderer's intermediate data. The one pdf.js
// reader in the repository: `readPdf` for what a reader gets (text, bookmarks,
// destinations, links, metadata), `openPdf` with `readPages`, `structTrees` and friends
// for positions, font sizes and the tagged structure.
import { normalizeForMatch } from '@briefing/content';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js's operator codes, to recognise drawing operators in `page.getOperatorList()`. */
export { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
  /** Link annotations: external URLs, or internal targets with the 1-based page they open. */
  links: { page: number; url?: string; dest?: string; targetPage?: number; contents?: string }[];
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
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text = text.endsWith('-') && /\p{L}-$/u.test(text) ? text : `${text}\n`;
      }
      pages.push(
        text
          .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
          .replace(/\s+/gu, ' ')
          .trim(),
      );
      for (const a of await page.getAnnotations()) {
        if (a.subtype !== 'Link') continue;
        const link: PdfFacts['links'][number] = { page: n };
        if (a.url) link.url = a.url;
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

/** One piece of text as pdf.js extracts it, in points from the page's top-left corner. */
export interface TextItem {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

export interface PageText {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  /** The page's text in content order, normalised (see `normalise`). */
  text: string;
}

export interface StructNode {
  role: string;
  alt?: string;
  children: StructNode[];
}

/**
 * Text as the layout checks compare it: NFKC (ligatures such as "ﬁ" become "fi"), soft
 * hyphens dropped, curly quotes and apostrophes straightened, dashes kept, white space folded.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00AD/gu, '')
    .replace(/[\u2018\u2019\u201A\u2032]/gu, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Join text items in content order: touching items on one baseline join directly, new lines with a space. */
export function joinItems(items: readonly TextItem[]): string {
  let out = '';
  let prev: TextItem | undefined;
  for (const item of items) {
    if (!item.str) continue;
    if (prev) {
      const sameLine = Math.abs(item.y - prev.y) < 0.5;
      // Kerning can pull the next item back over the previous one ("7" + "."): a gap under 1 pt is no space.
      const gap = item.x - (prev.x + prev.width);
      const touching = sameLine && gap < 1 && item.x > prev.x;
      // A line that ends in a hyphen, dash or slash inside a word ("cross-" / "border",
      // "public–" / "private") rejoins without a space: the renderer breaks only there.
      const hyphenBreak =
        !sameLine && /[\p{L}\p{N}][-\u2010\u2013\u2014/]$/u.test(out) && /^[\p{L}\p{N}]/u.test(item.str);
      if (!touching && !hyphenBreak) out += ' ';
    }
    out += item.str;
    prev = item;
  }
  return normalise(out);
}

/** Every page's text items with their positions and font sizes. */
export async function readPages(doc: PdfDoc): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const [a, b, , , e, f] = raw.transform as number[];
      items.push({ str: raw.str, x: e!, y: height - f!, width: raw.width, size: Math.hypot(a!, b!) });
    }
    pages.push({ number: n, width, height, items, text: joinItems(items) });
  }
  return pages;
}

/** Where `findInOrder` found a phrase. */
export interface PhraseFound {
  page: number;
  /** The page of the needle's last character. */
  endPage: number;
  /** Offset in the whole document's text. */
  offset: number;
}

/** The document's text with the page of every offset, so a search can say where it found a phrase. */
export function documentText(pages: readonly PageText[]): { text: string; pageAt(offset: number): number } {
  const starts: number[] = [];
  let text = '';
  for (const page of pages) {
    starts.push(text.length);
    text += `${page.text} `;
  }
  return {
    text,
    pageAt(offset: number) {
      let page = 0;
      for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) page = i;
      return page + 1;
    },
  };
}

/**
 * Find each needle in turn, each after the previous one; returns where each was found,
 * or throws naming the first needle that is missing or out of order.
 */
export function findInOrder(pages: readonly PageText[], needles: readonly string[]): PhraseFound[] {
  const { text, pageAt } = documentText(pages);
  const out: PhraseFound[] = [];
  let from = 0;
  for (const raw of needles) {
    const needle = normalise(raw);
    const at = text.indexOf(needle, from);
    if (at < 0) {
      const anywhere = text.indexOf(needle);
      throw new Error(
        anywhere < 0
          ? `not found in the PDF: "${needle}"`
          : `found out of order (page ${pageAt(anywhere)}, before the previous phrase): "${needle}"`,
      );
    }
    out.push({ page: pageAt(at), endPage: pageAt(at + needle.length - 1), offset: at });
    from = at + needle.length;
  }
  return out;
}

/** The structure tree of every page, merged into one list of roots. */
export async function structTrees(doc: PdfDoc): Promise<StructNode[]> {
  const out: StructNode[] = [];
  const convert = (node: unknown): StructNode | undefined => {
    const n = node as { role?: string; alt?: string; children?: unknown[] };
    if (!n.role) return undefined;
    return {
      role: n.role,
      ...(n.alt ? { alt: n.alt } : {}),
      children: (n.children ?? []).map(convert).filter((c): c is StructNode => c !== undefined),
    };
  };
  for (let n = 1; n <= doc.numPages; n++) {
    const tree = await (await doc.getPage(n)).getStructTree();
    const root = convert(tree);
    if (root) out.push(root);
  }
  return out;
}

/** Visit every node of the structure trees, depth first. */
export function walk(nodes: readonly StructNode[], visit: (node: StructNode) => void) {
  for (const node of nodes) {
    visit(node);
    walk(node.children, visit);
  }
}

/** The page index (0-based) a named destination points at. */
export async function destinationPage(doc: PdfDoc, name: string): Promise<number | undefined> {
  const dest = await doc.getDestination(name);
  if (!dest) return undefined;
  return doc.getPageIndex(dest[0] as Parameters<PdfDoc['getPageIndex']>[0]);
}
