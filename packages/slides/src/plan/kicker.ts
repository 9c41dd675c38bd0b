import { kickerStyle, lineHeight, size } from '../layout/metrics.js';

/**
 * The kicker: one small line above a section slide's heading with the section's number and
 * title, so the heading itself can say the slide's point. Set in the small size, in capitals,
 * on one line (cut with an ellipsis when longer); `height` is what it takes from the slide.
 */
export const kicker = {
  size: size.small,
  gap: kickerStyle.gap,
  get height(): number {
    return Math.ceil(size.small * lineHeight.body) + this.gap;
  },
} as const;
