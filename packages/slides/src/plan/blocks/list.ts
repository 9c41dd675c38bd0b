import type { List } from '@briefing/content';
import { type Segment, segmentsOf, styles, textHeight } from '../../layout/layout.js';
import { gap } from '../../layout/metrics.js';
import { onScreen } from '../screen.js';
import { leadUnits, pieces, type Unit } from '../units.js';
import type { BlockResult, Ctx } from './types.js';

/**
 * A list: its intro's on-screen line kept with the first two items, each item's on-screen line
 * (or first sentence) as a bullet after its bold term; an item too tall for a slide continues
 * as a plain bullet. Whatever the screen leaves out of an item is in the notes.
 */
export function list(block: List, ctx: Ctx): BlockResult {
  const units: Unit[] = [];
  if (block.intro) {
    const intro = onScreen(block.intro, block.onScreen);
    // The intro stays with (up to) two items.
    units.push(...leadUnits(intro.runs, ctx, ctx.room / 2, intro.notes, Math.min(2, block.items.length)));
  }
  const group = ++ctx.group;
  block.items.forEach((item, index) => {
    const shown = onScreen(item.text, item.onScreen);
    const lead: Segment[] = item.term ? [{ text: item.term, bold: true }, { text: ' – ' }] : [];
    const parts = pieces(shown.runs, styles.bullet, lead, gap.item, ctx.room);
    parts.forEach((runs, i) => {
      const unit = {
        block: ctx.block,
        group: i === 0 ? group : ++ctx.group,
        runs,
        ...(i === 0 && item.term ? { term: item.term } : {}),
        height: textHeight([...(i === 0 ? lead : []), ...segmentsOf(runs)], styles.bullet, gap.item),
        notes: i === 0 && shown.notes.length > 0 ? [(item.term ? `${item.term}: ` : '') + shown.notes[0]] : [],
      };
      // An ordered item's first piece is numbered; its continuation is a plain bullet.
      units.push(
        i === 0 && block.ordered ? { kind: 'numbered', ...unit, number: index + 1 } : { kind: 'bullet', ...unit },
      );
    });
  });
  ctx.group++;
  return { units };
}
