import { type Run, toRuns } from '@briefing/content';
import { countLines, segmentsOf, styles, type TextStyle, textHeight } from '../layout/layout.js';
import { roomHeight, roomWidth, slideHeight, titleRoom } from '../layout/measure.js';
import { divider, slide as geometry, lineHeight, size, titleSlide as space } from '../layout/metrics.js';
import type { DeckSlide, TitleParts } from '../plan/plan.js';
import { headingRuns } from './heading.js';
import type { Slide } from './pptxgenjs.js';
import { bodyType, box, paragraph, TITLE_SHAPE } from './shapes.js';
import { textRuns, trimmed } from './text.js';
import { color, font } from './units.js';

/**
 * The title slide: title, subtitle, byline and source, centred in the slide's height at the
 * plan's type scale (its classes: normal, `long` or `dense`), the title as the slide's title.
 */
export function titleSlide(slide: Slide, planned: DeckSlide, parts: TitleParts, lang: string): void {
  const dense = planned.classes.includes('dense');
  const long = planned.classes.includes('long');
  const titleSize = dense ? size.titleDense : long ? size.titleLong : size.title;
  const at = (fontSize: number, line: number): TextStyle => ({ fontSize, line: fontSize * line, width: roomWidth() });
  const title = at(titleSize, lineHeight.heading);
  const subtitle = at(dense ? size.leadDense : size.lead, lineHeight.body);
  const body = at(dense ? size.bodyDense : size.body, lineHeight.body);
  const small = at(dense ? size.smallDense : size.small, lineHeight.body);
  const byline = parts.byline.join(' · ');
  const titleAfter = dense ? space.dense.titleAfter : space.titleAfter;
  const subtitleAfter = dense ? space.dense.subtitleAfter : space.subtitleAfter;
  const blocks = [
    { runs: [{ type: 'text', text: parts.title }] as Run[], style: title, after: titleAfter, heading: true },
    ...(parts.subtitle
      ? [{ runs: toRuns(parts.subtitle), style: subtitle, after: subtitleAfter, heading: false, color: color.ink }]
      : []),
    { runs: toRuns(byline), style: body, after: space.bylineAfter, heading: false },
    { runs: parts.basedOn, style: small, after: 0, before: space.sourceBefore, heading: false },
  ];
  const heights = blocks.map((b) => (b.before ?? 0) + textHeight(segmentsOf(b.runs), b.style, 0, b.heading) + b.after);
  // The theme's padding of the title slide, equal above and below (titleRoom keeps some spare),
  // on the plan's slide (a template's is centred in its own height).
  const height = slideHeight();
  const pad = (height - titleRoom() - space.spare) / 2;
  const room = height - 2 * pad;
  let y = pad + Math.max(0, (room - heights.reduce((a, b) => a + b, 0)) / 2);
  blocks.forEach((b, i) => {
    y += b.before ?? 0;
    const h = textHeight(segmentsOf(b.runs), b.style, 0, b.heading);
    if (b.heading) {
      slide.addText(headingRuns(parts.title, planned.headingLines), {
        objectName: TITLE_SHAPE,
        ...box(geometry.padX, y, roomWidth(), h),
        ...paragraph(b.style),
        fontFace: font.serif,
        bold: true,
        color: color.accent,
        lang,
      });
    } else {
      const type = bodyType(b.style, lang, b.color ?? color.muted);
      slide.addText(trimmed(textRuns(b.runs, type)), {
        ...box(geometry.padX, y, roomWidth(), h),
        ...paragraph(b.style),
        objectName: i === blocks.length - 1 ? 'Source' : 'Byline',
      });
    }
    y += (heights[i] as number) - (b.before ?? 0);
  });
}

/** A divider: the section's numbered title in white on the accent colour under a short highlight bar, centred. */
export function dividerSlide(slide: Slide, planned: DeckSlide, lang: string): void {
  const long = planned.classes.includes('long');
  const style = long ? styles.heading : styles.divider;
  const lines = planned.headingLines?.length ?? countLines([{ text: planned.heading }], style, true);
  const bar = divider.barHeight + divider.barGap;
  const total = bar + lines * style.line;
  const room = roomHeight();
  const top = geometry.padTop + Math.max(0, (room - total) / 2);
  slide.addShape('rect', {
    ...box(geometry.padX, top, divider.barWidth, divider.barHeight),
    fill: { color: color.highlight },
    line: { type: 'none' },
  });
  slide.addText(headingRuns(planned.heading, planned.headingLines), {
    objectName: TITLE_SHAPE,
    ...box(geometry.padX, top + bar, roomWidth(), lines * style.line),
    ...paragraph(style),
    fontFace: font.serif,
    bold: true,
    color: color.paper,
    lang,
  });
}
