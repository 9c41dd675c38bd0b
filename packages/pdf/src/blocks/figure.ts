import type { SourceRef } from '@briefing/content';
import type { Builder } from '../builder.js';
import { artifact, type Node, plain } from '../draw.js';
import { NEVER } from '../paginate.js';
import { C, S, SPACE } from '../styles.js';
import type { Piece } from '../text-layout.js';

/**
 * The heading of a figure or table ("Figure 1. Title"), with a rule above it as a printed
 * brief has, kept with what follows. `anchor` makes it a named destination.
 */
export function figureHeading(
  b: Builder,
  parent: Node,
  number: string,
  title: string,
  index: number,
  anchor?: { id: string },
): Node {
  const { g } = b;
  const node = parent.child('H3');
  b.lines([plain(number, S.h3), plain(title, S.h3)], {
    node,
    gap: (index === 0 ? 0 : SPACE.block + 4) + 10,
    inner: NEVER,
    anchor,
    label: (d, top) =>
      artifact(d.doc, () => {
        d.doc
          .rect(g.left, top - 9, g.width, 1.2)
          .fillColor(C.accent)
          .fill();
      }),
  });
  b.keepWithNext(NEVER);
  return node;
}

/** "Source: Publisher, “Title”." under a figure or table (the title links to its URL), ruled off below. */
export function sourceLine(b: Builder, parent: Node, src: SourceRef): Node {
  const { g } = b;
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
  const node = parent.child('P');
  const sourceUnits = b.lines(sourcePieces, { node, gap: 6, inner: NEVER });
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
  return node;
}
