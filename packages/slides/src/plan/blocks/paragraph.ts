import type { Paragraph } from '@briefing/content';
import { segmentsOf, styles, textHeight } from '../../layout/layout.js';
import { gap } from '../../layout/metrics.js';
import { onScreen } from '../screen.js';
import { pieces } from '../units.js';
import type { BlockResult, Ctx } from './types.js';

/** A paragraph: its on-screen line (or first sentence) as a bullet, split if too tall; the whole text in the notes. */
export function paragraph(block: Paragraph, ctx: Ctx): BlockResult {
  const shown = onScreen(block.text, block.onScreen);
  const group = ctx.group++;
  return {
    units: pieces(shown.runs, styles.bullet, [], gap.item, ctx.room).map((runs, i) => ({
      kind: 'bullet',
      block: ctx.block,
      group,
      runs,
      height: textHeight(segmentsOf(runs), styles.bullet, gap.item),
      notes: i === 0 ? shown.notes : [],
    })),
  };
}
