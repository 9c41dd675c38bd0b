// Units: what the page breaker stacks, how to draw them, and the Builder that collects them
// while walking the report.
import type { Report } from '@briefing/content';
import { drawLine, LinkTracker, type Node, type PDFDoc } from './draw.js';
import type { PageGeometry } from './geometry.js';
import { FREE, NEVER, type SPLIT, type Unit, WIDOW } from './paginate.js';
import { leading } from './styles.js';
import { type Measurer, type Piece, wrap } from './text-layout.js';

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
      /**
       * At the first line: a named destination (`id`, which the contents and links open) and
       * a bookmark (`outline`). A bookmark without an id opens the line's place directly.
       */
      anchor?: { id?: string; outline?: string } | undefined;
    },
  ): DrawUnit[] {
    const x = opts.x ?? this.g.left;
    const width = opts.width ?? this.g.width;
    const lines = wrap(pieces, width, this.m);
    if (opts.anchor?.id) this.anchorUnits.set(opts.anchor.id, this.units.length);
    const lineHeight = opts.lineHeight ?? Math.max(...pieces.map((p) => leading(p.style)));
    const inner = opts.inner ?? FREE;
    const out: DrawUnit[] = [];
    const links = new LinkTracker(opts.node);
    lines.forEach((line, i) => {
      const last = i === lines.length - 1;
      let breakAfter: DrawUnit['breakAfter'] = inner;
      if (inner === FREE && (i === 0 || i === lines.length - 2)) breakAfter = WIDOW;
      if (last) breakAfter = FREE;
      // A word hyphenated at this line's end is not split across pages when it can be helped.
      if (line.hyphen && breakAfter < WIDOW) breakAfter = WIDOW;
      const unit: DrawUnit = {
        height: lineHeight,
        gap: i === 0 ? (opts.gap ?? 0) : 0,
        breakAfter,
        panel: opts.panel,
        draw: (d, top) => {
          if (i === 0 && opts.anchor) {
            const { id, outline } = opts.anchor;
            if (id) d.doc.addNamedDestination(id, 'XYZ', 0, Math.max(0, top - 18), null);
            if (outline) {
              const item = d.doc.outline.addItem(outline);
              // Jump to the heading itself rather than the top of its page: through its named
              // destination, or straight to its place (pdfkit's own target is the page's corner).
              const page = (d.doc as unknown as { page: { dictionary: unknown } }).page.dictionary;
              (item as unknown as { outlineData: Record<string, unknown> }).outlineData.Dest = id
                ? new String(id)
                : [page, 'XYZ', 0, d.g.pageHeight - Math.max(0, top - 18), null];
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

/** Extra space before whatever comes next. */
export function addSpaceAfter(b: Builder, space: number) {
  b.units.push({ height: 0, gap: space, breakAfter: FREE, draw: () => {} });
}
