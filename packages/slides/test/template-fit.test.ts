// The room a plan on a template lays out in (template/fit.ts): the body area's proportions at
// our content width, and the one scale that puts that box into the area. The room is read by
// the planner only inside the plan's metrics (roomHeight), our slide's everywhere else.
import { report } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { roomHeight, withMetrics } from '../src/layout/measure.js';
import { contentHeight, contentWidth } from '../src/layout/metrics.js';
import { fitInto, roomFor } from '../src/pptx/template/fit.js';
import { planDeck } from '../src/render.js';

const EMU = 914400;
const inches = (x: number, y: number, w: number, h: number) => ({ x: x * EMU, y: y * EMU, w: w * EMU, h: h * EMU });
/** The 4:3 test template's body area: title top 0.9 in, body 0.6–9.4 in across, foot at 6.7 in. */
const AREA_43 = inches(0.6, 0.9, 8.8, 5.8);

describe('the room on a template', () => {
  it('takes the body area’s proportions at our content width, so one scale fits both directions', () => {
    const room = roomFor(AREA_43);
    expect(room).toBeCloseTo((contentWidth * 5.8) / 8.8, 1);
    expect(room).toBeGreaterThan(contentHeight);
    const fit = fitInto(AREA_43, room);
    const px = EMU / 96;
    // The content box, scaled, is the body area: its right edge and its foot both meet the area's.
    // (to a pixel of the slide: the room is rounded to a tenth of one)
    expect(Math.abs(fit.dx + (76 + contentWidth) * px * fit.scale - (AREA_43.x + AREA_43.w))).toBeLessThan(px);
    expect(Math.abs(fit.dy + (56 + room) * px * fit.scale - (AREA_43.y + AREA_43.h))).toBeLessThan(px);
    // Our 16:9 box in the same area (as before this room): its foot stops short of the area's.
    const old = fitInto(AREA_43);
    expect(old.dy + (56 + contentHeight) * px * old.scale).toBeLessThan(AREA_43.y + 0.8 * AREA_43.h);
  });

  it('keeps a least room for a very wide area, and our slide’s for one without proportions', () => {
    expect(roomFor(inches(0, 0, 12, 1))).toBe(360);
    expect(roomFor(inches(0, 0, 0, 5))).toBe(contentHeight);
    expect(roomFor(inches(0, 0, 8, 0))).toBe(contentHeight);
  });

  it('is read by the planner inside the plan’s metrics only', () => {
    const metrics = { faces: 'office' as const, reserve: true, contentHeight: 743.5 };
    expect(roomHeight()).toBe(contentHeight);
    expect(withMetrics(metrics, roomHeight)).toBe(743.5);
    expect(roomHeight()).toBe(contentHeight);
    // A taller room gives a section's slides more room: the chart's plot grows with it.
    const plot = (m?: typeof metrics) =>
      planDeck(report, { metrics: m ?? { faces: 'office', reserve: true } })
        .slides.flatMap((s) => s.elements)
        .find((e) => e.type === 'chart');
    const short = plot();
    const tall = plot(metrics);
    expect(short?.type === 'chart' && tall?.type === 'chart' && tall.plot > short.plot).toBe(true);
  });
});
