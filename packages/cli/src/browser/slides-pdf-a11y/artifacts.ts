// The artifact pass: decoration (painting outside marked content, tagged sequences that only
// paint paths) marked as artifacts in the content streams, and removed from the structure tree.
import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFNull,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { analyseContent, markArtifacts, readContent, UnreadableContent } from './pdf-content.js';
import { name } from './pdf-objects.js';
import type { Elem, StructTree } from './struct-tree.js';

/** The decoded content streams of a page, with their references. */
function contentStreams(context: PDFContext, page: PDFDict): { ref: PDFRef; stream: PDFRawStream }[] {
  const contents = page.get(name('Contents'));
  const refs = contents instanceof PDFRef ? [contents] : [];
  const resolved = context.lookup(contents);
  if (resolved instanceof PDFArray) refs.splice(0, 1, ...resolved.asArray().filter((r) => r instanceof PDFRef));
  return refs.flatMap((ref) => {
    const stream = context.lookup(ref);
    return stream instanceof PDFRawStream ? [{ ref, stream }] : [];
  });
}

/** Whether an element or one of its ancestors is a Figure or a Formula (whose drawing is its content). */
function inFigure(tree: StructTree, ref: PDFObject): boolean {
  for (let dict = tree.elemOf(ref); dict; dict = tree.elemOf(dict.get(name('P')) ?? PDFNull)) {
    const type = tree.type(dict);
    if (type === 'Figure' || type === 'Formula') return true;
  }
  return false;
}

/**
 * Mark what is decoration as artifacts: painting outside any marked content is wrapped, and an
 * MCID sequence that only paints paths (and is not part of a Figure) becomes an artifact and
 * leaves the structure tree. A content stream that cannot be read is left as it is.
 */
export function markDecoration(tree: StructTree, pages: readonly { ref: PDFRef; node: PDFDict }[]): void {
  const removed: { page: PDFRef; mcid: number; owner: PDFObject }[] = [];
  for (const page of pages) {
    for (const { ref, stream } of contentStreams(tree.context, page.node)) {
      const source = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      let ops: ReturnType<typeof readContent>;
      try {
        ops = readContent(source);
      } catch (error) {
        if (error instanceof UnreadableContent) continue;
        throw error;
      }
      const { sequences, untagged } = analyseContent(ops);
      const artifacts = sequences.filter((s) => {
        if (!s.paints || s.content || s.nested || s.mcid === undefined) return false;
        const owner = tree.parentOfMcid(page.ref, s.mcid);
        if (!(owner instanceof PDFRef) || inFigure(tree, owner)) return false;
        removed.push({ page: page.ref, mcid: s.mcid, owner });
        return true;
      });
      if (untagged.length === 0 && artifacts.length === 0) continue;
      const marked = markArtifacts(
        source,
        ops,
        untagged,
        artifacts.map((s) => s.index),
      );
      tree.context.assign(ref, tree.context.flateStream(Buffer.from(marked, 'latin1')));
    }
  }
  const byRef = new Map(tree.elements().map((e) => [e.ref.toString(), e]));
  const emptied: Elem[] = [];
  for (const { page, mcid, owner } of removed) {
    const elem = byRef.get(owner.toString());
    if (!elem) continue;
    const ownPage = tree.pageOf(elem);
    const kids = tree.kids(elem.dict).filter((k) => {
      if (k instanceof PDFNumber) return !(k.asNumber() === mcid && (ownPage ?? page) === page);
      const item = tree.context.lookup(k);
      if (!(item instanceof PDFDict) || item.get(name('Type')) !== name('MCR')) return true;
      const number = item.get(name('MCID'));
      return !(number instanceof PDFNumber && number.asNumber() === mcid && (item.get(name('Pg')) ?? ownPage) === page);
    });
    tree.setKids(elem.dict, kids);
    tree.clearMcid(page, mcid);
    if (kids.length === 0) emptied.push(elem);
  }
  pruneEmpty(tree, emptied);
}

/** Elements whose structure a reader relies on even when empty (a table cell, a list item). */
const KEEP_EMPTY = new Set([
  'Table',
  'THead',
  'TBody',
  'TFoot',
  'TR',
  'TH',
  'TD',
  'L',
  'LI',
  'Figure',
  'Formula',
  'Link',
]);

/**
 * Elements left with no kids (their only content became an artifact) leave the tree, and so
 * do their ancestors that are left empty in turn, except the kinds in KEEP_EMPTY and
 * elements with an ID (a table header cell's).
 */
function pruneEmpty(tree: StructTree, emptied: readonly Elem[]): void {
  for (const start of emptied) {
    for (let e: Elem | undefined = start; e; e = e.parent) {
      if (tree.kids(e.dict).length > 0 || e.dict.has(name('ID')) || KEEP_EMPTY.has(tree.type(e.dict))) break;
      const parent = e.parent?.dict ?? tree.root;
      const ref = e.ref;
      tree.setKids(
        parent,
        tree.kids(parent).filter((k) => k !== ref),
      );
    }
  }
}
