import { type Chart, chartAltText } from '@briefing/content';
import { chartCaption, chartFence, linkLabel } from '../chart.js';
import { headingHeight, SAFETY, styles, textHeight } from '../layout.js';
import { slideHeading, slideMarkdown } from '../markdown.js';
import { contentHeight } from '../metrics.js';
import type { PlannedSlide } from '../plan.js';
import type { BlockResult, Ctx } from './types.js';

/** A chart: a slide of its own, headed by its title, the plot sized to the room left by the caption. */
export function chart(block: Chart, ctx: Ctx): BlockResult {
  return { slides: [chartSlide(block, ctx.lang, ctx.section)] };
}

function chartSlide(chart: Chart, lang: string, section: string): PlannedSlide {
  const heading = chart.title;
  const captionHeight = textHeight(
    [{ text: `${chartCaption(chart, lang)} ${chart.source.url ? linkLabel(chart.source.url) : ''}` }],
    styles.small,
    14,
  );
  const height = Math.max(120, Math.min(400, contentHeight - headingHeight(heading) - captionHeight - SAFETY));
  const notes = [chartAltText(chart, lang)];
  return {
    kind: 'chart',
    section,
    markdown: slideMarkdown(
      ['_class: chart'],
      `${slideHeading(heading, 0)}\n\n${chartFence(chart, lang, height)}`,
      notes,
    ),
    notes,
  };
}
