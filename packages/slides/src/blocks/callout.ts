import { type Callout, plainText, toRuns } from '@briefing/content';
import { escapeMarkdown, inlineMarkdown } from '../escape.js';
import { firstSentence, type Segment, segmentsOf, styles, textHeight } from '../layout.js';
import { gap } from '../metrics.js';
import { pieces } from '../pack.js';
import type { BlockResult, Ctx } from './types.js';

/** A callout: a block quote with its bold title and first sentence; the whole text in the notes. */
export function callout(block: Callout, ctx: Ctx): BlockResult {
  const short = firstSentence(toRuns(block.text));
  const lead: Segment[] = block.title ? [{ text: block.title, bold: true }, { text: ' – ' }] : [];
  const parts = pieces(short.runs, styles.callout, lead, gap.para + 40, ctx.room);
  return {
    units: parts.map((runs, i) => ({
      kind: 'quote',
      group: ++ctx.group,
      md: (i === 0 && block.title ? `**${escapeMarkdown(block.title)}** – ` : '') + inlineMarkdown(runs),
      height: textHeight([...(i === 0 ? lead : []), ...segmentsOf(runs)], styles.callout, gap.para + 40),
      notes: i === 0 ? [(block.title ? `${block.title}: ` : '') + plainText(block.text)] : [],
    })),
  };
}
