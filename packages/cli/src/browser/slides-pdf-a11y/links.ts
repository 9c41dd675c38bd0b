// The link pass: /Contents on every link annotation, the link's text or else its address.
import { PDFArray, PDFDict } from 'pdf-lib';
import type { SlidesPdfLink } from './options.js';
import { clean, hasText, name, stringOf, text } from './pdf-objects.js';
import type { Elem, StructTree } from './struct-tree.js';

const normalUrl = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

/** The address a link annotation opens, if it is a URI action. */
function uriOf(tree: StructTree, annotation: PDFDict): string | undefined {
  const action = tree.context.lookup(annotation.get(name('A')));
  if (!(action instanceof PDFDict)) return undefined;
  const uri = tree.context.lookup(action.get(name('URI')));
  return stringOf(uri);
}

/**
 * /Contents for every link annotation. Each Link element of the structure tree is one `<a>`
 * of the page (Chromium makes one annotation per line box of it), in document order: it takes
 * the text of the next page link with the same address. An annotation outside the tree, or
 * one whose address the list lacks, takes the first text given for its address, else the address.
 */
export function describeLinks(
  tree: StructTree,
  elements: readonly Elem[],
  pages: readonly PDFDict[],
  links: readonly SlidesPdfLink[],
): void {
  const byUrl = new Map<string, string>();
  for (const l of links) if (!byUrl.has(normalUrl(l.href))) byUrl.set(normalUrl(l.href), l.text);
  let next = 0;
  for (const e of elements) {
    if (tree.type(e.dict) !== 'Link') continue;
    const annotations = tree
      .kids(e.dict)
      .map((k) => tree.context.lookup(k))
      .filter((k): k is PDFDict => k instanceof PDFDict && k.get(name('Type')) === name('OBJR'))
      .map((objr) => tree.context.lookup(objr.get(name('Obj'))))
      .filter((a): a is PDFDict => a instanceof PDFDict);
    const uri = annotations.map((a) => uriOf(tree, a)).find((u) => u !== undefined);
    if (uri === undefined) continue;
    const at = links.findIndex((l, i) => i >= next && normalUrl(l.href) === normalUrl(uri));
    if (at < 0) continue;
    next = at + 1;
    const label = clean((links[at] as SlidesPdfLink).text);
    if (label) for (const a of annotations) if (!hasText(a, 'Contents')) a.set(name('Contents'), text(label));
  }
  for (const page of pages) {
    const annots = tree.context.lookup(page.get(name('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    for (const item of annots.asArray()) {
      const a = tree.context.lookup(item);
      if (!(a instanceof PDFDict) || a.get(name('Subtype')) !== name('Link') || hasText(a, 'Contents')) continue;
      const uri = uriOf(tree, a);
      const label = uri === undefined ? 'Link within the document' : clean(byUrl.get(normalUrl(uri)) ?? '') || uri;
      a.set(name('Contents'), text(label));
    }
  }
}
