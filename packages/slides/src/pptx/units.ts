import { tokens } from '@briefing/content';
import { NAMED_FACES } from '../layout/faces.js';
import { currentMetrics } from '../layout/measure.js';

// PowerPoint measures the slide in inches (pptxgenjs's positions) and type in points; the
// deck plan measures both in the CSS pixels of the 1280×720 slide. CSS has 96 px to the inch
// and 72 pt to the inch, so the PPTX slide is 13.333 × 7.5 in and a 26 px line is 19.5 pt:
// every box and size below is the plan's own number, converted.

/** CSS px to inches. */
export const inch = (px: number) => px / 96;

/** CSS px to points (font sizes, line pitches, paragraph spacing). */
export const pt = (px: number) => Math.round(px * 0.75 * 100) / 100;

/** A design token colour as pptxgenjs wants it: six hex digits, no '#'. */
export const hex = (color: string) => color.replace(/^#/u, '').toUpperCase();

export const color = {
  ink: hex(tokens.color.ink),
  muted: hex(tokens.color.muted),
  accent: hex(tokens.color.accent),
  highlight: hex(tokens.color.highlight),
  paper: hex(tokens.color.paper),
  panel: hex(tokens.color.panel),
  rule: hex(tokens.color.rule),
  link: hex(tokens.color.link),
} as const;

/**
 * The faces a PPTX names (it cannot embed fonts): those of the set its plan was measured in
 * (faces.ts), read while the presentation is built (build.ts runs inside the plan's metrics).
 * A viewer without them gets its own substitute, chosen by the family's class (PANOSE and
 * pitch family, written by the package pass): a sans for the text, a serif for the headings.
 */
export const font = {
  get sans(): string {
    return NAMED_FACES[currentMetrics().faces].sans.family;
  },
  get serif(): string {
    return NAMED_FACES[currentMetrics().faces].serif.family;
  },
};
