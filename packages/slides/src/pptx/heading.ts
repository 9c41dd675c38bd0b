import { advance, countLines, FILL, styles } from '../layout/layout.js';
import { roomWidth } from '../layout/measure.js';
import { slide as geometry, headingRule, kickerStyle, lineHeight, size } from '../layout/metrics.js';
import type { Pres, Slide, TextProps } from './pptxgenjs.js';
import { box, KICKER_SHAPE, paragraph, TITLE_SHAPE } from './shapes.js';
import { collapse } from './text.js';
import { color, font, pt } from './units.js';

/**
 * The slide heading at `y` with the rule under it, as the theme's h2 draws them; returns
 * nothing (the plan's `headingHeight` is the room it takes).
 */
export function addHeading(
  pres: Pres,
  slide: Slide,
  heading: string,
  y: number,
  lang: string,
  planned?: readonly string[],
): void {
  const lines = planned?.length ?? countLines([{ text: heading }], styles.heading, true);
  slide.addText(headingRuns(heading, planned), {
    objectName: TITLE_SHAPE,
    ...box(geometry.padX, y, roomWidth(), lines * styles.heading.line),
    ...paragraph(styles.heading),
    fontFace: font.serif,
    bold: true,
    color: color.accent,
    lang,
  });
  slide.addShape(pres.ShapeType.rect, {
    ...box(geometry.padX, y + lines * styles.heading.line + headingRule.gap, roomWidth(), headingRule.width),
    fill: { color: color.rule },
    line: { type: 'none' },
  });
}

/**
 * The kicker: the section's number and title in small bold capitals, on one line, cut with an
 * ellipsis where it would pass the content width (the plan's room's) (the theme's `text-overflow: ellipsis`).
 */
export function addKicker(slide: Slide, text: string, y: number, lang: string): void {
  const spacing = kickerStyle.tracking * size.small;
  const width = (t: string) => advance(t.toLocaleUpperCase(lang), size.small, 'bold') + spacing * [...t].length;
  let shown = collapse(text).trim();
  if (width(shown) > roomWidth() * FILL) {
    const chars = [...shown];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi - 1) {
      const mid = (lo + hi) >> 1;
      if (width(`${chars.slice(0, mid).join('')}…`) <= roomWidth() * FILL) lo = mid;
      else hi = mid;
    }
    shown = `${chars.slice(0, lo).join('').trimEnd()}…`;
  }
  slide.addText(shown, {
    objectName: KICKER_SHAPE,
    ...box(geometry.padX, y, roomWidth(), size.small * lineHeight.body),
    fontFace: font.sans,
    fontSize: pt(size.small),
    lineSpacing: pt(size.small * lineHeight.body),
    bold: true,
    color: color.highlight,
    charSpacing: pt(spacing),
    valign: 'top',
    wrap: false,
    lang,
  });
}

/**
 * A heading's text broken where the plan broke it (a line break, <a:br/>, before each planned
 * line after the first), or as one run when the plan has no lines for it.
 */
export function headingRuns(heading: string, planned?: readonly string[]): string | TextProps[] {
  if (!planned || planned.length < 2) return collapse(heading);
  return planned.map((line, i) => ({ text: collapse(line), options: i > 0 ? { softBreakBefore: true } : {} }));
}
