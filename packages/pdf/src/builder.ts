// Units: what the page breaker stacks, how to draw them, and the Builder that collects them
// while walking the report.
import type { Report } from '@briefing/content';
import { drawLine, LinkTracker, type Node, type PDFDoc } from './draw.js';
import type { PageGeometry } from './geometry.js';
import type { FloatRange } from './pages.js';
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
  /** The page (0-based) each unit, by its index in `Builder.units`, is set on. */
  pageOf(unit: number): number;
}

/**
 * What the page layout does beyond first fit, each of which a test switches off once to show
 * that its check fails without it: widows, orphans and headings kept (`keep`), tables and
 * figures floated (`floats`), pages filled by total fit (`fill`), a table split with two rows
 * a side and its caption continued (`tables`), the composed cover (`cover`).
 */
export interface Features {
  keep: boolean;
  floats: boolean;
  fill: boolean;
  tables: boolean;
  cover: boolean;
}
export const ALL_FEATURES: Readonly<Features> = { keep: true, floats: true, fill: true, tables: true, cover: true };

/**
 * A table or figure that may move to the top of a later page. `claim` makes its structure
 * elements where it stands in the report, before the text after it is drawn, wherever the
 * float itself is drawn: the tree keeps the report's reading order. `topOf` gives the top of
 * each of its units on the page it will be drawn on.
 */
export interface FloatGroup extends FloatRange {
  claim: (topOf: (unit: number) => number) => void;
}

/** Collects units while walking the report. */
export class Builder {
  readonly units: DrawUnit[] = [];
  readonly anchorUnits = new Map<string, number>();
  readonly floats: FloatGroup[] = [];
  figureCount = 0;
  tableCount = 0;
  /** First unit of the float being built, or -1. */
  private floatStart = -1;
  constructor(
    readonly doc: PDFDoc,
    readonly m: Measurer,
    readonly g: PageGeometry,
    readonly report: Report,
    readonly root: Node,
    readonly features: Readonly<Features> = ALL_FEATURES,
  ) {}
  /** Start a table or figure that may float: the units pushed until `endFloat` move together. */
  beginFloat() {
    this.floatStart = this.units.length;
  }
  /**
   * End the float: its units are set together, here or at the top of a later page. One taller
   * than a page (a long table) stays in the text and breaks across pages as its units allow.
   */
  /** Height of the float's units so far, set together at the top of a page (its first gap dropped). */
  floatHeight(): number {
    const start = this.floatStart;
    let height = 0;
    for (let u = start; u < this.units.length; u++)
      height += (u === start ? 0 : this.units[u]!.gap) + this.units[u]!.height;
    return height;
  }
  endFloat(claim: FloatGroup['claim']): boolean {
    const height = this.floatHeight();
    const start = this.floatStart;
    this.floatStart = -1;
    const end = this.units.length;
    if (!this.features.floats) return false;
    // Too tall for a page with what is kept above it (a section's heading) it stays in the text.
    if (height + this.keptAbove(start) > this.g.bottom - this.g.top) {
      this.pinFloatsBefore(start);
      this.keepOff(start);
      return false;
    }
    for (let u = start; u < end - 1; u++) this.units[u]!.breakAfter = NEVER;
    this.floats.push({ start, end, claim });
    return true;
  }
  /**
   * A table or figure too tall to float stays in the text, and the page breaker keeps only the
   * floats' order among themselves: one still waiting could be set after it, so "Table 2" would
   * come before "Table 1". The floats that may still wait when it starts (those after the
   * second section start before it: a float may wait past one) stay where they stand instead.
   */
  private pinFloatsBefore(start: number) {
    let barriers = 0;
    let from = 0;
    for (let u = start - 1; u >= 0; u--) {
      if (this.units[u]!.barrier && ++barriers === 2) {
        from = u;
        break;
      }
    }
    // Unclaimed, its structure is made as it is drawn, in the text's order (as a table too tall to float).
    while (this.floats.length > 0 && this.floats[this.floats.length - 1]!.start >= from)
      this.keepOff(this.floats.pop()!.start);
  }
  get lang() {
    return this.report.meta.lang;
  }
  /** How many more lines must stay with the heading above them. */
  private keepLines = 0;
  /** Lines kept with a heading (the break after them NEVER) by `keepLines`, not by their own rule. */
  private readonly keptByLines = new Set<DrawUnit>();
  /**
   * A table or figure that stays in the text is set whole: the lines before it kept NEVER
   * with a heading (`keepLines`) would chain heading and figure into a run taller than a page
   * that must break at some NEVER, and the figure's own heading would be stranded as readily
   * as the section's. The break before the figure costs a widow instead.
   */
  private keepOff(start: number) {
    const before = this.units[start - 1];
    if (before && this.keptByLines.has(before) && before.breakAfter === NEVER) before.breakAfter = WIDOW;
  }
  /**
   * Space added above the next unit pushed (under a section's heading, its first block's):
   * added as it is pushed, so a table or figure measuring itself counts it.
   */
  nextGap = 0;
  push(unit: DrawUnit): DrawUnit {
    unit.gap += this.nextGap;
    this.nextGap = 0;
    if (!this.features.keep && unit.breakAfter === WIDOW) unit.breakAfter = FREE;
    // A float may move away: the lines kept with a heading are those of the text.
    if (this.keepLines > 0 && unit.height > 0 && this.floatStart < 0) {
      this.keepLines--;
      if (this.keepLines > 0) {
        unit.breakAfter = NEVER;
        this.keptByLines.add(unit);
      }
    }
    this.units.push(unit);
    return unit;
  }
  /** Keep the last unit (a heading's last line) with the next `lines` lines: no page break before them. */
  keepWithLines(lines = 2) {
    if (!this.features.keep) return;
    this.keepWithNext(NEVER);
    this.keepLines = lines;
  }
  /**
   * Height of what is kept above unit `start` (the heading, and lede lines kept with it, of a
   * section that a table or figure opens): the run of units before it that each end in a NEVER
   * break, with the gaps between them and down to `start`; the run's own first gap dropped, as
   * at the top of a page. 0 when the unit before `start` may end a page.
   */
  keptAbove(start: number): number {
    let top = start;
    while (top > 0 && this.units[top - 1]!.breakAfter === NEVER) top--;
    if (top === start) return 0;
    let height = this.units[start]?.gap ?? 0;
    for (let u = top; u < start; u++) height += this.units[u]!.height + (u > top ? this.units[u]!.gap : 0);
    return height;
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
