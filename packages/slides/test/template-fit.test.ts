// The room a plan on a template lays out in (template/fit.ts): the body area at its real size,
// in our px, so the deck's type keeps its points; a body area too small for a useful line is
// laid out at the least room and scaled into it. The room is read by the planner only inside
// the plan's metrics (roomWidth, roomHeight), our slide's everywhere else.
import { report } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { styles } from '../src/layout/layout.js';
import { roomHeight, roomWidth, slideHeight, withMetrics } from '../src/layout/measure.js';
import { contentHeight, contentWidth } from '../src/layout/metrics.js';
import { PptxPassError } from '../src/pptx/pass.js';
import { fitInto, fitXml, LEAST, roomFor, themed } from '../src/pptx/template/fit.js';
import { XmlPart } from '../src/pptx/xml/read.js';
import type { XmlElement } from '../src/pptx/xml/tree.js';
import { planDeck } from '../src/render.js';

const EMU = 914400;
const inches = (x: number, y: number, w: number, h: number) => ({ x: x * EMU, y: y * EMU, w: w * EMU, h: h * EMU });
/** The 4:3 test template: 10 × 7.5 in, its body area (title top 0.9 in, body 0.6–9.4 in across, foot at 6.7 in). */
const ON_43 = { frame: inches(0.6, 0.9, 8.8, 5.8), size: { cx: 10 * EMU, cy: 7.5 * EMU } };

describe('the room on a template', () => {
  it('is the body area at its real size in our px, so it lands on the area at scale 1', () => {
    const room = roomFor(ON_43);
    expect(room.width).toBeCloseTo(8.8 * 96, 6);
    expect(room.height).toBeCloseTo(5.8 * 96, 6);
    expect(room.slideHeight).toBeCloseTo(7.5 * 96, 6);
    const fit = fitInto(ON_43.frame, room);
    expect(fit.scale).toBeCloseTo(1, 9);
    const px = EMU / 96;
    // The content box, moved, is the body area: its right edge and its foot both meet the area's.
    const { frame } = ON_43;
    expect(Math.abs(fit.dx + (76 + room.width) * px * fit.scale - (frame.x + frame.w))).toBeLessThan(1);
    expect(Math.abs(fit.dy + (56 + room.height) * px * fit.scale - (frame.y + frame.h))).toBeLessThan(1);
  });

  it('keeps a least room for a small body area, scaled into it at one scale', () => {
    // Half our least width: laid out at the least width and twice the area's height, at scale ½.
    const small = { frame: inches(1, 1, LEAST.width / 192, 5), size: { cx: 10 * EMU, cy: 7.5 * EMU } };
    const room = roomFor(small);
    expect(room.width).toBeCloseTo(LEAST.width, 6);
    expect(room.height).toBeCloseTo(2 * 5 * 96, 6);
    expect(room.slideHeight).toBeCloseTo(2 * 7.5 * 96, 6);
    expect(fitInto(small.frame, room).scale).toBeCloseTo(0.5, 9);
    // A wide but low area: the height reaches the least, the width grows with it.
    const low = roomFor({ frame: inches(0, 0, 12, 1), size: { cx: 13 * EMU, cy: 2 * EMU } });
    expect(low.height).toBeCloseTo(LEAST.height, 6);
    expect(low.width).toBeCloseTo(12 * LEAST.height, 6);
    // No proportions at all: our slide's room.
    for (const frame of [inches(0, 0, 0, 5), inches(0, 0, 8, 0)])
      expect(roomFor({ frame, size: ON_43.size })).toEqual({
        width: contentWidth,
        height: contentHeight,
        slideHeight: 720,
      });
  });

  it('is read by the planner inside the plan’s metrics only: the styles’ widths too', () => {
    const room = roomFor(ON_43);
    const metrics = { faces: 'office' as const, reserve: true, room };
    expect([roomWidth(), roomHeight(), slideHeight()]).toEqual([contentWidth, contentHeight, 720]);
    expect(withMetrics(metrics, () => [roomWidth(), roomHeight(), styles.body.width, styles.body.fontSize])).toEqual([
      room.width,
      room.height,
      room.width,
      styles.body.fontSize,
    ]);
    expect([roomWidth(), roomHeight(), styles.body.width]).toEqual([contentWidth, contentHeight, contentWidth]);
    // The narrower room: the same type, more lines, so more slides; the chart's plot is no wider.
    const ours = planDeck(report, { metrics: { faces: 'office', reserve: true } });
    const there = planDeck(report, { metrics });
    expect(there.slides.length).toBeGreaterThan(ours.slides.length);
  });
});

describe('the template graft edits the parts loudly', () => {
  const faces = { sans: { family: 'Arial' }, serif: { family: 'Georgia' } };
  const fit = { scale: 1, dx: 914400, dy: 0 };
  const place = { part: 'slide1.xml' };
  const edited = (xml: string, edit: (root: XmlElement) => void) => {
    const doc = new XmlPart(`<p:spTree>${xml}</p:spTree>`, place);
    edit(doc.root);
    return doc.toString().slice('<p:spTree>'.length, -'</p:spTree>'.length);
  };

  it('moves every shape, its offset written in any order, and refuses an offset without its x or y', () => {
    const shape = (off: string) => `<p:sp><a:xfrm>${off}<a:ext cx="10" cy="10"/></a:xfrm></p:sp>`;
    const moved = (off: string) => edited(shape(off), (root) => fitXml(root, fit, true, place));
    expect(moved('<a:off x="0" y="5"/>')).toContain('<a:off x="914400" y="5"/>');
    expect(moved('<a:off y="5"  x="0"/>')).toContain('<a:off y="5" x="914400"/>');
    expect(() => moved('<a:off y="5"/>')).toThrow(PptxPassError);
    expect(() => moved('<a:off y="5"/>')).toThrow(/slide1\.xml/);
  });

  it("sets every run and bullet in the theme's faces, and refuses a deck face left on anything else", () => {
    const themedXml = (xml: string) => edited(xml, (root) => themed(root, faces, place));
    expect(themedXml('<a:rPr><a:latin typeface="Georgia" pitchFamily="18"/></a:rPr><a:buFont typeface="Arial"/>')).toBe(
      '<a:rPr><a:latin typeface="+mj-lt"/></a:rPr><a:buFont typeface="+mn-lt"/>',
    );
    expect(themedXml('<a:latin pitchFamily="34" typeface="Arial"/>')).toBe('<a:latin typeface="+mn-lt"/>');
    expect(() => themedXml('<a:ea typeface="Georgia"/>')).toThrow(PptxPassError);
    expect(() => themedXml('<a:ea typeface="Georgia"/>')).toThrow(/Georgia/);
  });
});
