// The bookmark pass: Chromium joins a heading's wrapped lines without a space; a bookmark
// title that differs from its heading only in spaces takes the heading's text.
import { PDFDict, type PDFDocument, type PDFObject } from 'pdf-lib';
import { clean, name, stringOf, text } from './pdf-objects.js';

/** Bookmark titles that differ from their heading only in spaces take the heading's text. */
export function repairOutline(doc: PDFDocument, headings: readonly string[]): void {
  const { context } = doc;
  const squash = (value: string) => value.replace(/[\s\u00AD\u200B-\u200D\u2060]+/g, '');
  const wanted = headings.map(clean);
  let next = 0;
  const visit = (ref: PDFObject | undefined, depth: number) => {
    for (
      let item = context.lookup(ref);
      item instanceof PDFDict && depth < 64;
      item = context.lookup(item.get(name('Next')))
    ) {
      const title = stringOf(item.get(name('Title')));
      if (title !== undefined) {
        const at = wanted.findIndex((h, i) => i >= next && squash(h) === squash(title));
        if (at >= 0) {
          next = at + 1;
          if (wanted[at] !== title) item.set(name('Title'), text(wanted[at] as string));
        }
      }
      visit(item.get(name('First')), depth + 1);
    }
  };
  const outlines = context.lookup(doc.catalog.get(name('Outlines')));
  if (outlines instanceof PDFDict) visit(outlines.get(name('First')), 0);
}
