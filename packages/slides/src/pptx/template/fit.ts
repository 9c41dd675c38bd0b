import { escapeXml } from '@briefing/content';
import { contentHeight, contentWidth, slide as geometry } from '../../layout/metrics.js';
import { color, inch } from '../units.js';
import type { Box } from './read.js';

// The deck's slides fitted into a template's body area. The plan lays a slide out at our
// slide's width (1280 px, the content box 1128 px inside its padding) and, on a template, at
// the height that gives its content box the body area's proportions (roomFor): a 4:3 body
// area is taller for its width than ours, so its plan has more lines a slide. The content box
// is then scaled into the body area at one scale for both directions, type included, so every
// line the plan measured is still a line and every box keeps its place relative to the others. Lengths are scaled where pptxgenjs writes them (positions, sizes,
// insets, indents, line widths, table grid, type sizes, spacing); the faces become the
// theme's (+mj-lt headings, +mn-lt text) and the design's colours the theme's scheme colours.

const EMU_PER_PX = inch(1) * 914400;

export interface Fit {
  scale: number;
  dx: number;
  dy: number;
}

/**
 * The smallest content height (px) a plan is laid out in, for a body area far wider than ours:
 * a chart with its caption and a table's header with a row still fit under a heading. Such a
 * plan is scaled to the area's height and sits at its left.
 */
const LEAST_ROOM = 360;

/**
 * The height (px) of the content box a plan for `frame` (EMU) lays out in: the body area's
 * proportions at our content width, to a tenth of a pixel, and at least LEAST_ROOM.
 */
export function roomFor(frame: Box): number {
  // A body area with no width or height has no proportions to take: our slide's room.
  if (!(frame.w > 0 && frame.h > 0)) return contentHeight;
  return Math.max(LEAST_ROOM, Math.round(((contentWidth * frame.h) / frame.w) * 10) / 10);
}

/**
 * The scale and offset that put the plan's content box (`room` px high, our slide's by
 * default) into `frame` (EMU), top left aligned.
 */
export function fitInto(frame: Box, room = contentHeight): Fit {
  const w = contentWidth * EMU_PER_PX;
  const h = room * EMU_PER_PX;
  const scale = Math.min(frame.w / w, frame.h / h);
  return {
    scale,
    dx: frame.x - geometry.padX * EMU_PER_PX * scale,
    dy: frame.y - geometry.padTop * EMU_PER_PX * scale,
  };
}

/** Attributes that hold a length (EMU) or a type size or spacing (hundredths of a point). */
const LENGTHS = /\b(cx|cy|w|h|marL|marR|marT|marB|indent|lIns|tIns|rIns|bIns|sz|spc)="(-?\d+)"/gu;

/**
 * A slide's or chart's lengths scaled and its shapes moved into the frame. The shape tree's
 * own group transform (all zeros) stays as it is.
 */
export function fitXml(xml: string, fit: Fit, move: boolean): string {
  const group =
    /<p:grpSpPr><a:xfrm><a:off x="0" y="0"\/><a:ext cx="0" cy="0"\/><a:chOff x="0" y="0"\/><a:chExt cx="0" cy="0"\/><\/a:xfrm><\/p:grpSpPr>/u;
  const kept = group.exec(xml)?.[0];
  const token = '\u0000group\u0000';
  let out = kept ? xml.replace(group, token) : xml;
  const s = (v: string) => String(Math.round(Number(v) * fit.scale));
  out = out.replace(
    LENGTHS,
    (_m, name: string, v: string) => `${name}="${name === 'sz' ? Math.max(100, Number(s(v))) : s(v)}"`,
  );
  out = out.replace(/<a:spcPts val="(\d+)"\/>/gu, (_m, v: string) => `<a:spcPts val="${s(v)}"/>`);
  if (move)
    out = out.replace(
      /<a:off x="(-?\d+)" y="(-?\d+)"\/>/gu,
      (_m, x: string, y: string) =>
        `<a:off x="${Math.round(fit.dx + Number(x) * fit.scale)}" y="${Math.round(fit.dy + Number(y) * fit.scale)}"/>`,
    );
  return kept ? out.replace(token, kept) : out;
}

/** The design's colours as the theme's: headings accent 1, highlights accent 2, text and ground the theme's. */
const SCHEME: Record<string, string> = {
  [color.accent]: '<a:schemeClr val="accent1"/>',
  [color.highlight]: '<a:schemeClr val="accent2"/>',
  [color.ink]: '<a:schemeClr val="tx1"/>',
  [color.muted]: '<a:schemeClr val="tx1"><a:lumMod val="65000"/><a:lumOff val="35000"/></a:schemeClr>',
  [color.paper]: '<a:schemeClr val="bg1"/>',
  [color.panel]: '<a:schemeClr val="bg2"/>',
  [color.rule]: '<a:schemeClr val="bg2"><a:lumMod val="75000"/></a:schemeClr>',
  [color.link]: '<a:schemeClr val="hlink"/>',
};

/** The faces the deck's parts name: the set its plan was measured in (faces.ts NAMED_FACES). */
export interface DeckFaces {
  sans: { family: string };
  serif: { family: string };
}

/**
 * The deck's faces and the design's colours replaced by the theme's. The faces are passed in,
 * not read from `font`: the graft runs after the build, outside the plan's metrics, where
 * `font` names the HTML deck's faces and the office faces the parts name would stay.
 */
export function themed(xml: string, faces: DeckFaces): string {
  const face = (family: string) => new RegExp(`<a:latin typeface="${escapeXml(family)}"[^>]*/>`, 'gu');
  return xml
    .replace(face(faces.serif.family), '<a:latin typeface="+mj-lt"/>')
    .replace(face(faces.sans.family), '<a:latin typeface="+mn-lt"/>')
    .replace(/<a:srgbClr val="([0-9A-Fa-f]{6})"\/>/gu, (m, hex: string) => SCHEME[hex.toUpperCase()] ?? m);
}
