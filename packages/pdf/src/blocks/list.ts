import { itemLead } from '@briefing/content';
import type { Builder, DrawUnit, Panel } from '../builder.js';
import { baseline, drawText, type Node, pieces, plain } from '../draw.js';
import { type Cost, NEVER, SPLIT, WIDOW } from '../paginate.js';
import { S, SPACE } from '../styles.js';
import { type Line, type Piece, wrap } from '../text-layout.js';
import type { Handler } from './handler.js';

export const list: Handler<'list'> = (block, b, parent, { index }) => {
  const gap = index === 0 ? 0 : SPACE.paragraph;
  if (block.intro) {
    b.lines(pieces(block.intro), { node: parent.child('P'), gap });
    b.keepWithLines(2);
  }
  const L = parent.child('L', {});
  const terms = block.items.map((item) => (item.term ? [plain(`${item.term}: `, S.bodyBold)] : []));
  listItems(
    b,
    L,
    block.items.map((item, i) => [...terms[i]!, ...pieces(item.text)]),
    { ordered: block.ordered ?? false, gap: block.intro ? SPACE.item : gap, leads: block.items.map(itemLead) },
  );
};

export function listItems(
  b: Builder,
  L: Node,
  items: Piece[][],
  opts: {
    ordered: boolean;
    gap: number;
    x?: number;
    width?: number;
    panel?: Panel | undefined;
    /** A named destination for each item (the sources list: `briefing.pdf#<source-id>`). */
    anchors?: string[];
    /** A second paragraph for each item, on its own line under the first (a source's note). */
    after?: (Piece[] | undefined)[];
    /**
     * Each item's lead (its term, or its first words: content's `itemLead`): an item that
     * splits keeps it whole, with a line after it.
     */
    leads?: string[];
  },
) {
  const x = opts.x ?? b.g.left;
  const width = opts.width ?? b.g.width;
  const indent = opts.ordered ? 20 : 15;
  items.forEach((item, i) => {
    const LI = L.child('LI');
    const label = opts.ordered ? `${i + 1}.` : '•';
    const lbl = LI.child('Lbl');
    const body = LI.child('LBody');
    const lines = b.lines(item, {
      node: body,
      x: x + indent,
      width: width - indent,
      gap: i === 0 ? opts.gap : SPACE.item,
      inner: SPLIT,
      panel: opts.panel,
      anchor: opts.anchors?.[i] ? { id: opts.anchors[i] } : undefined,
      label: (d, top, lh) => {
        const style = opts.ordered ? S.tocNumber : S.bullet;
        const content = d.doc.markStructureContent('Lbl');
        drawText(d.doc, label, style, x, baseline(style, top, lh), b.m.string(style.face, style.size, label));
        d.doc.endMarkedContent();
        lbl.get().add(content);
      },
    });
    noWidows(b, lines);
    // The lead is how a reader (and `briefing check`) finds the item: never cut by a page turn.
    const lead = opts.leads?.[i];
    if (lead) {
      const leadLines = linesHolding(wrap(item, width - indent, b.m), lead.replace(/\s+/gu, '').length);
      for (let k = 0; k < Math.min(leadLines, lines.length - 1); k++) lines[k]!.breakAfter = NEVER;
    }
    const after = opts.after?.[i];
    if (after) {
      b.keepWithNext(SPLIT);
      b.lines(after, { node: body, x: x + indent, width: width - indent, gap: 2, inner: SPLIT, panel: opts.panel });
    }
  });
}

/** How many of `lines` it takes to draw their first `chars` characters other than spaces. */
function linesHolding(lines: readonly Line[], chars: number): number {
  let seen = 0;
  for (const [k, line] of lines.entries()) {
    for (const f of line.fragments) seen += f.text.replace(/\s+/gu, '').length;
    if (seen >= chars) return k + 1;
  }
  return lines.length;
}

/**
 * An item (or a callout) that must split leaves two lines or more on each page: no break
 * after its first line or before its last, as in a paragraph.
 */
export function noWidows(b: Builder, lines: DrawUnit[]) {
  if (!b.features.keep || lines.length < 2) return;
  for (const at of [0, lines.length - 2]) lines[at]!.breakAfter = Math.max(lines[at]!.breakAfter, WIDOW) as Cost;
}
