import type { Room } from '../../layout/faces.js';
import { contentHeight, contentWidth, slide as geometry } from '../../layout/metrics.js';
import { PptxPassError } from '../pass.js';
import { color, inch } from '../units.js';
import { fragment } from '../xml/read.js';
import type { Place, XmlElement } from '../xml/tree.js';
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
const LENGTHS = new Set([
  'cx',
  'cy',
  'w',
  'h',
  'marL',
  'marR',
  'marT',
  'marB',
  'indent',
  'lIns',
  'tIns',
  'rIns',
  'bIns',
  'sz',
  'spc',
]);

/**
 * A slide's or chart's lengths scaled and, with `move`, its shapes moved into the frame. The
 * shape tree's own group transform stays as it is. Every shape's offset must have its x and y:
 * one without would stay where our slide had it, so it is refused, naming the part
 * (PptxPassError), as the package pass does.
 */
export function fitXml(root: XmlElement, fit: Fit, move: boolean, place: Place): void {
  const s = (v: string) => Math.round(Number(v) * fit.scale);
  const own = root.first('p:spTree')?.elements('p:grpSpPr')[0];
  const walk = (el: XmlElement) => {
    for (const child of el.elements()) {
      if (child === own) continue;
      for (const { name, value } of [...child.attrs])
        if (LENGTHS.has(name) && /^-?\d+$/u.test(value))
          child.set(name, String(name === 'sz' ? Math.max(100, s(value)) : s(value)));
      if (child.name === 'a:spcPts') {
        const val = child.attr('val');
        if (val !== undefined && /^\d+$/u.test(val)) child.set('val', String(s(val)));
      }
      if (move && child.name === 'a:off') {
        const [x, y] = [child.attr('x'), child.attr('y')].map(Number);
        if (!Number.isFinite(x) || !Number.isFinite(y))
          throw new PptxPassError(place.part, 'every shape\'s offset with its x and y (<a:off x=".." y=".."/>)');
        child.set('x', String(Math.round(fit.dx + (x as number) * fit.scale)));
        child.set('y', String(Math.round(fit.dy + (y as number) * fit.scale)));
      }
      walk(child);
    }
  };
  walk(root);
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
export function themed(root: XmlElement, faces: DeckFaces, place: Place): void {
  const theirs = new Map([
    [`a:latin ${faces.serif.family}`, '<a:latin typeface="+mj-lt"/>'],
    [`a:latin ${faces.sans.family}`, '<a:latin typeface="+mn-lt"/>'],
    // The bullets are set in the text's face (slide-pass.ts): the theme's body face here.
    [`a:buFont ${faces.sans.family}`, '<a:buFont typeface="+mn-lt"/>'],
  ]);
  const deck = [faces.serif.family, faces.sans.family];
  const walk = (el: XmlElement) => {
    for (const child of el.elements()) {
      const face = child.attr('typeface');
      const colour = child.name === 'a:srgbClr' && child.children.length === 0 ? child.attr('val') : undefined;
      const replacement =
        face !== undefined
          ? theirs.get(`${child.name} ${face}`)
          : colour !== undefined
            ? SCHEME[colour.toUpperCase()]
            : undefined;
      if (replacement) child.replace(fragment(replacement));
      // A deck face left anywhere (a face of another script, say) would be drawn in our
      // face, not the template's: refused, naming the part, as the package pass does.
      else if (face !== undefined && deck.includes(face))
        throw new PptxPassError(
          place.part,
          `every face of the deck's as a run's or a bullet's, found "${face}" on <${child.name}>`,
        );
      else walk(child);
    }
  };
  walk(root);
}
