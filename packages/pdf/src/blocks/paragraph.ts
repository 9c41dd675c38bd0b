import { pieces } from '../draw.js';
import { SPACE } from '../styles.js';
import type { Handler } from './handler.js';

export const paragraph: Handler<'paragraph'> = (block, b, parent, { index }) => {
  b.lines(pieces(block.text), {
    node: parent.child('P'),
    gap: index === 0 ? 0 : SPACE.paragraph,
  });
};
