import { tokens } from '@briefing/content';
import type { FaceName } from './fonts.js';
import type { Style } from './text-layout.js';

export const { color: C, type: T } = tokens;

// ---------------------------------------------------------------------------------------
// Type styles: one object per style, so runs of the same style merge into one fragment.

export const st = (face: FaceName, size: number, color: string): Style => ({ face, size, color });
export const S = {
  body: st('serif', T.body, C.ink),
  bodyItalic: st('serifItalic', T.body, C.ink),
  bodyBold: st('serifBold', T.body, C.ink),
  bodyLink: st('serif', T.body, C.link),
  lead: st('serif', T.lead, C.muted),
  leadItalic: st('serifItalic', T.lead, C.muted),
  leadBold: st('serifBold', T.lead, C.muted),
  leadLink: st('serif', T.lead, C.link),
  title: st('serifBold', 24, C.accent),
  subtitle: st('sans', 12.5, C.muted),
  kicker: st('sansSemibold', T.small, C.highlight),
  meta: st('sans', 9, C.muted),
  metaStrong: st('sansSemibold', 9, C.ink),
  metaLink: st('sans', 9, C.link),
  h2: st('sansBold', T.h2, C.accent),
  h2Number: st('sansBold', T.h2, C.highlight),
  h3: st('sansSemibold', T.h3, C.accent),
  panelTitle: st('sansBold', T.lead, C.accent),
  toc: st('sans', 10, C.ink),
  tocNumber: st('sansSemibold', 10, C.highlight),
  tocPage: st('sans', 10, C.muted),
  label: st('sansSemibold', 9, C.ink),
  seriesTitle: st('sansSemibold', 8.5, C.accent),
  value: st('sans', 8.5, C.ink),
  share: st('sans', 8, C.muted),
  tick: st('sans', 7.5, C.muted),
  caption: st('sans', 8, C.muted),
  captionLink: st('sans', 8, C.link),
  running: st('sans', 8, C.muted),
  runningStrong: st('sansSemibold', 8, C.accent),
  sourceNote: st('serifItalic', T.body, C.muted),
  small: st('serif', T.small + 1, C.ink),
  smallItalic: st('serifItalic', T.small + 1, C.ink),
  smallBold: st('serifBold', T.small + 1, C.ink),
  smallLink: st('serif', T.small + 1, C.link),
  bullet: st('serifBold', T.body, C.highlight),
  cell: st('serif', T.body - 1, C.ink),
  cellItalic: st('serifItalic', T.body - 1, C.ink),
  cellBold: st('serifBold', T.body - 1, C.ink),
  cellLink: st('serif', T.body - 1, C.link),
  cellHeader: st('sansSemibold', 8.5, C.accent),
} as const;

export type TextTone = 'body' | 'lead' | 'cell' | 'small';
export const RUN_STYLES: Record<TextTone, Record<'plain' | 'em' | 'strong' | 'link', Style>> = {
  small: { plain: S.small, em: S.smallItalic, strong: S.smallBold, link: S.smallLink },
  body: { plain: S.body, em: S.bodyItalic, strong: S.bodyBold, link: S.bodyLink },
  lead: { plain: S.lead, em: S.leadItalic, strong: S.leadBold, link: S.leadLink },
  cell: { plain: S.cell, em: S.cellItalic, strong: S.cellBold, link: S.cellLink },
};

/** Line height of a style: the type size plus the token line gap, scaled with the size. */
export const leading = (style: Style, factor = 1.2) => style.size * factor + T.lineGap * (style.size / T.body);

/** Headings wrap tighter than text. */
export const H2_LEADING = T.h2 * 1.3;

export const SPACE = {
  paragraph: 7,
  block: 11,
  section: 30,
  headingAfter: 8,
  item: 5,
  panelPad: 13,
} as const;
