import { type RichText, toRuns } from '@briefing/content';
import type { Drawer } from './builder.js';
import { C, RUN_STYLES, type TextTone } from './styles.js';
import type { Fragment, Line, LinkTarget, Piece, Style } from './text-layout.js';

// ---------------------------------------------------------------------------------------
// Structure: elements are created when their first content is drawn, so the tree follows
// the drawing order, which is the report order.

export type PDFDoc = PDFKit.PDFDocument;
export type StructElem = PDFKit.PDFStructureElement;

export class Node {
  private elem: StructElem | undefined;
  constructor(
    private readonly doc: PDFDoc,
    readonly type: string,
    private readonly parent: Node | null,
    private readonly options: PDFKit.Mixins.StructureElementOptions = {},
  ) {}
  get(): StructElem {
    if (!this.elem) {
      this.elem = this.doc.struct(this.type, this.options);
      if (this.parent) this.parent.get().add(this.elem);
      else this.doc.addStructure(this.elem);
    }
    return this.elem;
  }
  child(type: string, options: PDFKit.Mixins.StructureElementOptions = {}): Node {
    return new Node(this.doc, type, this, options);
  }
}

/**
 * One Link element per link run and page: created at its first fragment, ended at the next
 * other fragment. It also carries, from one line to the next, the Span of a word hyphenated
 * across them.
 */
export class LinkTracker {
  private open: { target: LinkTarget; elem: StructElem; page: number } | undefined;
  /** The Span of a hyphenated word whose first piece is drawn and whose last is not yet. */
  word: StructElem | undefined;
  constructor(private readonly node: Node) {}
  for(d: Drawer, target: LinkTarget): StructElem {
    if (this.open && this.open.target === target && this.open.page === d.page) return this.open.elem;
    this.close(d);
    const elem = d.doc.struct('Link');
    this.node.get().add(elem);
    this.open = { target, elem, page: d.page };
    d.openLinks.add(this);
    return elem;
  }
  close(d: Drawer) {
    if (this.open) {
      this.open.elem.end();
      this.open = undefined;
    }
    d.openLinks.delete(this);
  }
}

/** Baseline of text of `style` centred in a line box of `lineHeight` starting at `top`. */
export const baseline = (style: Style, top: number, lineHeight: number) =>
  top + (lineHeight - style.size) / 2 + 0.8 * style.size;

export function drawText(doc: PDFDoc, text: string, style: Style, x: number, y: number, width: number) {
  doc
    .font(style.face)
    .fontSize(style.size)
    .fillColor(style.color)
    .text(text, x, y, { lineBreak: false, baseline: 'alphabetic', textWidth: width } as PDFKit.Mixins.TextOptions);
}

export function drawLine(
  d: Drawer,
  line: Line,
  x: number,
  top: number,
  lineHeight: number,
  node: Node,
  links: LinkTracker,
) {
  const { doc } = d;
  for (const f of line.fragments) {
    if (!f.text) continue;
    const y = baseline(f.style, top, lineHeight);
    if (f.link) {
      const elem = links.for(d, f.link);
      const content = doc.markStructureContent('Link');
      drawText(doc, f.text, f.style, x + f.x, y, f.width);
      doc.endMarkedContent();
      elem.add(content);
      // Underline: links in running text are not told by colour alone.
      if (f.style.color === C.link)
        artifact(doc, () => {
          const width = f.text.endsWith(' ') ? f.width - d.doc.widthOfString(' ') : f.width;
          doc
            .moveTo(x + f.x, y + 1.6)
            .lineTo(x + f.x + width, y + 1.6)
            .lineWidth(0.5)
            .strokeColor(f.style.color)
            .stroke();
        });
      const rect: [number, number, number, number] = [x + f.x, top, f.width, lineHeight];
      const options = {
        Contents: new String(f.link.label),
        structParent: elem,
      } as unknown as PDFKit.Mixins.AnnotationOption;
      if (f.link.kind === 'uri') doc.link(...rect, f.link.href, options);
      else doc.goTo(...rect, f.link.name, options);
    } else if (f.broken) {
      links.close(d);
      brokenWord(d, f, x, y, node, links);
    } else {
      links.close(d);
      const content = doc.markStructureContent(node.type);
      drawText(doc, f.text, f.style, x + f.x, y, f.width);
      doc.endMarkedContent();
      node.get().add(content);
    }
  }
  const hyphen = line.hyphen;
  if (hyphen) {
    artifact(doc, () => {
      drawText(doc, '-', hyphen.style, x + hyphen.x, baseline(hyphen.style, top, lineHeight), hyphen.width);
    });
  }
}

/**
 * A piece of a word hyphenated across lines. The pieces are the content of one Span whose
 * ActualText is the whole word, and the hyphen after the first is an artifact (drawLine), so
 * screen readers, copying and text extraction read "transnational", not "transna- tional".
 */
function brokenWord(d: Drawer, f: Fragment, x: number, y: number, node: Node, links: LinkTracker) {
  const { doc } = d;
  const broken = f.broken!;
  if (broken.first || !links.word) {
    links.word = doc.struct('Span', { actual: broken.word } as PDFKit.Mixins.StructureElementOptions);
    node.get().add(links.word);
  }
  const content = doc.markStructureContent('Span');
  drawText(doc, f.text, f.style, x + f.x, y, f.width);
  doc.endMarkedContent();
  links.word.add(content);
  if (broken.last) {
    links.word.end();
    links.word = undefined;
  }
}

/** Decoration that is not content: rules, panels, underlines, running heads. */
export function artifact(doc: PDFDoc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
  doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

// ---------------------------------------------------------------------------------------
// Inline text

export function pieces(text: RichText, tone: TextTone = 'body'): Piece[] {
  const styles = RUN_STYLES[tone];
  return toRuns(text).map((run) =>
    run.type === 'link'
      ? {
          text: run.text,
          style: styles.link,
          link: { kind: 'uri', href: run.href, label: `${run.text.trim()} (${run.href})` },
        }
      : { text: run.text, style: styles[run.emphasis ?? 'plain'], hyphenate: true },
  );
}

export const plain = (text: string, style: Style, link?: LinkTarget): Piece => ({
  text,
  style,
  link,
});
