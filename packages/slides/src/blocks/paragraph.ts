import { type Paragraph, plainText, toRuns } from '@briefing/content';
import { inlineMarkdown } from '../escape.js';
import { firstSentence, segmentsOf, styles, textHeight } from '../layout.js';
import { gap } from '../metrics.js';
import { pieces } from '../pack.js';
import type { BlockResult, Ctx } from './types.js';

/** A paragraph: its first sentence as a bullet (split if too tall), the whole text in the notes. */
export function paragraph(block: Paragraph, ctx: Ctx): BlockResult {
  const full = toRuns(block.text);
  const short = firstSentence(full);
  const group = ctx.group;
  return {
    units: pieces(short.runs, styles.bullet, [], gap.item, ctx.room).map((runs, i) => ({
      kind: 'ul',
      group,
      md: inlineMarkdown(runs),
      height: textHeight(segmentsOf(runs), styles.bullet, gap.item),
      notes: i === 0 ? [plainText(block.text)] : [],
    })),
  };
}
