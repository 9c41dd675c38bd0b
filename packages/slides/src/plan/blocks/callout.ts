import type { Callout } from '@briefing/content';
import { type Segment, segmentsOf, styles, textHeight } from '../../layout/layout.js';
import { callout as box, gap } from '../../layout/metrics.js';
import { onScreen } from '../screen.js';
import { pieces } from '../units.js';
import type { BlockResult, Ctx } from './types.js';

/** A callout: a panel with its bold title and on-screen line (or first sentence); the whole text in the notes. */
export function callout(block: Callout, ctx: Ctx): BlockResult {
  const shown = onScreen(block.text, block.onScreen);
  const lead: Segment[] = block.title ? [{ text: block.title, bold: true }, { text: ' – ' }] : [];
  const parts = pieces(shown.runs, styles.callout, lead, gap.para + box.box, ctx.room);
  const group = ++ctx.group;
  return {
    units: parts.map((runs, i) => ({
      kind: 'element',
      element: { type: 'callout', tone: block.tone, ...(i === 0 && block.title ? { title: block.title } : {}), runs },
      block: ctx.block,
      group,
      height: textHeight([...(i === 0 ? lead : []), ...segmentsOf(runs)], styles.callout, gap.para + box.box),
      notes: i === 0 && shown.notes.length > 0 ? [(block.title ? `${block.title}: ` : '') + shown.notes[0]] : [],
    })),
  };
}
