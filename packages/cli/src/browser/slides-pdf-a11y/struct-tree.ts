// The structure tree Chromium wrote, with the ParentTree that maps marked content and
// annotations back to their elements: what the structure passes read and edit.
import { PDFArray, type PDFContext, PDFDict, PDFName, PDFNull, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import { name } from './pdf-objects.js';

/** A structure element: its reference, dictionary and parent element (undefined at the top). */
export interface Elem {
  ref: PDFRef;
  dict: PDFDict;
  parent: Elem | undefined;
}

/** Where an entry of the ParentTree lives, by key: page StructParents → array, annotation StructParent → element. */
type ParentTree = Map<number, { nums: PDFArray; index: number }>;
export class StructTree {
  readonly parentTree: ParentTree = new Map();
  readonly pageKeys = new Map<string, number>();

  constructor(
    readonly context: PDFContext,
    readonly root: PDFDict,
    pages: readonly { ref: PDFRef; node: PDFDict }[],
  ) {
    const tree = context.lookup(root.get(name('ParentTree')));
    if (tree instanceof PDFDict) this.readNumberTree(tree);
    for (const page of pages) {
      const key = page.node.get(name('StructParents'));
      if (key instanceof PDFNumber) this.pageKeys.set(page.ref.toString(), key.asNumber());
    }
  }

  private readNumberTree(node: PDFDict): void {
    const nums = this.context.lookup(node.get(name('Nums')));
    if (nums instanceof PDFArray)
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = nums.get(i);
        if (key instanceof PDFNumber) this.parentTree.set(key.asNumber(), { nums, index: i + 1 });
      }
    const kids = this.context.lookup(node.get(name('Kids')));
    if (kids instanceof PDFArray)
      for (const kid of kids.asArray()) {
        const child = this.context.lookup(kid);
        if (child instanceof PDFDict) this.readNumberTree(child);
      }
  }

  /** An element's kids as an array (K may be one kid, an array, or a reference to either). */
  kids(dict: PDFDict): PDFObject[] {
    const k = dict.get(name('K'));
    if (k === undefined) return [];
    const resolved = k instanceof PDFRef ? this.context.lookup(k) : k;
    if (resolved instanceof PDFArray) return resolved.asArray();
    return [k];
  }

  setKids(dict: PDFDict, kids: readonly PDFObject[]): void {
    if (kids.length === 0) dict.delete(name('K'));
    else dict.set(name('K'), kids.length === 1 ? (kids[0] as PDFObject) : this.context.obj([...kids]));
  }

  /** The element a kid reference points at, if it is a structure element (not an MCR or OBJR). */
  elemOf(kid: PDFObject): PDFDict | undefined {
    if (!(kid instanceof PDFRef)) return undefined;
    const dict = this.context.lookup(kid);
    if (!(dict instanceof PDFDict) || !(dict.get(name('S')) instanceof PDFName)) return undefined;
    const type = dict.get(name('Type'));
    return type === name('MCR') || type === name('OBJR') ? undefined : dict;
  }

  /** Every structure element below the root, depth-first in document order. */
  elements(): Elem[] {
    const out: Elem[] = [];
    const seen = new Set<string>();
    const visit = (kid: PDFObject, parent: Elem | undefined) => {
      const dict = this.elemOf(kid);
      if (!dict || seen.has(kid.toString())) return;
      seen.add(kid.toString());
      const elem = { ref: kid as PDFRef, dict, parent };
      out.push(elem);
      for (const k of this.kids(dict)) visit(k, elem);
    };
    for (const k of this.kids(this.root)) visit(k, undefined);
    return out;
  }

  type(dict: PDFDict): string {
    return (dict.get(name('S')) as PDFName).decodeText();
  }

  /** The page an element's bare MCIDs are on: its /Pg, else its nearest ancestor's. */
  pageOf(elem: Elem | undefined): PDFRef | undefined {
    for (let e = elem; e; e = e.parent) {
      const pg = e.dict.get(name('Pg'));
      if (pg instanceof PDFRef) return pg;
    }
    return undefined;
  }

  private setParentEntry(key: number | undefined, mcid: number | undefined, value: PDFObject): void {
    if (key === undefined) return;
    const entry = this.parentTree.get(key);
    if (!entry) return;
    if (mcid === undefined) {
      entry.nums.set(entry.index, value);
      return;
    }
    const array = this.context.lookup(entry.nums.get(entry.index));
    if (array instanceof PDFArray && mcid < array.size()) array.set(mcid, value);
  }

  /** The ParentTree entry of an MCID on a page, or of an annotation. */
  parentOfMcid(page: PDFRef, mcid: number): PDFObject | undefined {
    const key = this.pageKeys.get(page.toString());
    const entry = key === undefined ? undefined : this.parentTree.get(key);
    const array = entry && this.context.lookup(entry.nums.get(entry.index));
    return array instanceof PDFArray && mcid < array.size() ? array.get(mcid) : undefined;
  }

  clearMcid(page: PDFRef, mcid: number): void {
    this.setParentEntry(this.pageKeys.get(page.toString()), mcid, PDFNull);
  }

  /**
   * Record that content item `kid` (of `from`) now belongs to the element `to`: the element's
   * /P, or the ParentTree entry of a marked-content sequence or an annotation.
   */
  reparent(kid: PDFObject, from: Elem, to: PDFRef): void {
    const elem = this.elemOf(kid);
    if (elem) {
      elem.set(name('P'), to);
      return;
    }
    if (kid instanceof PDFNumber) {
      const page = this.pageOf(from);
      if (page) this.setParentEntry(this.pageKeys.get(page.toString()), kid.asNumber(), to);
      return;
    }
    const item = this.context.lookup(kid);
    if (!(item instanceof PDFDict)) return;
    if (item.get(name('Type')) === name('MCR')) {
      const pg = item.get(name('Pg'));
      const page = pg instanceof PDFRef ? pg : this.pageOf(from);
      const mcid = item.get(name('MCID'));
      if (page && mcid instanceof PDFNumber)
        this.setParentEntry(this.pageKeys.get(page.toString()), mcid.asNumber(), to);
    } else if (item.get(name('Type')) === name('OBJR')) {
      const annotation = this.context.lookup(item.get(name('Obj')));
      const key = annotation instanceof PDFDict ? annotation.get(name('StructParent')) : undefined;
      if (key instanceof PDFNumber) this.setParentEntry(key.asNumber(), undefined, to);
    }
  }
}
