import { styles, type TextStyle } from '../layout/layout.js';
import { roomWidth } from '../layout/measure.js';
import { bulletIndent, bulletPad, callout, gap, slide as geometry, listSlide, table } from '../layout/metrics.js';
import { dispatchElement, type ElementMap, type ElementOf, type SlideElement, type SlideKind } from '../plan/plan.js';
import { addChart } from './chart-shape.js';
import type { Pres, Slide, TextProps } from './pptxgenjs.js';
import { bodyType, box, paragraph } from './shapes.js';
import { addTable } from './table.js';
import { collapse, type Type, textRuns, trimmed } from './text.js';
import { color, pt } from './units.js';

// Each slide element as PowerPoint shapes, at the plan's position and height. One writer per
// element type, in a map typed by the plan's element union: a new element type is a compile
// error here until it has a writer.

/** Where an element is placed, and what the writers share. */
export interface At {
  pres: Pres;
  slide: Slide;
  kind: SlideKind;
  y: number;
  lang: string;
  /** Each chart part's per-bar label formats, in the order pptxgenjs numbers chart parts. */
  chartFormats: string[][];
}

/**
 * How each kind of slide sets a list's items: type, spacing around each item, marker. Made
 * when a list is written, since the styles' widths are the plan's room's (layout.ts).
 */
function listStyle(kind: SlideKind): ListStyle {
  /** A list as a content slide sets it: body bullets after square markers. */
  const bullets: ListStyle = { style: styles.bullet, before: 0, after: gap.item, marker: true, x: 0 };
  switch (kind) {
    case 'takeaways':
      // The key takeaways: the takeaway type, more space between items.
      return { ...bullets, style: styles.takeaway, after: listSlide.takeaway };
    case 'closing':
      return { ...bullets, after: listSlide.takeaway };
    case 'agenda':
      return {
        style: styles.body,
        before: listSlide.agendaTop,
        after: listSlide.agendaBottom + listSlide.agendaRule,
        marker: false,
        x: 0,
      };
    case 'sources':
      return { style: styles.bullet, before: 0, after: listSlide.source, marker: false, x: bulletPad };
    default:
      return bullets;
  }
}

interface ListStyle {
  style: TextStyle;
  before: number;
  after: number;
  marker: boolean;
  x: number;
}

/** A bold lead-in ("Term – ") before a run of text, in the type of the text. */
function leadIn(term: string | undefined, type: Type): TextProps[] {
  return term
    ? [
        { text: collapse(term), options: { ...type, bold: true, color: color.accent } },
        { text: ' – ', options: type },
      ]
    : [];
}

/** A lead or a paragraph: body text in its colour, in a box as tall as its lines. */
const text =
  (objectName: string, textColor: string) =>
  (element: ElementOf<'lead'> | ElementOf<'paragraph'>, at: At): void => {
    const runs = trimmed(textRuns(element.runs, bodyType(styles.body, at.lang, textColor)));
    at.slide.addText(runs, {
      ...box(geometry.padX, at.y, roomWidth(), element.height - gap.para),
      ...paragraph(styles.body),
      objectName,
    });
  };

const writers: ElementMap<[at: At], void> = {
  lead: text('Lead', color.muted),
  paragraph: text('Paragraph', color.ink),
  bullets(element, at) {
    const list = listStyle(at.kind);
    const type = bodyType(list.style, at.lang);
    const indent = list.marker ? bulletIndent + bulletPad : 0;
    const paragraphs = element.items.map((item, i): TextProps[] => {
      const runs = trimmed([...leadIn(item.term, type), ...textRuns(item.runs, type)]);
      const first = runs[0] ?? { text: '', options: type };
      const bullet = !list.marker
        ? undefined
        : element.ordered
          ? { type: 'number' as const, numberStartAt: element.items[0]?.number ?? 1, indent: pt(indent) }
          : { characterCode: '25A0', indent: pt(indent) };
      const paragraphOptions = {
        ...(bullet ? { bullet } : {}),
        ...(list.before ? { paraSpaceBefore: pt(list.before) } : {}),
        paraSpaceAfter: pt(list.after),
        lineSpacing: pt(list.style.line),
      };
      const out: TextProps[] = [
        { text: first.text ?? '', options: { ...first.options, ...paragraphOptions } },
        ...runs.slice(1),
      ];
      // pptxgenjs opens a paragraph at each bullet; a list without markers ends each item with a break.
      const last = out.at(-1);
      if (!bullet && i < element.items.length - 1 && last) last.options = { ...last.options, breakLine: true };
      return out;
    });
    at.slide.addText(paragraphs.flat(), {
      ...box(geometry.padX + list.x, at.y, roomWidth() - list.x, element.height),
      ...paragraph(list.style),
      objectName: 'List',
    });
  },
  callout(element, at) {
    const type = bodyType(styles.callout, at.lang);
    const runs = trimmed([...leadIn(element.title, type), ...textRuns(element.runs, type)]);
    // The panel: `callout.top` px below the element's top, its text inset past the rule as the theme's blockquote.
    const top = at.y + callout.top;
    const panel = element.height - gap.para - callout.top;
    at.slide.addShape(at.pres.ShapeType.rect, {
      ...box(geometry.padX, top, roomWidth(), panel),
      fill: { color: color.panel },
      line: { type: 'none' },
    });
    at.slide.addShape(at.pres.ShapeType.rect, {
      ...box(geometry.padX, top, callout.rule, panel),
      fill: { color: color.highlight },
      line: { type: 'none' },
    });
    at.slide.addText(runs, {
      ...box(
        geometry.padX + callout.rule + callout.padX,
        top + callout.padY,
        styles.callout.width,
        panel - 2 * callout.padY,
      ),
      ...paragraph(styles.callout),
      objectName: 'Callout',
    });
  },
  chart: (element, at) => addChart(element, at),
  table: (element, at) => addTable(element, at),
  source(element, at) {
    at.slide.addText(trimmed(textRuns(element.runs, bodyType(styles.small, at.lang, color.muted))), {
      ...box(geometry.padX, at.y + table.sourceGap, roomWidth(), element.height - table.sourceGap),
      ...paragraph(styles.small),
      objectName: 'Source',
    });
  },
};

/** Place one element at `at.y`; the plan's height says where the next one goes. */
export function addElement(element: SlideElement, at: At): number {
  dispatchElement(writers, element, at);
  return element.height;
}
