import { HTML_METRICS } from '../layout/faces.js';
import { CONTINUED, headingHeight } from '../layout/layout.js';
import { withMetrics } from '../layout/measure.js';
import { footer, slide as geometry, size } from '../layout/metrics.js';
import { kicker as kickerMetrics } from '../plan/kicker.js';
import type { DeckPlan, DeckSlide } from '../plan/plan.js';
import { addElement } from './elements.js';
import { addHeading, addKicker } from './heading.js';
import { defineLayouts, footerLine, footerTop, layoutName } from './masters.js';
import { FOOTER_SHAPE } from './placeholders.js';
import { PptxGenJS, type Pres, type Slide } from './pptxgenjs.js';
import { collapse, xmlSafe } from './text.js';
import { dividerSlide, titleSlide } from './title-slides.js';
import { color, font, inch, pt } from './units.js';

export { layoutName } from './masters.js';
export { KICKER_SHAPE, TITLE_SHAPE } from './shapes.js';

/** What a built presentation needs from the post-processing pass (package.ts). */
export interface Built {
  pres: Pres;
  /** Each chart part's per-bar label formats, in the order pptxgenjs numbers chart parts. */
  chartFormats: string[][];
}

/** The deck plan as a pptxgenjs presentation: one slide per plan slide, in order. */
export function buildPresentation(plan: DeckPlan): Built {
  return withMetrics(plan.metrics ?? HTML_METRICS, () => build(plan));
}

function build(plan: DeckPlan): Built {
  const pres = new PptxGenJS();
  pres.defineLayout({ name: 'BRIEFING_16x9', width: inch(geometry.width), height: inch(geometry.height) });
  pres.layout = 'BRIEFING_16x9';
  pres.theme = { headFontFace: font.serif, bodyFontFace: font.sans };
  pres.title = xmlSafe(plan.title);
  if (plan.author) pres.author = xmlSafe(plan.author);
  pres.subject = xmlSafe(plan.description ?? plan.title);
  defineLayouts(pres);
  const chartFormats: string[][] = [];
  for (const slide of plan.slides) addSlide(pres, slide, plan, chartFormats);
  return { pres, chartFormats };
}

function addSlide(pres: Pres, planned: DeckSlide, plan: DeckPlan, chartFormats: string[][]): void {
  const hasBody = planned.elements.some((e) => e.type !== 'table') || planned.kind === 'title';
  const slide = pres.addSlide({ masterName: layoutName(planned.kind, hasBody) });
  if (planned.kind !== 'title') addFooter(slide, plan, planned.kind === 'divider');
  // The notes, one paragraph each (package.ts splits them at the line breaks).
  slide.addNotes(planned.notes.map((n) => collapse(n)).join('\n'));
  if (planned.kind === 'title' && planned.title) {
    titleSlide(slide, planned, planned.title, plan.lang);
    return;
  }
  if (planned.kind === 'divider') {
    dividerSlide(slide, planned, plan.lang);
    return;
  }
  let y = geometry.padTop;
  if (planned.kicker) {
    addKicker(slide, planned.kicker, y, plan.lang);
    y += kickerMetrics.height;
  }
  const heading = planned.heading + (planned.continued ? CONTINUED : '');
  addHeading(pres, slide, heading, y, plan.lang, planned.headingLines);
  y += headingHeight(heading);
  for (const element of planned.elements) {
    y += addElement(element, { pres, slide, kind: planned.kind, y, lang: plan.lang, chartFormats });
  }
}

/** The footer line, in the layout's footer placeholder (made one by the package pass). */
function addFooter(slide: Slide, plan: DeckPlan, dark: boolean): void {
  slide.addText(collapse(plan.footer), {
    objectName: FOOTER_SHAPE,
    x: inch(geometry.padX),
    y: inch(footerTop),
    w: inch(geometry.width - geometry.padX - footer.right),
    h: inch(footerLine),
    margin: 0,
    fontFace: font.sans,
    fontSize: pt(size.small),
    color: dark ? color.panel : color.muted,
    valign: 'top',
    lang: plan.lang,
  });
}
