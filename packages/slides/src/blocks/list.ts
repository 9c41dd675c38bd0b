import { type List, plainText, toRuns } from '@briefing/content';
import { escapeMarkdown, inlineMarkdown } from '../escape.js';
import { firstSentence, type Segment, segmentsOf, styles, textHeight } from '../layout.js';
import { gap } from '../metrics.js';
import { pieces, type Unit, type UnitKind } from '../pack.js';
import type { BlockResult, Ctx } from './types.js';

/**
 * A list: its intro (first sentence) kept with the first item, each item's first sentence as
 * a bullet with its bold term; an item too tall for a slide continues as a plain bullet.
 */
export function list(block: List, ctx: Ctx): BlockResult {
  const units: Unit[] = [];
  if (block.intro) {
    const intro = firstSentence(toRuns(block.intro));
    for (const runs of pieces(intro.runs, styles.body, [], gap.para, ctx.room / 2)) {
      units.push({
        kind: 'p',
        group: ctx.group++,
        md: inlineMarkdown(runs),
        height: textHeight(segmentsOf(runs), styles.body, gap.para),
        notes: intro.cut ? [plainText(block.intro)] : [],
        keepWithNext: true,
      });
    }
  }
  const group = ++ctx.group;
  const kind: UnitKind = block.ordered ? 'ol' : 'ul';
  block.items.forEach((item, index) => {
    const short = firstSentence(toRuns(item.text));
    const lead: Segment[] = item.term ? [{ text: item.term, bold: true }, { text: ' – ' }] : [];
    const parts = pieces(short.runs, styles.bullet, lead, gap.item, ctx.room);
    parts.forEach((runs, i) => {
      const md = (i === 0 && item.term ? `**${escapeMarkdown(item.term)}** – ` : '') + inlineMarkdown(runs);
      const note = [(item.term ? `${item.term}: ` : '') + plainText(item.text)];
      units.push({
        kind: i === 0 ? kind : 'ul',
        group: i === 0 ? group : ++ctx.group,
        md,
        ...(i === 0 && kind === 'ol' ? { number: index + 1 } : {}),
        height: textHeight([...(i === 0 ? lead : []), ...segmentsOf(runs)], styles.bullet, gap.item),
        notes: i === 0 && short.cut ? note : [],
      });
    });
  });
  ctx.group++;
  return { units };
}
