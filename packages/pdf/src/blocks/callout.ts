import { addSpaceAfter, type Panel } from '../builder.js';
import { pieces, plain } from '../draw.js';
import { NEVER, SPLIT } from '../paginate.js';
import { C, S, SPACE } from '../styles.js';
import type { Handler } from './handler.js';
import { noWidows } from './list.js';

export const callout: Handler<'callout'> = (block, b, parent, { index }) => {
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
  noWidows(b, units);
  // The panel's bottom padding belongs to its last line, so the page breaker makes room for it.
  const last = units[units.length - 1]!;
  last.height += pad;
  addSpaceAfter(b, SPACE.block - SPACE.paragraph);
};
