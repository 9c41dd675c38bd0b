// The role-map pass: PDF 2.0 structure types Chromium writes, mapped to PDF 1.7 ones.
import { PDFDict } from 'pdf-lib';
import { name } from './pdf-objects.js';
import type { Elem, StructTree } from './struct-tree.js';

/** The structure types of ISO 32000-1 (PDF 1.7), which need no role mapping. */
const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 ' +
    'L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot ' +
    'Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);
/** PDF 2.0 types Chromium may write, as their nearest PDF 1.7 type; anything else maps to NonStruct. */
const ROLES: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'H1', FENote: 'Note' };

export function mapRoles(tree: StructTree, elements: readonly Elem[]): void {
  const used = [...new Set(elements.map((e) => tree.type(e.dict)))].filter((t) => !STANDARD_TYPES.has(t)).sort();
  if (used.length === 0) return;
  let roleMap = tree.context.lookup(tree.root.get(name('RoleMap')));
  if (!(roleMap instanceof PDFDict)) {
    roleMap = tree.context.obj({});
    tree.root.set(name('RoleMap'), roleMap);
  }
  for (const type of used)
    if (!(roleMap as PDFDict).has(name(type))) (roleMap as PDFDict).set(name(type), name(ROLES[type] ?? 'NonStruct'));
}
