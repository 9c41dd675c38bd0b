import { escapeXml } from '@briefing/content';
import { PptxPassError } from '../pass.js';

// Lossless editing of an XML part, for the package pass. A part is parsed strictly (saxes, read.ts)
// into a tree of elements, each remembering where it was written; the pass finds elements by
// name and attribute in the tree and changes them there; writing the tree out copies every
// element nothing changed exactly as it was written, and writes a changed tag afresh in one
// form (attributes in order, one space apart, double quotes). So an edit cannot take an
// author's text for markup, cannot miss an element written with other spacing or quotes, and
// changes no byte it does not mean to. saxes reads; nothing in the kept libraries writes back
// a tree byte for byte, which is what keeps the same report giving the same file.

/** An attribute: its name, its value, and its value as written (escaped, without quotes). */
export interface XmlAttr {
  name: string;
  value: string;
  raw: string;
  quote: '"' | "'";
}

/** A child of an element: an element, or what lies between elements (text, comments, CDATA) as written. */
export type XmlChild = XmlElement | string;

/** Where an element was written (read.ts): its part's text, its start, the end of its open tag, the start of its close tag, its end. */
export interface Written {
  text: string;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** Where the pass is, for its errors: the part's name. */
export interface Place {
  part: string;
}

/** One attribute as written in an open tag, after the name: its name, quote and raw value. */
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

export class XmlElement {
  parent: XmlElement | undefined;
  readonly children: XmlChild[] = [];
  /** The open tag changed: written afresh. */
  private tagChanged = false;
  /** A child or a descendant changed: the element is written from its children. */
  private inner = false;

  /** The attributes as read (name to value) until an edit needs them as written (`attrs`). */
  private values: Record<string, string> | undefined;
  private listed: XmlAttr[] | undefined;

  constructor(
    readonly name: string,
    attributes: Record<string, string> | XmlAttr[],
    private readonly written?: Written,
  ) {
    if (Array.isArray(attributes)) this.listed = attributes;
    else this.values = attributes;
  }

  /** An attribute's value; undefined when it has none. */
  attr(name: string): string | undefined {
    if (this.listed) return this.listed.find((a) => a.name === name)?.value;
    return Object.hasOwn(this.values as object, name) ? this.values?.[name] : undefined;
  }

  /**
   * The attributes in order, each as written: read from the open tag when first asked for (by
   * an edit), since most elements are never edited.
   */
  get attrs(): XmlAttr[] {
    if (this.listed) return this.listed;
    const values = this.values ?? {};
    let attrs: XmlAttr[] = [];
    if (this.written) {
      const { text, start, openEnd } = this.written;
      const tag = text.slice(start + 1 + this.name.length, openEnd);
      // A tag with no reference, apostrophe or line break writes each value as it reads, in
      // double quotes: taken from the values read, without reading the tag again.
      attrs = /[&'\t\n\r]/u.test(tag)
        ? [...tag.matchAll(ATTRIBUTE)].map((m) => ({
            name: m[1] as string,
            value: values[m[1] as string] ?? '',
            raw: m[2] ?? m[3] ?? '',
            quote: m[2] === undefined ? "'" : '"',
          }))
        : Object.entries(values).map(([name, value]) => ({ name, value, raw: value, quote: '"' }));
    }
    if (attrs.length !== Object.keys(values).length) throw new Error(`xml: the attributes of <${this.name}> not read`);
    this.listed = attrs;
    this.values = undefined;
    return attrs;
  }

  /**
   * An attribute set: in place when the element has it, else added first, last (the default),
   * or before the first of the named attributes it has (else last).
   */
  set(name: string, value: string, at: { first?: boolean; before?: readonly string[] } = {}): this {
    const attr: XmlAttr = { name, value, raw: escapeXml(value), quote: '"' };
    const i = this.attrs.findIndex((a) => a.name === name);
    if (i >= 0) {
      if (this.attrs[i]?.value === value) return this;
      this.attrs[i] = attr;
    } else if (at.first) this.attrs.unshift(attr);
    else {
      const j = this.attrs.findIndex((a) => at.before?.includes(a.name));
      this.attrs.splice(j < 0 ? this.attrs.length : j, 0, attr);
    }
    return this.tag();
  }

  /** An attribute removed, when the element has it. */
  unset(name: string): this {
    const i = this.attrs.findIndex((a) => a.name === name);
    if (i < 0) return this;
    this.attrs.splice(i, 1);
    return this.tag();
  }

  /** The attributes put in the given order, those not named after them as they were. */
  order(names: readonly string[]): this {
    const ranked = (a: XmlAttr) => {
      const i = names.indexOf(a.name);
      return i < 0 ? names.length : i;
    };
    const sorted = [...this.attrs].sort((a, b) => ranked(a) - ranked(b));
    if (sorted.every((a, i) => a === this.attrs[i])) return this;
    this.attrs.splice(0, this.attrs.length, ...sorted);
    return this.tag();
  }

  /** The element children, those named `name` only when given. */
  elements(name?: string): XmlElement[] {
    return this.children.filter(
      (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
    );
  }

  /** Every descendant element named `name`, in document order. */
  all(name: string): XmlElement[] {
    return this.collect([name]).get(name) ?? [];
  }

  /**
   * The descendants named by `names`, each name's in document order, found in one walk (a pass
   * that edits many kinds of element asks once, not once per kind).
   */
  collect(names: readonly string[]): Map<string, XmlElement[]> {
    const found = new Map(names.map((n) => [n, [] as XmlElement[]]));
    const walk = (el: XmlElement) => {
      for (const child of el.children) {
        if (typeof child === 'string') continue;
        found.get(child.name)?.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }

  /** Whether the element is still in its part (not taken out, nor inside an element taken out). */
  attached(): boolean {
    let el: XmlElement = this;
    while (el.parent) el = el.parent;
    return el.name === '#document';
  }

  /** The first descendant named `name`, or undefined. */
  first(name: string): XmlElement | undefined {
    for (const child of this.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) return child;
      const found = child.first(name);
      if (found) return found;
    }
    return undefined;
  }

  /** The one descendant named `name`; a PptxPassError naming it (as `what`) when there is not exactly one. */
  need(name: string, place: Place, what = `<${name}>`): XmlElement {
    const found = this.all(name);
    if (found.length !== 1) throw new PptxPassError(place.part, `exactly one ${what}, found ${found.length}`);
    return found[0] as XmlElement;
  }

  /** The children as written, or as changed. */
  inside(): string {
    const out: string[] = [];
    this.writeInside(out);
    return out.join('');
  }

  /** Nodes (`fragment` in read.ts) put among the children: at `index` (default: last). Returns the new elements. */
  insert(made: readonly XmlChild[], index = this.children.length): XmlElement[] {
    for (const child of made) if (typeof child !== 'string') child.parent = this;
    this.children.splice(index, 0, ...made);
    this.changed();
    return made.filter((c): c is XmlElement => typeof c !== 'string');
  }

  /** Nodes put just before this element. */
  before(made: readonly XmlChild[]): XmlElement[] {
    return this.parentOrThrow().insert(made, this.position());
  }

  /** Nodes put just after this element. */
  after(made: readonly XmlChild[]): XmlElement[] {
    return this.parentOrThrow().insert(made, this.position() + 1);
  }

  /** This element replaced by nodes. */
  replace(made: readonly XmlChild[]): XmlElement[] {
    const kept = this.before(made);
    this.remove();
    return kept;
  }

  /** This element taken out of its parent. */
  remove(): void {
    const parent = this.parentOrThrow();
    parent.children.splice(this.position(), 1);
    this.parent = undefined;
    parent.changed();
  }

  /** The children replaced by nodes. */
  fill(made: readonly XmlChild[]): XmlElement[] {
    this.children.splice(0, this.children.length);
    return this.insert(made);
  }

  toString(): string {
    const out: string[] = [];
    this.write(out);
    return out.join('');
  }

  /** The element written into `out`: as it was written where nothing changed. */
  private write(out: string[]): void {
    const w = this.written;
    if (w && !this.tagChanged && !this.inner) {
      out.push(w.text.slice(w.start, w.end));
      return;
    }
    const empty = this.children.length === 0;
    const open =
      w && !this.tagChanged && !(w.selfClosing && !empty)
        ? w.text.slice(w.start, w.openEnd)
        : `<${this.name}${this.attrs.map((a) => ` ${a.name}=${a.quote}${a.raw}${a.quote}`).join('')}${empty && (!w || w.selfClosing) ? '/>' : '>'}`;
    out.push(open);
    if (open.endsWith('/>')) return;
    this.writeInside(out);
    out.push(w && !w.selfClosing ? w.text.slice(w.closeStart, w.end) : `</${this.name}>`);
  }

  private writeInside(out: string[]): void {
    const w = this.written;
    if (w && !this.inner) out.push(w.text.slice(w.openEnd, w.closeStart));
    else for (const c of this.children) typeof c === 'string' ? out.push(c) : c.write(out);
  }

  private position(): number {
    return this.parentOrThrow().children.indexOf(this);
  }

  private parentOrThrow(): XmlElement {
    if (!this.parent) throw new Error(`xml: <${this.name}> has no parent`);
    return this.parent;
  }

  private tag(): this {
    this.tagChanged = true;
    this.parent?.changed();
    return this;
  }

  private changed(): void {
    for (let el: XmlElement | undefined = this; el && !el.inner; el = el.parent) el.inner = true;
  }
}

/** The elements of a part the pass edits, by name, found in one walk of it (XmlElement's collect). */
export type Found = (name: string) => XmlElement[];

/** The elements named by `names` under `root`, found in one walk. */
export function find(root: XmlElement, names: readonly string[]): Found {
  const found = root.collect(names);
  return (name) => {
    const list = found.get(name);
    if (!list) throw new Error(`slide pass: <${name}> was not looked for`);
    return list;
  };
}
