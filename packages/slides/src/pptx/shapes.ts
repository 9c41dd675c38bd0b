import type { TextStyle } from '../layout/layout.js';
import type { Type } from './text.js';
import { color, font, inch, pt } from './units.js';

// What every part of the PPTX writer shares: a text box's position and type set from the
// plan's px (pptxgenjs itself and its types are in pptxgenjs.ts).

/**
 * The object name of a slide's heading. package.ts makes every shape of this name the slide's
 * title placeholder (pptxgenjs places a placeholder only where its layout puts it, and a
 * heading's height differs from slide to slide).
 */
export const TITLE_SHAPE = 'Slide title';
/** The object name of the kicker, written in capitals by package.ts (cap="all": the text stays as written). */
export const KICKER_SHAPE = 'Kicker';

/** A text box's position and size in inches from px, with no inner margins (the plan's boxes are the text's). */
export function box(x: number, y: number, w: number, h: number) {
  return { x: inch(x), y: inch(y), w: inch(w), h: inch(h), margin: 0 } as const;
}

/** Type and line pitch of a text style: exact line spacing, so a line is as tall as the plan measured it. */
export function paragraph(style: TextStyle) {
  return {
    fontSize: pt(style.fontSize),
    lineSpacing: pt(style.line),
    valign: 'top',
    // No autofit: a box that shrank its text on overflow would set one slide's text at
    // several sizes. The plan leaves room for a wider substitute instead (faces.ts, reserve),
    // so text that grows stays inside its box and cannot print over the next one.
  } as const;
}

export function bodyType(style: TextStyle, lang: string, textColor: string = color.ink): Type {
  return { fontFace: font.sans, fontSize: pt(style.fontSize), color: textColor, lang };
}
