// The accessibility pass over the slides PDF Chromium prints. Chromium (`page.pdf({ tagged:
// true })`) already writes a structure tree from the page's accessibility tree (headings,
// paragraphs, lists, tables, links, a Figure with /Alt for an `<svg role="img">` with a name),
// /Lang, MarkInfo and DisplayDocTitle. What it leaves out, and this pass adds, read off
// Chromium 156's output (see docs/slides-pdf-accessibility.md):
//
// - XMP metadata with the PDF/UA identification (pdfuaid:part 1), title, language, authors,
//   keywords and the fixed dates; the Info dictionary says the same.
// - /Contents on every link annotation: the link's text, else its address.
// - LBody: Chromium's list items hold a Lbl (when a marker is drawn) and the item's content
//   directly; the content is moved into an LBody.
// - Figures: the `<figure>` around the chart comes out as a Figure holding the chart's Figure
//   and the Caption, without /Alt; it becomes a Div (the chart's Figure carries the
//   description). A Figure still without /Alt gets the chart's description, if given.
// - Artifacts: painting outside any marked content (page numbers, accent bars) is wrapped in
//   `/Artifact BMC`, and tagged sequences that only fill or stroke paths (backgrounds, rules
//   under headings, list and table borders) become artifacts and leave the structure tree.
// - A RoleMap for PDF 2.0 types Chromium uses (Strong) that PDF 1.7 does not define.
// - Bookmark titles: Chromium joins a heading's wrapped lines without a space
//   ("CybercrimeNetworks"); a title that differs from its heading only in spaces is replaced.
//
// One module per pass, run in order by accessibleSlidesPdf below. Pure: bytes in, bytes out;
// no clock, no random ids, so the same input gives the same bytes.
import { PDFDict, PDFDocument } from 'pdf-lib';
import { markDecoration } from './artifacts.js';
import { describeFigures } from './figures.js';
import { describeLinks } from './links.js';
import { addListBodies } from './list-bodies.js';
import { describeDocument } from './metadata.js';
import type { SlidesPdfAccessibility } from './options.js';
import { repairOutline } from './outline.js';
import { name } from './pdf-objects.js';
import { mapRoles } from './roles.js';
import { StructTree } from './struct-tree.js';

export { xmpPacket } from './metadata.js';
export type { SlidesPdfAccessibility, SlidesPdfLink } from './options.js';

/**
 * The slides PDF Chromium printed, made as accessible as a post-pass can: XMP metadata with the
 * PDF/UA identification, /Contents on every link, list bodies, figure descriptions, artifacts
 * for decoration, role mapping and bookmark titles (the header comment lists each). Same input,
 * same bytes.
 */
export async function accessibleSlidesPdf(bytes: Uint8Array, options: SlidesPdfAccessibility): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  describeDocument(doc, options);
  const pages = doc.getPages().map((p) => ({ ref: p.ref, node: p.node }));
  const root = doc.context.lookup(doc.catalog.get(name('StructTreeRoot')));
  if (root instanceof PDFDict) {
    doc.catalog.set(name('MarkInfo'), doc.context.obj({ Marked: true }));
    // Annotations in the order of the structure tree, for keyboard navigation.
    for (const page of pages) page.node.set(name('Tabs'), name('S'));
    const tree = new StructTree(doc.context, root, pages);
    markDecoration(tree, pages);
    addListBodies(tree, tree.elements());
    const elements = tree.elements();
    describeFigures(tree, elements, options.chartAlt);
    describeLinks(
      tree,
      elements,
      pages.map((p) => p.node),
      options.links ?? [],
    );
    mapRoles(tree, elements);
  } else {
    describeLinks(
      new StructTree(doc.context, doc.context.obj({}), []),
      [],
      pages.map((p) => p.node),
      options.links ?? [],
    );
  }
  if (options.headings) repairOutline(doc, options.headings);
  return await doc.save({ useObjectStreams: true, updateFieldAppearances: false });
}
