// The list pass: Chromium's list items hold their content directly; PDF/UA wants it in an LBody.
import type { PDFObject } from 'pdf-lib';
import { name } from './pdf-objects.js';
import type { Elem, StructTree } from './struct-tree.js';

/** A list item holds a Lbl and an LBody, nothing else: its other kids move into a new LBody. */
export function addListBodies(tree: StructTree, elements: readonly Elem[]): void {
  for (const li of elements) {
    if (tree.type(li.dict) !== 'LI') continue;
    const kids = tree.kids(li.dict);
    const isLbl = (k: PDFObject) => {
      const e = tree.elemOf(k);
      return e !== undefined && tree.type(e) === 'Lbl';
    };
    const body = kids.filter((k) => !isLbl(k));
    if (body.length === 0) continue;
    if (body.length === 1) {
      const only = tree.elemOf(body[0] as PDFObject);
      if (only && tree.type(only) === 'LBody') continue;
    }
    const lbody = tree.context.obj({ Type: 'StructElem', S: 'LBody', P: li.ref });
    const pg = tree.pageOf(li);
    if (pg) lbody.set(name('Pg'), pg);
    const ref = tree.context.register(lbody);
    tree.setKids(lbody, body);
    for (const kid of body) tree.reparent(kid, li, ref);
    tree.setKids(li.dict, [...kids.filter(isLbl), ref]);
  }
}
