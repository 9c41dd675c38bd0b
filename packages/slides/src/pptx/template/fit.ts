import { escapeXml } from '@briefing/content';
import type { Room } from '../../layout/faces.js';
import { contentHeight, contentWidth, slide as geometry } from '../../layout/metrics.js';
import { PptxPassError } from '../pass.js';
import { color, inch } from '../units.js';
import type { Box, Template } from './read.js';

// The deck's slides fitted into a template's body area. The plan is laid out for the body
// area at its real size (roomFor): its width and height in our px (1/96 in, the px our type
// sizes are set in), so the deck's type keeps its points on any template and a narrower area
// takes more lines, not smaller type. The content box then lands on the body area at scale 1:
// every shape moved, nothing resized. Only a body area smaller than LEAST (type would not fit a
// useful line) is laid out at LEAST's size and scaled down into it, at one scale for both
// directions, type included, so every line the plan measured is still a line and every box
// keeps its place relative to the others. Lengths are scaled where pptxgenjs writes them
// (positions, sizes, insets, indents, line widths, table grid, type sizes, spacing); the faces
// become the theme's (+mj-lt headings, +mn-lt text) and the design's colours the theme's
// scheme colours.

const EMU_PER_PX = inch(1) * 914400;

export interface Fit {
  scale: number;
  dx: number;
  dy: number;
}

/**
 * The smallest content box (px) a plan is laid out in: about forty characters of body text a
 * line (half our content width), and under a heading a chart with its caption, or a table's
 * header with a row. A body area smaller than this in either direction is laid out at this
 * size (its proportions kept) and scaled down into it.
 */
export const LEAST = { width: 560, height: 360 } as const;

/**
 * The room a plan on `template` lays out in: its body area's width and height in our px, and
 * its slide's height (the title slide is centred in it); for an area smaller than LEAST, all
 * three enlarged at one scale until the area reaches it.
 */
export function roomFor(template: Pick<Template, 'frame' | 'size'>): Room {
  const { frame, size } = template;
  // A body area with no width or height has no size to take: our slide's room.
  if (!(frame.w > 0 && frame.h > 0))
    return { width: contentWidth, height: contentHeight, slideHeight: geometry.height };
  const w = frame.w / EMU_PER_PX;
  const h = frame.h / EMU_PER_PX;
  const scale = Math.min(1, w / LEAST.width, h / LEAST.height);
  return { width: w / scale, height: h / scale, slideHeight: size.cy / EMU_PER_PX / scale };
}

/**
 * The scale and offset that put the plan's content box (`room`, our slide's by default) into
 * `frame` (EMU), top left aligned; 1 where the room is the frame's real size.
 */
export function fitInto(
  frame: Box,
  room: Pick<Room, 'width' | 'height'> = { width: contentWidth, height: contentHeight },
): Fit {
  const scale = Math.min(frame.w / (room.width * EMU_PER_PX), frame.h / (room.height * EMU_PER_PX));
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
 * own group transform (all zeros) stays as it is. Every shape's offset must be one this reads
 * (`<a:off x=".." y=".."/>`): one written otherwise (a new pptxgenjs) would stay where our
 * slide had it, so it is refused, naming the part (PptxPassError), as the package pass does.
 */
export function fitXml(part: string, xml: string, fit: Fit, move: boolean): string {
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
  if (move) {
    let moved = 0;
    out = out.replace(/<a:off x="(-?\d+)" y="(-?\d+)"\/>/gu, (_m, x: string, y: string) => {
      moved++;
      return `<a:off x="${Math.round(fit.dx + Number(x) * fit.scale)}" y="${Math.round(fit.dy + Number(y) * fit.scale)}"/>`;
    });
    const offsets = out.split('<a:off ').length - 1;
    if (moved !== offsets)
      throw new PptxPassError(
        part,
        `every shape's offset as <a:off x=".." y=".."/>, found ${offsets - moved} otherwise`,
      );
  }
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
 * The deck's faces (of runs and bullets) and the design's colours replaced by the theme's. The faces are passed in,
 * not read from `font`: the graft runs after the build, outside the plan's metrics, where
 * `font` names the HTML deck's faces and the office faces the parts name would stay.
 */
export function themed(part: string, xml: string, faces: DeckFaces): string {
  const face = (tag: string, family: string) => new RegExp(`<a:${tag} typeface="${escapeXml(family)}"[^>]*/>`, 'gu');
  const out = xml
    .replace(face('latin', faces.serif.family), '<a:latin typeface="+mj-lt"/>')
    .replace(face('latin', faces.sans.family), '<a:latin typeface="+mn-lt"/>')
    // The bullets are set in the text's face (slide-pass.ts): the theme's body face here.
    .replace(face('buFont', faces.sans.family), '<a:buFont typeface="+mn-lt"/>')
    .replace(/<a:srgbClr val="([0-9A-Fa-f]{6})"\/>/gu, (m, hex: string) => SCHEME[hex.toUpperCase()] ?? m);
  // A deck face left anywhere (a run or a bullet written otherwise than this reads) would be
  // drawn in our face, not the template's: refused, naming the part, as the package pass does.
  for (const family of [faces.serif.family, faces.sans.family])
    if (out.includes(`typeface="${escapeXml(family)}"`))
      throw new PptxPassError(
        part,
        `every face as <a:latin typeface=".."/> or <a:buFont typeface=".."/>, found "${family}" otherwise`,
      );
  return out;
}
