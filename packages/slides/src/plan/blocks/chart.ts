import { type Chart, chartAltText } from '@briefing/content';
import { headingHeight, SAFETY, styles, textHeight } from '../../layout/layout.js';
import { roomHeight } from '../../layout/measure.js';
import { chartBox } from '../../layout/metrics.js';
import { chartCaption, linkLabel } from '../caption.js';
import { kicker } from '../kicker.js';
import type { DeckSlide } from '../plan.js';
import type { BlockResult, Ctx } from './types.js';

/** A chart: a slide of its own, headed by its point (default: its title), the plot sized to the room left by the caption. */
export function chart(block: Chart, ctx: Ctx): BlockResult {
  return { slides: [chartSlide(block, ctx)] };
}

function chartSlide(chart: Chart, ctx: Ctx): DeckSlide {
  const caption = textHeight(
    [{ text: `${chartCaption(chart, ctx.lang)} ${chart.source.url ? linkLabel(chart.source.url) : ''}` }],
    styles.small,
  );
  const captionHeight = caption + chartBox.captionGap;
  const heading = chart.point ?? chart.title;
  const room = roomHeight() - kicker.height - headingHeight(heading) - SAFETY;
  // The plot takes what the heading and the caption leave, up to its largest height: under a
  // heading of three lines with a long caption that is less than a plot would like, but a
  // smaller plot reads better than a caption printed over the footer.
  const plot = Math.max(0, Math.min(chartBox.maxHeight, room - captionHeight));
  return {
    kind: 'chart',
    section: ctx.section,
    kicker: ctx.kicker,
    heading,
    continued: false,
    elements: [{ type: 'chart', chart, plot, caption, height: plot + captionHeight, block: ctx.block }],
    notes: [chartAltText(chart, ctx.lang)],
    classes: ['chart'],
    fill: { used: plot + captionHeight, room },
  };
}
