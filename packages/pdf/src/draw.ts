import { type Report, type RichText, toRuns } from '@briefing/content';
import { normaliseText } from './coverage.js';
import type { PageGeometry } from './geometry.js';
import { FREE, NEVER, type SPLIT, type Unit, WIDOW } from './paginate.js';
import { C, leading, RUN_STYLES, type TextTone } from './styles.js';
import { type Line, type LinkTarget, type Measurer, type Piece, type Style, wrap } from './text-layout.js';

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

// ---------------------------------------------------------------------------------------
// Units: what the page breaker stacks, plus how to draw them.

export interface Panel {
  fill: string;
  /** A coloured bar: along the top (takeaways) or the left edge (callouts). */
  bar: { color: string; side: 'top' | 'left' };
  x: number;
  width: number;
  padTop: number;
  padBottom: number;
}

export interface DrawUnit extends Unit {
  draw(d: Drawer, top: number): void;
  panel?: Panel | undefined;
  /** Drawn above this unit when it starts a page (a table's header row, repeated). */
  repeat?: { height: number; draw(d: Drawer, top: number): void } | undefined;
}

export interface Drawer {
  doc: PDFDoc;
  g: PageGeometry;
  page: number;
  pages: number;
  /** Page index of each anchor (section ids): filled by pagination, read by the contents. */
  anchors: Map<string, number>;
  /** Link elements still open: ended before the page turns, so each refers to its own page. */
  openLinks: Set<LinkTracker>;
}

/** Collects units while walking the report. */
export class Builder {
  readonly units: DrawUnit[] = [];
  readonly anchorUnits = new Map<string, number>();
  figureCount = 0;
  tableCount = 0;
  constructor(
    readonly doc: PDFDoc,
    readonly m: Measurer,
    readonly g: PageGeometry,
    readonly report: Report,
    readonly root: Node,
  ) {}
  get lang() {
    return this.report.meta.lang;
  }
  /** How many more lines must stay with the heading above them. */
  private keepLines = 0;
  push(unit: DrawUnit): DrawUnit {
    if (this.keepLines > 0 && unit.height > 0) {
      this.keepLines--;
      if (this.keepLines > 0) unit.breakAfter = NEVER;
    }
    this.units.push(unit);
    return unit;
  }
  /** Keep the last unit (a heading's last line) with the next `lines` lines: no page break before them. */
  keepWithLines(lines = 2) {
    this.keepWithNext(NEVER);
    this.keepLines = lines;
  }
  /** Forbid a page break after the last unit (keep it with what follows). */
  keepWithNext(cost: typeof NEVER | typeof SPLIT = NEVER) {
    const last = this.units[this.units.length - 1];
    if (last) last.breakAfter = Math.max(last.breakAfter, cost) as DrawUnit['breakAfter'];
  }

  /** Wrapped text as one unit per line, tagged under `node`. */
  lines(
    pieces: Piece[],
    opts: {
      node: Node;
      x?: number;
      width?: number;
      gap?: number;
      lineHeight?: number;
      /** Cost of breaking inside this text (FREE for paragraphs, with widow/orphan control). */
      inner?: typeof FREE | typeof SPLIT | typeof NEVER;
      panel?: Panel | undefined;
      /** Draw something (a bullet, a number) beside the first line. */
      label?: ((d: Drawer, top: number, lineHeight: number) => void) | undefined;
      /** Named destination and outline entry at the first line. */
      anchor?: { id: string; outline?: string } | undefined;
    },
  ): DrawUnit[] {
    const x = opts.x ?? this.g.left;
    const width = opts.width ?? this.g.width;
    const lines = wrap(pieces, width, this.m);
    if (opts.anchor) this.anchorUnits.set(opts.anchor.id, this.units.length);
    const lineHeight = opts.lineHeight ?? Math.max(...pieces.map((p) => leading(p.style)));
    const inner = opts.inner ?? FREE;
    const out: DrawUnit[] = [];
    const links = new LinkTracker(opts.node);
    lines.forEach((line, i) => {
      const last = i === lines.length - 1;
      let breakAfter: DrawUnit['breakAfter'] = inner;
      if (inner === FREE && (i === 0 || i === lines.length - 2)) breakAfter = WIDOW;
      if (last) breakAfter = FREE;
      const unit: DrawUnit = {
        height: lineHeight,
        gap: i === 0 ? (opts.gap ?? 0) : 0,
        breakAfter,
        panel: opts.panel,
        draw: (d, top) => {
          if (i === 0 && opts.anchor) {
            d.doc.addNamedDestination(opts.anchor.id, 'XYZ', 0, Math.max(0, top - 18), null);
            if (opts.anchor.outline) {
              const item = d.doc.outline.addItem(opts.anchor.outline);
              // Jump to the heading itself rather than the top of its page.
              (item as unknown as { outlineData: Record<string, unknown> }).outlineData.Dest = new String(
                opts.anchor.id,
              );
            }
          }
          if (i === 0 && opts.label) opts.label(d, top, lineHeight);
          drawLine(d, line, x, top, lineHeight, opts.node, links);
          if (last) links.close(d);
        },
      };
      out.push(this.push(unit));
    });
    return out;
  }
}

/** One Link element per link run and page: created at its first fragment, ended at the next other fragment. */
export class LinkTracker {
  private open: { target: LinkTarget; elem: StructElem; page: number } | undefined;
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
    } else {
      links.close(d);
      const content = doc.markStructureContent(node.type);
      drawText(doc, f.text, f.style, x + f.x, y, f.width);
      doc.endMarkedContent();
      node.get().add(content);
    }
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
          text: normaliseText(run.text),
          style: styles.link,
          link: { kind: 'uri', href: run.href, label: `${run.text.trim()} (${run.href})` },
        }
      : { text: normaliseText(run.text), style: styles[run.emphasis ?? 'plain'] },
  );
}

export const plain = (text: string, style: Style, link?: LinkTarget): Piece => ({
  text: normaliseText(text),
  style,
  link,
});

/** Extra space before whatever comes next. */
export function addSpaceAfter(b: Builder, space: number) {
  b.units.push({ height: 0, gap: space, breakAfter: FREE, draw: () => {} });
}
