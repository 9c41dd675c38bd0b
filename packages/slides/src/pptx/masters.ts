import { edgeBar, footer, slide as geometry, lineHeight, size } from '../layout/metrics.js';
import type { SlideKind } from '../plan/plan.js';
import { LAYOUTS, type LayoutName, layoutOf } from './placeholders.js';
import type { MasterObjects, Pres } from './pptxgenjs.js';
import { color, font, inch, pt } from './units.js';

// The slide layouts: the four PowerPoint names (placeholders.ts), each with its decorations
// (the accent bar, on the divider's dark ground) and the slide number where the theme draws
// them; their placeholders are written by the package pass (placeholders.ts).

/** The name of each kind's slide layout as PowerPoint names it; a chart or table alone takes Title Only. */
export const layoutName = (kind: SlideKind, hasBody = true): LayoutName => layoutOf(kind, hasBody);

/** Where the footer and the slide number sit: their baseline box `footer.bottom` px above the slide's foot, as in the theme. */
export const footerLine = size.small * lineHeight.body;
export const footerTop = geometry.height - footer.bottom - footerLine;

/** The four layouts. */
export function defineLayouts(pres: Pres): void {
  for (const name of Object.keys(LAYOUTS) as LayoutName[]) defineLayout(pres, name);
}

function defineLayout(pres: Pres, name: LayoutName): void {
  const dark = name === 'Section Header';
  const objects: MasterObjects = [];
  if (name === 'Title Slide') {
    objects.push({ rect: { x: 0, y: 0, w: inch(geometry.width), h: inch(edgeBar), fill: { color: color.accent } } });
  } else {
    objects.push({
      rect: {
        x: 0,
        y: 0,
        w: inch(edgeBar),
        h: inch(geometry.height),
        fill: { color: dark ? color.highlight : color.accent },
      },
    });
  }
  pres.defineSlideMaster({
    title: name,
    background: { color: dark ? color.accent : color.paper },
    objects,
    ...(name === 'Title Slide'
      ? {}
      : {
          slideNumber: {
            x: inch(geometry.width - geometry.padX - footer.numberWidth),
            y: inch(footerTop),
            w: inch(footer.numberWidth),
            h: inch(footerLine),
            margin: 0,
            align: 'right',
            valign: 'top',
            fontFace: font.sans,
            fontSize: pt(size.small),
            color: dark ? color.panel : color.muted,
          },
        }),
  });
}
