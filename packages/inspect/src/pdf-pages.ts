// A PDF's pages as the layout tests read them: text items with positions and sizes, page
// text in content order, phrases found in order, the tagged structure tree, destinations.
import { type PdfDoc, textItems } from './pdf.js';

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
      // "public–" / "private"), or in a word hyphenated across lines (a soft hyphen, see
      // textItems), rejoins without a space: the renderer breaks only there. A soft hyphen
      // joins whatever it stands between: a word too wide for its column is cut between any
      // two characters, letters or not.
      const hyphenBreak =
        !sameLine &&
        (out.endsWith('\u00AD') ||
          (/[\p{L}\p{N}][-\u2010\u2013\u2014/]$/u.test(out) && /^[\p{L}\p{N}]/u.test(item.str)));
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
    const items: TextItem[] = [];
    for (const raw of await textItems(page)) {
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
