import {
  assertReport,
  type Block,
  type Callout,
  type Chart,
  chartAltText,
  formatDate,
  formatDatumShare,
  formatDatumValue,
  formatNumber,
  type List,
  numberedTitle,
  outline,
  type Paragraph,
  type Report,
  ReportValidationError,
  type RichText,
  type Section,
  tokens,
  toRuns,
} from '@briefing/content';
import PDFDocument from 'pdfkit';
import { normaliseText, unsupportedCharacters } from './coverage.js';
import { FACE_NAMES, type FaceName, faces } from './fonts.js';
import { geometry, type PageGeometry, type Paper } from './geometry.js';
import { FREE, NEVER, paginate, SPLIT, type Unit, WIDOW } from './paginate.js';
import { type Line, type LinkTarget, Measurer, type Piece, type Style, wrap } from './text-layout.js';

export interface PdfOptions {
  /** Paper size; A4 by default. */
  paper?: Paper;
  /**
   * Seconds since the epoch to stamp as the creation and modification date (the CLI passes
   * `SOURCE_DATE_EPOCH`). By default the report's `meta.date` at 00:00 UTC.
   */
  sourceDateEpoch?: number;
}

const { color: C, type: T } = tokens;

// ---------------------------------------------------------------------------------------
// Type styles: one object per style, so runs of the same style merge into one fragment.

const st = (face: FaceName, size: number, color: string): Style => ({ face, size, color });
const S = {
  body: st('serif', T.body, C.ink),
  bodyItalic: st('serifItalic', T.body, C.ink),
  bodyBold: st('serifBold', T.body, C.ink),
  bodyLink: st('serif', T.body, C.link),
  lead: st('serif', T.lead, C.muted),
  leadItalic: st('serifItalic', T.lead, C.muted),
  leadBold: st('serifBold', T.lead, C.muted),
  leadLink: st('serif', T.lead, C.link),
  title: st('serifBold', 24, C.accent),
  subtitle: st('sans', 12.5, C.muted),
  kicker: st('sansSemibold', T.small, C.highlight),
  meta: st('sans', 9, C.muted),
  metaStrong: st('sansSemibold', 9, C.ink),
  metaLink: st('sans', 9, C.link),
  h2: st('sansBold', T.h2, C.accent),
  h2Number: st('sansBold', T.h2, C.highlight),
  h3: st('sansSemibold', T.h3, C.accent),
  panelTitle: st('sansBold', T.lead, C.accent),
  toc: st('sans', 10, C.ink),
  tocNumber: st('sansSemibold', 10, C.highlight),
  tocPage: st('sans', 10, C.muted),
  label: st('sansSemibold', 9, C.ink),
  value: st('sans', 8.5, C.ink),
  share: st('sans', 8, C.muted),
  tick: st('sans', 7.5, C.muted),
  caption: st('sans', 8, C.muted),
  captionLink: st('sans', 8, C.link),
  running: st('sans', 8, C.muted),
  runningStrong: st('sansSemibold', 8, C.accent),
  sourceNote: st('serifItalic', T.body, C.muted),
  bullet: st('serifBold', T.body, C.highlight),
} as const;

type TextTone = 'body' | 'lead';
const RUN_STYLES: Record<TextTone, Record<'plain' | 'em' | 'strong' | 'link', Style>> = {
  body: { plain: S.body, em: S.bodyItalic, strong: S.bodyBold, link: S.bodyLink },
  lead: { plain: S.lead, em: S.leadItalic, strong: S.leadBold, link: S.leadLink },
};

/** Line height of a style: the type size plus the token line gap, scaled with the size. */
const leading = (style: Style, factor = 1.2) => style.size * factor + T.lineGap * (style.size / T.body);

/** Headings wrap tighter than text. */
const H2_LEADING = T.h2 * 1.3;

const SPACE = {
  paragraph: 7,
  block: 11,
  section: 30,
  headingAfter: 8,
  item: 5,
  panelPad: 13,
} as const;

// ---------------------------------------------------------------------------------------
// Structure: elements are created when their first content is drawn, so the tree follows
// the drawing order, which is the report order.

type PDFDoc = PDFKit.PDFDocument;
type StructElem = PDFKit.PDFStructureElement;

class Node {
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

interface Panel {
  fill: string;
  /** A coloured bar: along the top (takeaways) or the left edge (callouts). */
  bar: { color: string; side: 'top' | 'left' };
  x: number;
  width: number;
  padTop: number;
  padBottom: number;
}

interface DrawUnit extends Unit {
  draw(d: Drawer, top: number): void;
  panel?: Panel | undefined;
}

interface Drawer {
  doc: PDFDoc;
  g: PageGeometry;
  page: number;
  pages: number;
  /** Page index of each anchor (section ids): filled by pagination, read by the contents. */
  anchors: Map<string, number>;
}

/** Collects units while walking the report. */
class Builder {
  readonly units: DrawUnit[] = [];
  readonly anchorUnits = new Map<string, number>();
  figureCount = 0;
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
          if (last) links.close();
        },
      };
      out.push(this.push(unit));
    });
    return out;
  }
}

/** One Link element per link run and page: created at its first fragment, ended at the next other fragment. */
class LinkTracker {
  private open: { target: LinkTarget; elem: StructElem; page: number } | undefined;
  constructor(private readonly node: Node) {}
  for(d: Drawer, target: LinkTarget): StructElem {
    if (this.open && this.open.target === target && this.open.page === d.page) return this.open.elem;
    this.close();
    const elem = d.doc.struct('Link');
    this.node.get().add(elem);
    this.open = { target, elem, page: d.page };
    return elem;
  }
  close() {
    if (this.open) {
      this.open.elem.end();
      this.open = undefined;
    }
  }
}

/** Baseline of text of `style` centred in a line box of `lineHeight` starting at `top`. */
const baseline = (style: Style, top: number, lineHeight: number) =>
  top + (lineHeight - style.size) / 2 + 0.8 * style.size;

function drawText(doc: PDFDoc, text: string, style: Style, x: number, y: number, width: number) {
  doc
    .font(style.face)
    .fontSize(style.size)
    .fillColor(style.color)
    .text(text, x, y, { lineBreak: false, baseline: 'alphabetic', textWidth: width } as PDFKit.Mixins.TextOptions);
}

function drawLine(d: Drawer, line: Line, x: number, top: number, lineHeight: number, node: Node, links: LinkTracker) {
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
      links.close();
      const content = doc.markStructureContent(node.type);
      drawText(doc, f.text, f.style, x + f.x, y, f.width);
      doc.endMarkedContent();
      node.get().add(content);
    }
  }
}

/** Decoration that is not content: rules, panels, underlines, running heads. */
function artifact(doc: PDFDoc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
  doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

// ---------------------------------------------------------------------------------------
// Inline text

function pieces(text: RichText, tone: TextTone = 'body'): Piece[] {
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

const plain = (text: string, style: Style, link?: LinkTarget): Piece => ({ text: normaliseText(text), style, link });

// ---------------------------------------------------------------------------------------
// Blocks: one handler per block type; a new type in the schema is a compile error here.

type Handler<B extends Block = Block> = (b: Builder, block: B, parent: Node, ctx: { index: number }) => void;

const paragraph: Handler<Paragraph> = (b, block, parent, { index }) => {
  b.lines(pieces(block.text), {
    node: parent.child('P'),
    gap: index === 0 ? 0 : SPACE.paragraph,
  });
};

const list: Handler<List> = (b, block, parent, { index }) => {
  const gap = index === 0 ? 0 : SPACE.paragraph;
  if (block.intro) {
    b.lines(pieces(block.intro), { node: parent.child('P'), gap });
    b.keepWithLines(2);
  }
  const L = parent.child('L', {});
  listItems(
    b,
    L,
    block.items.map((item) => [...(item.term ? [plain(`${item.term}: `, S.bodyBold)] : []), ...pieces(item.text)]),
    { ordered: block.ordered ?? false, gap: block.intro ? SPACE.item : gap },
  );
};

function listItems(
  b: Builder,
  L: Node,
  items: Piece[][],
  opts: { ordered: boolean; gap: number; x?: number; width?: number; panel?: Panel | undefined },
) {
  const x = opts.x ?? b.g.left;
  const width = opts.width ?? b.g.width;
  const indent = opts.ordered ? 20 : 15;
  items.forEach((item, i) => {
    const LI = L.child('LI');
    const label = opts.ordered ? `${i + 1}.` : '•';
    const lbl = LI.child('Lbl');
    const units = b.lines(item, {
      node: LI.child('LBody'),
      x: x + indent,
      width: width - indent,
      gap: i === 0 ? opts.gap : SPACE.item,
      inner: SPLIT,
      panel: opts.panel,
      label: (d, top, lh) => {
        const style = opts.ordered ? S.tocNumber : S.bullet;
        const content = d.doc.markStructureContent('Lbl');
        drawText(d.doc, label, style, x, baseline(style, top, lh), b.m.string(style.face, style.size, label));
        d.doc.endMarkedContent();
        lbl.get().add(content);
      },
    });
    void units;
  });
}

const callout: Handler<Callout> = (b, block, parent, { index }) => {
  const barColor = { key: C.accent, warning: C.highlight, note: C.muted }[block.tone];
  const pad = SPACE.panelPad;
  const panel: Panel = {
    fill: C.panel,
    bar: { color: barColor, side: 'left' },
    x: b.g.left,
    width: b.g.width,
    padTop: pad,
    padBottom: pad,
  };
  const div = parent.child('Div');
  const inner = { x: b.g.left + pad + 4, width: b.g.width - 2 * pad - 4 };
  const gap = (index === 0 ? 0 : SPACE.block) + pad;
  if (block.title) {
    b.lines([plain(block.title, S.h3)], { node: div.child('H3'), ...inner, gap, inner: NEVER, panel });
    b.keepWithLines(2);
  }
  const units = b.lines(pieces(block.text), {
    node: div.child('P'),
    ...inner,
    gap: block.title ? 4 : gap,
    inner: SPLIT,
    panel,
  });
  // The panel's bottom padding belongs to its last line, so the page breaker makes room for it.
  const last = units[units.length - 1]!;
  last.height += pad;
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
};

/** Extra space before whatever comes next. */
function addSpaceAfter(b: Builder, space: number) {
  b.units.push({ height: 0, gap: space, breakAfter: FREE, draw: () => {} });
}

/** A round step for chart ticks: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((s) => s * power).find((s) => s >= raw) ?? raw;
}

const chart: Handler<Chart> = (b, block, parent, { index }) => {
  const { g, m, lang } = b;
  b.figureCount++;
  const anchor = { id: block.id };
  b.lines([plain(`Figure ${b.figureCount}. `, S.h3), plain(block.title, S.h3)], {
    node: parent.child('H3'),
    gap: (index === 0 ? 0 : SPACE.block + 4) + 10,
    inner: NEVER,
    anchor,
    // A rule above the figure, as the figures of a printed brief have.
    label: (d, top) =>
      artifact(d.doc, () => {
        d.doc
          .rect(g.left, top - 9, g.width, 1.2)
          .fillColor(C.accent)
          .fill();
      }),
  });
  b.keepWithNext(NEVER);
  const unitCaption = `${block.unit[0]!.toUpperCase()}${block.unit.slice(1)}, as of ${formatDate(block.asOf, lang)}`;
  b.lines([plain(unitCaption, S.caption)], { node: parent.child('P'), gap: 1, inner: NEVER });
  b.keepWithNext(NEVER);

  // Geometry of the bars: labels | bars | values.
  const labels = block.data.map((d) => normaliseText(d.label));
  const values = block.data.map((d) => normaliseText(formatDatumValue(d, block, lang)));
  const shares = block.data.map((d) => {
    const s = formatDatumShare(d, lang);
    return s ? normaliseText(s) : undefined;
  });
  const labelWidth = Math.min(g.width * 0.3, Math.max(...labels.map((l) => m.string(S.label.face, S.label.size, l))));
  const valueWidth = Math.max(
    ...values.map((v) => m.string(S.value.face, S.value.size, v)),
    ...shares.map((s) => (s ? m.string(S.share.face, S.share.size, s) : 0)),
  );
  const labelCol = labelWidth + 10;
  const barMax = Math.max(60, g.width - labelCol - valueWidth - 8);
  const maxValue = Math.max(...block.data.map((d) => d.value), 1);
  const step = niceStep(maxValue, 4);
  const axisMax = Math.ceil(maxValue / step) * step;
  const rowHeight = 38;
  const barHeight = 18;
  const axisHeight = 16;
  const labelLines = labels.map((l) => wrap([plain(l, S.label)], labelWidth, m));
  const figureHeight = 8 + rowHeight * block.data.length + axisHeight;
  const alt = chartAltText(block, lang);

  b.push({
    height: figureHeight,
    gap: 4,
    breakAfter: NEVER,
    draw: (d, top) => {
      const { doc } = d;
      const x0 = g.left + labelCol;
      const scale = barMax / axisMax;
      const figure = parent.child('Figure', {
        alt,
        bbox: [g.left, top, g.left + g.width, top + figureHeight],
      } as PDFKit.Mixins.StructureElementOptions);
      const content = doc.markStructureContent('Figure');
      // Grid and ticks.
      const gridTop = top + 4;
      const gridBottom = top + 8 + rowHeight * block.data.length;
      for (let v = 0; v <= axisMax + 1e-9; v += step) {
        const x = x0 + v * scale;
        doc
          .moveTo(x, gridTop)
          .lineTo(x, gridBottom)
          .lineWidth(v === 0 ? 0.8 : 0.4)
          .strokeColor(v === 0 ? C.muted : C.rule)
          .stroke();
        const label = formatNumber(v, lang);
        const w = m.string(S.tick.face, S.tick.size, label);
        drawText(doc, label, S.tick, x - w / 2, gridBottom + 10, w);
      }
      block.data.forEach((datum, i) => {
        const rowTop = top + 8 + i * rowHeight;
        const barTop = rowTop + 3;
        const barWidth = Math.max(1, datum.value * scale);
        doc.rect(x0, barTop, barWidth, barHeight).fillColor(C.accent).fill();
        // Label, vertically centred on the bar.
        const ll = labelLines[i]!;
        const lh = leading(S.label, 1.1);
        let ly = barTop + barHeight / 2 - (ll.length * lh) / 2;
        for (const line of ll) {
          for (const f of line.fragments) {
            drawText(doc, f.text, f.style, g.left + labelWidth - line.width + f.x, baseline(S.label, ly, lh), f.width);
          }
          ly += lh;
        }
        const vx = x0 + barWidth + 6;
        // Keep the grid out from under the figures.
        const vw = Math.max(
          m.string(S.value.face, S.value.size, values[i]!),
          shares[i] ? m.string(S.share.face, S.share.size, shares[i]!) : 0,
        );
        doc
          .rect(vx - 2, barTop - 1, vw + 4, barHeight + 8)
          .fillColor(C.paper)
          .fill();
        drawText(doc, values[i]!, S.value, vx, barTop + 8, m.string(S.value.face, S.value.size, values[i]!));
        const share = shares[i];
        if (share) drawText(doc, share, S.share, vx, barTop + 18.5, m.string(S.share.face, S.share.size, share));
      });
      doc.endMarkedContent();
      figure.get().add(content);
    },
  });
  const src = block.source;
  const sourcePieces: Piece[] = [plain('Source: ', S.caption), plain(src.publisher, S.caption)];
  if (src.title) {
    sourcePieces.push(plain(', ', S.caption));
    const title = `“${src.title}”`;
    sourcePieces.push(
      src.url
        ? plain(title, S.captionLink, { kind: 'uri', href: src.url, label: `${src.title} (${src.url})` })
        : plain(title, S.caption),
    );
  }
  sourcePieces.push(plain('.', S.caption));
  const sourceUnits = b.lines(sourcePieces, { node: parent.child('P'), gap: 6, inner: NEVER });
  const lastSource = sourceUnits[sourceUnits.length - 1]!;
  const drawSource = lastSource.draw;
  lastSource.height += 7;
  lastSource.draw = (d, top) => {
    drawSource(d, top);
    artifact(d.doc, () => {
      const y = top + lastSource.height - 0.5;
      d.doc.moveTo(g.left, y).lineTo(g.right, y).lineWidth(0.5).strokeColor(C.rule).stroke();
    });
  };
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
};

const handlers = { paragraph, list, chart, callout } satisfies Record<Block['type'], Handler<never>>;

function block(b: Builder, blk: Block, parent: Node, index: number) {
  (handlers[blk.type] as Handler)(b, blk, parent, { index });
}

// ---------------------------------------------------------------------------------------
// Parts of the brief

function cover(b: Builder) {
  const { meta } = b.report;
  const { root, g, lang } = b;
  const date = formatDate(meta.date, lang);
  b.lines([plain(`${meta.organisation.name} · Policy briefing`.toUpperCase(), S.kicker)], {
    node: root.child('P'),
    inner: NEVER,
    label: (d, top) =>
      artifact(d.doc, () => {
        d.doc
          .rect(g.left, top - 14, 36, 3)
          .fillColor(C.highlight)
          .fill();
      }),
  });
  b.lines([plain(meta.title, S.title)], { node: root.child('H1'), gap: 12, inner: NEVER, lineHeight: 28.5 });
  if (meta.subtitle) b.lines([plain(meta.subtitle, S.subtitle)], { node: root.child('P'), gap: 10, inner: NEVER });
  const metaP = root.child('P');
  const people = meta.authors.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join('; ');
  b.lines(
    [
      plain(date, S.metaStrong),
      plain(` · ${meta.organisation.name}`, S.meta),
      ...(people ? [plain(` · ${people}`, S.meta)] : []),
    ],
    {
      node: metaP,
      gap: 20,
      inner: NEVER,
      label: (d, top) =>
        artifact(d.doc, () => {
          d.doc
            .moveTo(g.left, top - 9)
            .lineTo(g.left + g.width, top - 9)
            .lineWidth(0.6)
            .strokeColor(C.rule)
            .stroke();
        }),
    },
  );
  const based = meta.basedOn;
  const basedTitle = `“${based.title}”`;
  b.lines(
    [
      plain('Adapted from ', S.meta),
      based.url
        ? plain(basedTitle, S.metaLink, { kind: 'uri', href: based.url, label: `${based.title} (${based.url})` })
        : plain(basedTitle, S.meta),
      plain(`, ${based.publisher}, ${formatDate(based.published, lang)}`, S.meta),
    ],
    { node: root.child('P'), gap: 3, inner: NEVER },
  );
  if (meta.summary) b.lines(pieces(meta.summary, 'lead'), { node: root.child('P'), gap: 18 });

  // Key takeaways panel.
  const pad = SPACE.panelPad + 2;
  const panel: Panel = {
    fill: C.panel,
    bar: { color: C.highlight, side: 'top' },
    x: g.left,
    width: g.width,
    padTop: pad,
    padBottom: pad,
  };
  const sect = root.child('Sect');
  b.lines([plain('Key takeaways', S.panelTitle)], {
    node: sect.child('H2'),
    x: g.left + pad,
    width: g.width - 2 * pad,
    gap: 20 + pad,
    inner: NEVER,
    panel,
  });
  b.keepWithLines(2);
  const L = sect.child('L');
  listItems(
    b,
    L,
    b.report.takeaways.map((t) => pieces(t)),
    { ordered: false, gap: 6, x: g.left + pad, width: g.width - 2 * pad, panel },
  );
  b.units[b.units.length - 1]!.height += pad;
}

function contents(b: Builder) {
  const { root, g, m } = b;
  const sect = root.child('Sect');
  b.lines([plain('Contents', S.h2)], { node: sect.child('H2'), inner: NEVER, lineHeight: H2_LEADING });
  b.units[b.units.length - 1]!.newPage = true;
  b.keepWithLines(2);
  const toc = sect.child('TOC');
  const entries = [
    ...outline(b.report).map((e) => ({ id: e.id, label: `${e.label}. `, title: e.title })),
    { id: SOURCES_ID, label: '', title: 'Sources' },
  ];
  const numberCol = 24;
  const pageCol = 30;
  const lh = leading(S.toc, 1.25);
  entries.forEach((entry, i) => {
    // One TOCI per entry holding one Link: the number, the title and the page number are
    // its content, and one annotation covers the whole entry.
    const toci = toc.child('TOCI');
    const link = toci.child('Link');
    const label = `Go to ${entry.label}${entry.title}`;
    const lines = wrap([plain(entry.title, S.toc)], g.width - numberCol - pageCol, m);
    const mark = (d: Drawer, text: string, style: Style, x: number, top: number) => {
      const content = d.doc.markStructureContent('Link');
      drawText(d.doc, text, style, x, baseline(style, top, lh), m.string(style.face, style.size, text));
      d.doc.endMarkedContent();
      link.get().add(content);
    };
    let entryTop = 0;
    lines.forEach((line, j) => {
      const lastLine = j === lines.length - 1;
      b.push({
        height: lh,
        gap: j === 0 ? (i === 0 ? 12 : 5) : 0,
        breakAfter: lastLine ? FREE : NEVER,
        draw: (d, top) => {
          if (j === 0) {
            entryTop = top;
            if (entry.label) mark(d, entry.label, S.tocNumber, g.left, top);
          }
          for (const f of line.fragments) mark(d, f.text, f.style, g.left + numberCol + f.x, top);
          if (!lastLine) return;
          const page = `${(d.anchors.get(entry.id) ?? 0) + 1}`;
          const w = m.string(S.tocPage.face, S.tocPage.size, page);
          mark(d, page, S.tocPage, g.left + g.width - w, top);
          // Dotted leader from the title to the page number.
          const from = g.left + numberCol + line.width + 6;
          const to = g.left + g.width - w - 6;
          const y = baseline(S.toc, top, lh);
          if (to > from) {
            artifact(d.doc, () => {
              d.doc.moveTo(from, y).lineTo(to, y).lineWidth(0.7).dash(0.7, { space: 2.5 }).strokeColor(C.rule).stroke();
            });
          }
          d.doc.goTo(g.left, entryTop, g.width, top + lh - entryTop, entry.id, {
            Contents: new String(label),
            structParent: link.get(),
          } as unknown as PDFKit.Mixins.AnnotationOption);
          link.get().end();
        },
      });
    });
  });
}

/** Named destination of the sources list: not kebab-case, so it can never clash with a section id. */
export const SOURCES_ID = '_sources';

function section(b: Builder, entry: { id: string; label: string; title: string; section: Section }, first: boolean) {
  const { root } = b;
  const sect = root.child('Sect');
  const lh = H2_LEADING;
  b.lines([plain(`${entry.label}. `, S.h2Number), plain(entry.title, S.h2)], {
    node: sect.child('H2'),
    gap: first ? SPACE.section + 6 : SPACE.section,
    inner: NEVER,
    lineHeight: lh,
    anchor: { id: entry.id, outline: numberedTitle(entry) },
  });
  b.keepWithLines(2);
  const lede = entry.section.lede;
  if (lede) {
    b.lines(pieces(lede, 'lead'), { node: sect.child('P'), gap: SPACE.headingAfter - 2 });
  }
  entry.section.blocks.forEach((blk, i) => {
    if (i === 0) {
      const before = b.units.length;
      block(b, blk, sect, 0);
      const firstBlockUnit = b.units[before];
      if (firstBlockUnit) firstBlockUnit.gap += SPACE.headingAfter + (lede ? 2 : 0);
    } else block(b, blk, sect, i);
  });
}

function sources(b: Builder) {
  const { root, g, report, lang } = b;
  const sect = root.child('Sect');
  b.lines([plain('Sources', S.h2)], {
    node: sect.child('H2'),
    gap: SPACE.section,
    inner: NEVER,
    lineHeight: H2_LEADING,
    anchor: { id: SOURCES_ID },
  });
  b.keepWithLines(2);
  const L = sect.child('L');
  listItems(
    b,
    L,
    report.sources.map((s) => {
      const out: Piece[] = [
        plain(`${s.publisher}. `, S.body),
        plain(`${s.title}`, S.bodyItalic),
        plain(s.date ? `. ${formatDate(s.date, lang)}.` : '.', S.body),
      ];
      if (s.url) out.push(plain(' ', S.body), plain(s.url, S.bodyLink, { kind: 'uri', href: s.url, label: s.url }));
      if (s.note) out.push(plain(` ${s.note}`, S.sourceNote));
      return out;
    }),
    { ordered: true, gap: SPACE.headingAfter, x: g.left, width: g.width },
  );
}

// ---------------------------------------------------------------------------------------

const measurer = { current: undefined as Measurer | undefined };
const layoutCaches: Partial<Record<FaceName, object>> = {};

/** Render a report into a PDF briefing. Pure: no file I/O; validates the report first. */
export async function renderPdf(input: unknown, options: PdfOptions = {}): Promise<Uint8Array> {
  const report = assertReport(input);
  const unsupported = unsupportedCharacters(report);
  if (unsupported.length > 0) throw new ReportValidationError(unsupported);

  const fonts = faces();
  measurer.current ??= new Measurer(fonts);
  const m = measurer.current;
  const g = geometry(options.paper ?? 'a4');
  const { meta } = report;
  const date =
    options.sourceDateEpoch !== undefined
      ? new Date(options.sourceDateEpoch * 1000)
      : new Date(`${meta.date}T00:00:00Z`);

  const doc = new PDFDocument({
    size: [g.pageWidth, g.pageHeight],
    margins: { top: g.top, bottom: g.pageHeight - g.bottom, left: g.left, right: g.pageWidth - g.right },
    autoFirstPage: false,
    bufferPages: false,
    tagged: true,
    subset: 'PDF/UA',
    pdfVersion: '1.7',
    lang: meta.lang,
    displayTitle: true,
    // No default font: pdfkit would load the standard Helvetica. Every text names its face.
    font: null,
    info: {
      Title: meta.title,
      Author: meta.authors.length > 0 ? meta.authors.map((a) => a.name).join(', ') : meta.organisation.name,
      Subject: meta.subtitle ?? meta.summary ?? meta.title,
      Keywords: meta.keywords.join(', '),
      Creator: '@briefing/pdf',
      Producer: 'PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  for (const face of FACE_NAMES) {
    doc.registerFont(face, fonts[face] as unknown as string);
    // pdfkit shapes every word again for each document; its shaping results depend only on
    // the font and the text, so one cache per face serves every render in the process.
    const embedded = (doc.font(face) as unknown as { _font: { layoutCache?: object } })._font;
    layoutCaches[face] ??= Object.create(null) as object;
    embedded.layoutCache = layoutCaches[face];
  }

  const root = new Node(doc, 'Document', null);
  const b = new Builder(doc, m, g, report, root);
  cover(b);
  contents(b);
  outline(report).forEach((entry, i) => {
    section(b, entry, i === 0);
  });
  sources(b);

  // First section starts right after the contents (same page) unless it does not fit.
  const placements = paginate(b.units, g.bottom - g.top, g.coverBottom - g.coverTop);
  const pages = (placements[placements.length - 1]?.page ?? 0) + 1;
  const anchors = new Map<string, number>();
  for (const [id, index] of b.anchorUnits) anchors.set(id, placements[index]!.page);

  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const d: Drawer = { doc, g, page: -1, pages, anchors };
  let u = 0;
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    d.page = p;
    if (p > 0) runningHeadAndFoot(d, report);
    // Panel backgrounds first, under their text.
    const start = u;
    while (u < b.units.length && placements[u]!.page === p) u++;
    drawPanels(d, b.units, placements, start, u);
    const frameTop = p === 0 ? g.coverTop : g.top;
    for (let i = start; i < u; i++) b.units[i]!.draw(d, frameTop + placements[i]!.y);
  }
  doc.end();
  await done;
  const total = chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function drawPanels(d: Drawer, units: DrawUnit[], placements: { y: number }[], start: number, end: number) {
  const { doc, g } = d;
  let i = start;
  while (i < end) {
    const panel = units[i]!.panel;
    if (!panel) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < end && units[j + 1]!.panel === panel) j++;
    const frameTop = d.page === 0 ? g.coverTop : g.top;
    const top = frameTop + placements[i]!.y - panel.padTop;
    const bottom = frameTop + placements[j]!.y + units[j]!.height;
    artifact(doc, () => {
      doc
        .rect(panel.x, top, panel.width, bottom - top)
        .fillColor(panel.fill)
        .fill();
      if (panel.bar.side === 'top') doc.rect(panel.x, top, panel.width, 3).fillColor(panel.bar.color).fill();
      else
        doc
          .rect(panel.x, top, 3.5, bottom - top)
          .fillColor(panel.bar.color)
          .fill();
    });
    i = j + 1;
  }
}

function runningHeadAndFoot(d: Drawer, report: Report) {
  const { doc, g } = d;
  const { meta } = report;
  artifact(
    doc,
    () => {
      const headY = g.headBaseline;
      const title = normaliseText(meta.shortTitle);
      drawText(
        doc,
        title,
        S.runningStrong,
        g.left,
        headY,
        doc.font(S.runningStrong.face).fontSize(8).widthOfString(title),
      );
      const org = normaliseText(meta.organisation.name);
      const ow = doc.font(S.running.face).fontSize(8).widthOfString(org);
      drawText(doc, org, S.running, g.right - ow, headY, ow);
      doc
        .moveTo(g.left, headY + 7)
        .lineTo(g.right, headY + 7)
        .lineWidth(0.5)
        .strokeColor(C.rule)
        .stroke();
      const foot = `Page ${d.page + 1} of ${d.pages}`;
      const fw = doc.font(S.running.face).fontSize(8).widthOfString(foot);
      const footY = g.footBaseline;
      drawText(doc, foot, S.running, g.right - fw, footY, fw);
    },
    'Pagination',
  );
}
