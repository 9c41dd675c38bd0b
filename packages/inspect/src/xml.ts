import { SaxesParser } from 'saxes';

// XML parts read strictly (saxes) into a small tree, and the walks the PPTX reader (pptx.ts)
// and its tests make over it.

/** An element of a parsed XML part: qualified name, attributes, children in order. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

/** Parse an XML part strictly; throws with the parser's message when it is not well-formed. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    stack.at(-1)?.children.push(text);
  });
  parser.write(xml).close();
  if (error) throw error;
  return root;
}

/** The element children of a node, its text left out. */
export const elements = (node: XmlNode) => node.children.filter((c): c is XmlNode => typeof c !== 'string');

/** Every descendant named `name`, in document order. */
export function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const child of elements(n)) {
      if (child.name === name) out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

export const first = (node: XmlNode, name: string): XmlNode | undefined => all(node, name)[0];

/** All the text under a node, joined. */
export const ownText = (node: XmlNode): string =>
  node.children.map((c) => (typeof c === 'string' ? c : ownText(c))).join('');

/** The text of DrawingML paragraphs under a node: runs and fields joined, a line break as a space, one line per paragraph. */
export function paragraphs(node: XmlNode): string[] {
  return all(node, 'a:p').map((p) => {
    let text = '';
    const walk = (n: XmlNode) => {
      for (const child of elements(n)) {
        if (child.name === 'a:t') text += ownText(child);
        else if (child.name === 'a:br') text += ' ';
        else walk(child);
      }
    };
    walk(p);
    return text;
  });
}
