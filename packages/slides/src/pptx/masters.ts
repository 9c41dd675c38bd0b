import { contentWidth, edgeBar, footer, slide as geometry, lineHeight, size } from '../layout/metrics.js';
import type { DeckPlan, SlideKind } from '../plan/plan.js';
import type { MasterObjects, Pres } from './shapes.js';
import { collapse } from './text.js';
import { color, font, inch, pt } from './units.js';

// The slide layouts: one per slide kind, with the accent bar, the footer and the slide number
// where the theme draws them, and the title placeholder.

/** The name of each kind's slide layout ("Briefing content"): PowerPoint lists it, the PPTX reader reads the kind from it. */
export const layoutName = (kind: SlideKind) => `Briefing ${kind}`;

const KINDS = {
  title: true,
  takeaways: true,
  agenda: true,
  divider: true,
  content: true,
  chart: true,
  table: true,
  closing: true,
  sources: true,
} satisfies Record<SlideKind, true>;

/** Where the footer and the slide number sit: their baseline box `footer.bottom` px above the slide's foot, as in the theme. */
const footerLine = size.small * lineHeight.body;
const footerTop = geometry.height - footer.bottom - footerLine;

/** A slide layout for every kind of slide. */
export function defineLayouts(pres: Pres, plan: DeckPlan): void {
  for (const kind of Object.keys(KINDS) as SlideKind[]) defineLayout(pres, kind, plan);
}

function defineLayout(pres: Pres, kind: SlideKind, plan: DeckPlan): void {
  const dark = kind === 'divider';
  const objects: MasterObjects = [];
  if (kind === 'title') {
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
    objects.push({
      text: {
        text: collapse(plan.footer),
        options: {
          x: inch(geometry.padX),
          y: inch(footerTop),
          w: inch(geometry.width - geometry.padX - footer.right),
          h: inch(footerLine),
          margin: 0,
          fontFace: font.sans,
          fontSize: pt(size.small),
          color: dark ? color.panel : color.muted,
          valign: 'top',
          fit: 'shrink',
          lang: plan.lang,
        },
      },
    });
  }
  objects.push({
    placeholder: {
      options: {
        name: 'title',
        type: 'title',
        x: inch(geometry.padX),
        y: inch(geometry.padTop),
        w: inch(contentWidth),
        h: inch(size.heading * lineHeight.heading),
        margin: 0,
        align: 'left',
        valign: 'top',
        fontFace: font.serif,
        fontSize: pt(kind === 'title' || kind === 'divider' ? size.title : size.heading),
        bold: true,
        color: dark ? color.paper : color.accent,
      },
      text: '',
    },
  });
  pres.defineSlideMaster({
    title: layoutName(kind),
    background: { color: dark ? color.accent : color.paper },
    objects,
    ...(kind === 'title'
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
