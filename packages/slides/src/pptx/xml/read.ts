import { SaxesParser } from 'saxes';
import { PptxPassError } from '../pass.js';
import { type Place, type Written, type XmlChild, XmlElement } from './tree.js';

// XML read into the tree of tree.ts: a whole part (XmlPart), or a fragment to insert.

/** A part that is not well-formed: the pass's error, with the parser's reason (a template's reader words it as its own). */
export class MalformedXml extends PptxPassError {
  constructor(
    part: string,
    readonly reason: string,
  ) {
    super(part, `well-formed XML (${reason})`);
  }
}

/**
 * `text` parsed into children of a root (`#document` for a part); every element keeps where
 * it was written. A part that is not well-formed is an error naming the part.
 */
function parseInto(text: string, root: XmlElement, place: Place): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [root];
  const writes: Written[] = [];
  const cursor: number[] = [0];
  let start = 0;
  let error: Error | undefined;
  const between = (upTo: number) => {
    const from = cursor[cursor.length - 1] as number;
    if (upTo > from) (stack.at(-1) as XmlElement).children.push(text.slice(from, upTo));
  };
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentagstart', (tag) => {
    start = parser.position - tag.name.length - 2;
  });
  parser.on('opentag', (tag) => {
    if (error) return;
    if (text[start] !== '<' || !text.startsWith(tag.name, start + 1))
      throw new Error(`xml: <${tag.name}> not found where read`);
    between(start);
    const openEnd = parser.position;
    const written: Written = {
      text,
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
    };
    const el = new XmlElement(tag.name, tag.attributes as Record<string, string>, written);
    el.parent = stack.at(-1);
    el.parent?.children.push(el);
    stack.push(el);
    writes.push(written);
    cursor.push(openEnd);
  });
  parser.on('closetag', () => {
    if (error) return;
    const written = writes.pop() as Written;
    const end = parser.position;
    // A close tag is `</name` and `>`, with nothing but spaces between: its start is the last `</`.
    if (!written.selfClosing) written.closeStart = text.lastIndexOf('</', end - 1);
    between(written.closeStart);
    stack.pop();
    written.end = end;
    cursor.pop();
    cursor[cursor.length - 1] = end;
  });
  parser.write(text).close();
  if (error) throw new MalformedXml(place.part, error.message);
  between(text.length);
}

/** A part parsed: its root element is `root`, its declaration and anything around it kept as written. */
export class XmlPart {
  private readonly document = new XmlElement('#document', {});

  constructor(
    text: string,
    readonly place: Place,
  ) {
    parseInto(text, this.document, place);
  }

  get root(): XmlElement {
    const [root] = this.document.elements();
    if (!root) throw new PptxPassError(this.place.part, 'a root element');
    return root;
  }

  /** The part's text, every element nothing changed as it was written. */
  toString(): string {
    return this.document.inside();
  }
}

/** XML with no single root (elements, text between), parsed into nodes to insert (XmlElement's insert, before, after…). */
export function fragment(xml: string): XmlChild[] {
  const wrapper = new XmlElement('#fragment', {});
  parseInto(`<_>${xml}</_>`, wrapper, { part: 'an inserted fragment' });
  const [outer] = wrapper.elements();
  const children = outer ? outer.children.splice(0) : [];
  return children;
}
