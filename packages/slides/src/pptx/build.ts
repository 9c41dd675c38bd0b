import { type Run, type Table, toRuns } from '@briefing/content';
import pptxgenjs from 'pptxgenjs';
import { chartCaption, linkLabel } from '../chart.js';
import { kicker as kickerMetrics } from '../kicker.js';
import { advance, countLines, FILL, headingHeight, segmentsOf, styles, type TextStyle, textHeight } from '../layout.js';
import {
  bulletIndent,
  contentWidth,
  gap,
  slide as geometry,
  lineHeight,
  size,
  TITLE_ROOM,
  table as tableMetrics,
} from '../metrics.js';
import {
  CONTINUED,
  type DeckPlan,
  type DeckSlide,
  type SlideElement,
  type SlideKind,
  type TitleParts,
} from '../plan.js';
import { cellStyle } from '../table-layout.js';
import { type ChartPanel, chartPanels } from './chart.js';
import { collapse, type Type, textRuns, trimmed, xmlSafe } from './text.js';
import { color, font, inch, pt } from './units.js';

// pptxgenjs's types describe its CommonJS build; Node imports its ES build, whose default
// export is the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type Pres = InstanceType<typeof PptxGenJS>;
type Slide = ReturnType<Pres['addSlide']>;
type TextProps = pptxgenjs.default.TextProps;
type TableRow = pptxgenjs.default.TableRow;

/** The name of each kind's slide layout ("Briefing content"): PowerPoint lists it, the PPTX reader reads the kind from it. */
export const layoutName = (kind: SlideKind) => `Briefing ${kind}`;

/**
 * The object name of a slide's heading. package.ts makes every shape of this name the slide's
 * title placeholder (pptxgenjs places a placeholder only where its layout puts it, and a
 * heading's height differs from slide to slide).
 */
export const TITLE_SHAPE = 'Slide title';
/** The object name of the kicker, written in capitals by package.ts (cap="all": the text stays as written). */
export const KICKER_SHAPE = 'Kicker';

const KINDS: readonly SlideKind[] = ['title', 'takeaways', 'agenda', 'divider', 'content', 'chart', 'table', 'sources'];

/** Where the footer and the slide number sit: their baseline box 28 px above the slide's foot, as in the theme. */
const footerLine = size.small * lineHeight.body;
const footerTop = geometry.height - 28 - footerLine;

/** What a built presentation needs from the post-processing pass (package.ts). */
export interface Built {
  pres: Pres;
  /** Each chart part's per-bar label formats, in the order pptxgenjs numbers chart parts. */
  chartFormats: string[][];
}

/** The deck plan as a pptxgenjs presentation: one slide per plan slide, in order. */
export function buildPresentation(plan: DeckPlan): Built {
  const pres = new PptxGenJS();
  pres.defineLayout({ name: 'BRIEFING_16x9', width: inch(geometry.width), height: inch(geometry.height) });
  pres.layout = 'BRIEFING_16x9';
  pres.theme = { headFontFace: font.serif, bodyFontFace: font.sans };
  pres.title = xmlSafe(plan.title);
  if (plan.author) pres.author = xmlSafe(plan.author);
  pres.subject = xmlSafe(plan.description ?? plan.title);
  for (const kind of KINDS) defineLayout(pres, kind, plan);
  const chartFormats: string[][] = [];
  for (const slide of plan.slides) addSlide(pres, slide, plan, chartFormats);
  return { pres, chartFormats };
}

function defineLayout(pres: Pres, kind: SlideKind, plan: DeckPlan): void {
  const dark = kind === 'divider';
  const objects: pptxgenjs.default.SlideMasterProps['objects'] = [];
  if (kind === 'title') {
    objects.push({ rect: { x: 0, y: 0, w: inch(geometry.width), h: inch(10), fill: { color: color.accent } } });
  } else {
    objects.push({
      rect: {
        x: 0,
        y: 0,
        w: inch(10),
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
          w: inch(geometry.width - geometry.padX - 160),
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
            x: inch(geometry.width - geometry.padX - 120),
            y: inch(footerTop),
            w: inch(120),
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

function addSlide(pres: Pres, planned: DeckSlide, plan: DeckPlan, chartFormats: string[][]): void {
  const slide = pres.addSlide({ masterName: layoutName(planned.kind) });
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
  const lines = countLines([{ text: heading }], styles.heading, true);
  slide.addText(collapse(heading), {
    objectName: TITLE_SHAPE,
    ...box(geometry.padX, y, contentWidth, lines * styles.heading.line),
    ...paragraph(styles.heading),
    fontFace: font.serif,
    bold: true,
    color: color.accent,
    lang: plan.lang,
  });
  // The rule under the heading: 14 px below its last line, 2 px thick (the theme's h2 border).
  slide.addShape(pres.ShapeType.rect, {
    ...box(geometry.padX, y + lines * styles.heading.line + 14, contentWidth, 2),
    fill: { color: color.rule },
    line: { type: 'none' },
  });
  y += headingHeight(heading);
  for (const element of planned.elements) {
    y += addElement(pres, slide, planned.kind, element, y, plan.lang, chartFormats);
  }
}

/** A text box's position and size in inches from px, with no inner margins (the plan's boxes are the text's). */
function box(x: number, y: number, w: number, h: number) {
  return { x: inch(x), y: inch(y), w: inch(w), h: inch(h), margin: 0 } as const;
}

/** Type and line pitch of a text style: exact line spacing, so a line is as tall as the plan measured it. */
function paragraph(style: TextStyle) {
  return {
    fontSize: pt(style.fontSize),
    lineSpacing: pt(style.line),
    valign: 'top',
    // Shrink on overflow: were a viewer's substitute font wider than the design's, the text
    // shrinks into its box instead of running off it (PowerPoint's "Shrink text on overflow").
    fit: 'shrink',
  } as const;
}

function bodyType(style: TextStyle, lang: string, textColor: string = color.ink): Type {
  return { fontFace: font.sans, fontSize: pt(style.fontSize), color: textColor, lang };
}

/**
 * The kicker: the section's number and title in small bold capitals, on one line, cut with an
 * ellipsis where it would pass the content width (the theme's `text-overflow: ellipsis`).
 */
function addKicker(slide: Slide, text: string, y: number, lang: string): void {
  const spacing = 0.06 * size.small;
  const width = (t: string) => advance(t.toLocaleUpperCase(lang), size.small, 'bold') + spacing * [...t].length;
  let shown = collapse(text).trim();
  if (width(shown) > contentWidth * FILL) {
    const chars = [...shown];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi - 1) {
      const mid = (lo + hi) >> 1;
      if (width(`${chars.slice(0, mid).join('')}…`) <= contentWidth * FILL) lo = mid;
      else hi = mid;
    }
    shown = `${chars.slice(0, lo).join('').trimEnd()}…`;
  }
  slide.addText(shown, {
    objectName: KICKER_SHAPE,
    ...box(geometry.padX, y, contentWidth, size.small * lineHeight.body),
    fontFace: font.sans,
    fontSize: pt(size.small),
    lineSpacing: pt(size.small * lineHeight.body),
    bold: true,
    color: color.highlight,
    charSpacing: pt(spacing),
    valign: 'top',
    wrap: false,
    lang,
  });
}

/** How each kind of list slide sets its items: type, spacing around each item, marker. */
function listStyle(kind: SlideKind): { style: TextStyle; before: number; after: number; marker: boolean; x: number } {
  switch (kind) {
    case 'takeaways':
      return { style: styles.takeaway, before: 0, after: 16, marker: true, x: 0 };
    case 'agenda':
      return { style: styles.body, before: 6, after: 11, marker: false, x: 0 };
    case 'sources':
      return { style: styles.bullet, before: 0, after: 18, marker: false, x: 4 };
    default:
      return { style: styles.bullet, before: 0, after: gap.item, marker: true, x: 0 };
  }
}

/** Place one element at `y`; returns the height it takes (the plan's, or measured the plan's way). */
function addElement(
  pres: Pres,
  slide: Slide,
  kind: SlideKind,
  element: SlideElement,
  y: number,
  lang: string,
  chartFormats: string[][],
): number {
  switch (element.type) {
    case 'lead':
    case 'paragraph': {
      const runs = trimmed(
        textRuns(element.runs, bodyType(styles.body, lang, element.type === 'lead' ? color.muted : color.ink)),
      );
      const height = element.height ?? textHeight(segmentsOf(element.runs), styles.body, gap.para);
      slide.addText(runs, {
        ...box(geometry.padX, y, contentWidth, height - gap.para),
        ...paragraph(styles.body),
        objectName: element.type === 'lead' ? 'Lead' : 'Paragraph',
      });
      return height;
    }
    case 'bullets': {
      const list = listStyle(kind);
      const type = bodyType(list.style, lang);
      const indent = list.marker ? bulletIndent + 4 : 0;
      const paragraphs = element.items.map((item, i): TextProps[] => {
        const lead: TextProps[] = item.term
          ? [
              { text: collapse(item.term), options: { ...type, bold: true, color: color.accent } },
              { text: ' – ', options: type },
            ]
          : [];
        const runs = trimmed([...lead, ...textRuns(item.runs, type)]);
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
        const rest = runs.slice(1);
        const out: TextProps[] = [
          { text: first.text ?? '', options: { ...first.options, ...paragraphOptions } },
          ...rest,
        ];
        // pptxgenjs opens a paragraph at each bullet; a list without markers ends each item with a break.
        const last = out.at(-1);
        if (!bullet && i < element.items.length - 1 && last) last.options = { ...last.options, breakLine: true };
        return out;
      });
      const height =
        element.height ??
        element.items.reduce(
          (sum, item) =>
            sum + textHeight(segmentsOf([...termRuns(item.term), ...item.runs]), list.style, list.before + list.after),
          0,
        );
      slide.addText(paragraphs.flat(), {
        ...box(geometry.padX + list.x, y, contentWidth - list.x, height),
        ...paragraph(list.style),
        objectName: 'List',
      });
      return height;
    }
    case 'callout': {
      const type = bodyType(styles.callout, lang);
      const lead: TextProps[] = element.title
        ? [
            { text: collapse(element.title), options: { ...type, bold: true, color: color.accent } },
            { text: ' – ', options: type },
          ]
        : [];
      const runs = trimmed([...lead, ...textRuns(element.runs, type)]);
      const height =
        element.height ?? textHeight(segmentsOf([...termRuns(element.title), ...element.runs]), styles.callout, 54);
      // The panel: 6 px below the element's top, its text inset 16 px and 22 px past a 6 px rule.
      const panel = height - gap.para - 6;
      slide.addShape(pres.ShapeType.rect, {
        ...box(geometry.padX, y + 6, contentWidth, panel),
        fill: { color: color.panel },
        line: { type: 'none' },
      });
      slide.addShape(pres.ShapeType.rect, {
        ...box(geometry.padX, y + 6, 6, panel),
        fill: { color: color.highlight },
        line: { type: 'none' },
      });
      slide.addText(runs, {
        ...box(geometry.padX + 28, y + 6 + 16, styles.callout.width, panel - 32),
        ...paragraph(styles.callout),
        objectName: 'Callout',
      });
      return height;
    }
    case 'chart':
      return addChart(pres, slide, element.chart, element.height, y, lang, chartFormats);
    case 'table':
      return addTable(slide, element.table, element.rows, element.fontSize, element.widths, y, lang);
    case 'source': {
      const height = textHeight(segmentsOf(element.runs), styles.small, 0);
      slide.addText(trimmed(textRuns(element.runs, bodyType(styles.small, lang, color.muted))), {
        ...box(geometry.padX, y + tableMetrics.sourceGap, contentWidth, height),
        ...paragraph(styles.small),
        objectName: 'Source',
      });
      return height + tableMetrics.sourceGap;
    }
  }
}

const termRuns = (term: string | undefined): Run[] =>
  term ? [{ type: 'text', text: `${term} – `, emphasis: 'strong' }] : [];

/**
 * The chart: its panels side by side as native bar charts (values in each chart's data sheet,
 * a bar per data point in the report's order, labels formatted as the report's figures), the
 * plot as tall as the plan made it, then the caption with the source link 14 px below.
 */
function addChart(
  pres: Pres,
  slide: Slide,
  chart: import('@briefing/content').Chart,
  height: number,
  y: number,
  lang: string,
  chartFormats: string[][],
): number {
  const panels = chartPanels(chart, lang);
  const panelGap = 48;
  const width = (contentWidth - panelGap * (panels.length - 1)) / panels.length;
  panels.forEach((panel, k) => {
    addChartPanel(pres, slide, panel, geometry.padX + k * (width + panelGap), y, width, height, lang);
    chartFormats.push(panel.formats);
  });
  const caption: Run[] = [
    { type: 'text', text: chartCaption(chart, lang) },
    ...(chart.source.url
      ? [
          { type: 'text' as const, text: ' ' },
          { type: 'link' as const, text: linkLabel(chart.source.url), href: chart.source.url },
        ]
      : []),
  ];
  const captionHeight = textHeight(segmentsOf(caption), styles.small, 0);
  slide.addText(trimmed(textRuns(caption, bodyType(styles.small, lang, color.muted))), {
    ...box(geometry.padX, y + height + 14, contentWidth, captionHeight),
    ...paragraph(styles.small),
    objectName: 'Caption',
  });
  return height + 14 + captionHeight;
}

function addChartPanel(
  pres: Pres,
  slide: Slide,
  panel: ChartPanel,
  x: number,
  y: number,
  w: number,
  h: number,
  lang: string,
): void {
  const labelSize = pt(Math.max(12, size.body - 6));
  slide.addChart(
    pres.ChartType.bar,
    [{ name: xmlSafe(panel.title), labels: panel.labels.map(xmlSafe), values: panel.values }],
    {
      ...box(x, y, w, h),
      objectName: `Chart: ${xmlSafe(panel.title)}`,
      altText: xmlSafe(panel.altText),
      barDir: 'bar',
      barGapWidthPct: 60,
      chartColors: [color.accent],
      // The first data point on top, as the HTML slide lists them.
      // (pptxgenjs writes the option as given; its types know only 'minMax'.)
      catAxisOrientation: 'maxMin' as 'minMax',
      catAxisLabelFontFace: font.sans,
      catAxisLabelFontSize: labelSize,
      catAxisLabelColor: color.ink,
      catAxisLineShow: true,
      catAxisLineColor: color.rule,
      catAxisMajorTickMark: 'none',
      valAxisHidden: true,
      valAxisMinVal: 0,
      valAxisMaxVal: panel.max,
      valGridLine: { style: 'none' },
      showValue: true,
      dataLabelPosition: 'outEnd',
      dataLabelFontFace: font.sans,
      dataLabelFontSize: labelSize,
      dataLabelFontBold: true,
      dataLabelColor: color.ink,
      showLegend: false,
      showTitle: true,
      title: xmlSafe(panel.title),
      titleFontFace: font.sans,
      titleFontSize: labelSize,
      titleColor: color.accent,
      titleAlign: 'left',
      lang,
    },
  );
}

/**
 * The table rows as a native table: the header row on the accent colour with a highlight
 * rule under it, ruled body rows with every other one on the panel colour, each column the
 * plan's share of the content width, at the plan's type size. Returns its height with the
 * source line's gap not included (the source element adds it).
 */
function addTable(
  slide: Slide,
  block: Table,
  rows: readonly number[],
  fontSize: number,
  widths: readonly number[],
  y: number,
  lang: string,
): number {
  const type: Type = { fontFace: font.sans, fontSize: pt(fontSize), color: color.ink, lang };
  const none = { type: 'none' as const };
  const rule = (c: string, px: number) => ({ type: 'solid' as const, color: c, pt: pt(px) });
  // In points (pptxgenjs reads a table margin of 1 or more as points).
  const margin: [number, number, number, number] = [
    pt(tableMetrics.padY),
    pt(tableMetrics.padX),
    pt(tableMetrics.padY),
    pt(tableMetrics.padX),
  ];
  const cellOptions = (align: Table['columns'][number]['align']) => ({
    margin,
    valign: 'top' as const,
    align: align === 'center' ? ('center' as const) : align === 'right' ? ('right' as const) : ('left' as const),
    lineSpacing: pt(fontSize * lineHeight.table),
  });
  const header: TableRow = block.columns.map((column) => ({
    text: collapse(column.header).trim(),
    options: {
      ...cellOptions(column.align),
      ...type,
      bold: true,
      color: color.paper,
      fill: { color: color.accent },
      border: [none, none, rule(color.highlight, tableMetrics.headRule), none],
    },
  }));
  const body: TableRow[] = rows.map((r, i) =>
    block.columns.map((column, c) => {
      const cell = block.rows[r]?.[c] ?? '';
      const runs = trimmed(textRuns(toRuns(cell), type));
      return {
        text: runs.length > 0 ? runs : '',
        options: {
          ...cellOptions(column.align),
          ...type,
          ...(i % 2 === 1 ? { fill: { color: color.panel } } : {}),
          border: [none, none, rule(color.rule, tableMetrics.rowRule), none],
        },
      };
    }),
  );
  const heightOf = (cells: Run[][], rule: number) =>
    Math.max(
      ...cells.map((runs, c) => {
        const style = cellStyle(fontSize, widths[c] as number);
        return countLines(segmentsOf(runs), style) * style.line;
      }),
    ) +
    2 * tableMetrics.padY +
    rule;
  const rowHeights = [
    heightOf(
      block.columns.map((column) => [{ type: 'text', text: column.header, emphasis: 'strong' }]),
      tableMetrics.headRule,
    ),
    ...rows.map((r) =>
      heightOf(
        block.columns.map((_, c) => toRuns(block.rows[r]?.[c] ?? '')),
        tableMetrics.rowRule,
      ),
    ),
  ];
  slide.addTable([header, ...body], {
    x: inch(geometry.padX),
    y: inch(y),
    w: inch(contentWidth),
    colW: widths.map((w) => inch((contentWidth * w) / 100)),
    rowH: rowHeights.map(inch),
    objectName: 'Table',
  });
  return rowHeights.reduce((a, b) => a + b, 0);
}

/**
 * The title slide: title, subtitle, byline and source, centred in the slide's height at the
 * plan's type scale (its classes: normal, `long` or `dense`), the title as the slide's title.
 */
function titleSlide(slide: Slide, planned: DeckSlide, parts: TitleParts, lang: string): void {
  const dense = planned.classes.includes('dense');
  const long = planned.classes.includes('long');
  const titleSize = dense ? size.titleDense : long ? size.titleLong : size.title;
  const at = (fontSize: number, line: number): TextStyle => ({ fontSize, line: fontSize * line, width: contentWidth });
  const title = at(titleSize, lineHeight.heading);
  const subtitle = at(dense ? size.leadDense : size.lead, lineHeight.body);
  const body = at(dense ? size.bodyDense : size.body, lineHeight.body);
  const small = at(dense ? size.smallDense : size.small, lineHeight.body);
  const byline = parts.byline.join(' · ');
  const blocks = [
    { runs: [{ type: 'text', text: parts.title }] as Run[], style: title, after: dense ? 18 : 28, heading: true },
    ...(parts.subtitle
      ? [{ runs: toRuns(parts.subtitle), style: subtitle, after: dense ? 20 : 36, heading: false, color: color.ink }]
      : []),
    { runs: toRuns(byline), style: body, after: 10, heading: false },
    { runs: parts.basedOn, style: small, after: 0, before: 8, heading: false },
  ];
  const heights = blocks.map((b) => (b.before ?? 0) + textHeight(segmentsOf(b.runs), b.style, 0, b.heading) + b.after);
  // The theme's padding of the title slide, equal above and below (TITLE_ROOM keeps 16 px spare).
  const pad = (geometry.height - TITLE_ROOM - 16) / 2;
  const room = geometry.height - 2 * pad;
  let y = pad + Math.max(0, (room - heights.reduce((a, b) => a + b, 0)) / 2);
  blocks.forEach((b, i) => {
    y += b.before ?? 0;
    const h = textHeight(segmentsOf(b.runs), b.style, 0, b.heading);
    if (b.heading) {
      slide.addText(collapse(parts.title), {
        objectName: TITLE_SHAPE,
        ...box(geometry.padX, y, contentWidth, h),
        ...paragraph(b.style),
        fontFace: font.serif,
        bold: true,
        color: color.accent,
        lang,
      });
    } else {
      const type = bodyType(b.style, lang, b.color ?? color.muted);
      slide.addText(trimmed(textRuns(b.runs, type)), {
        ...box(geometry.padX, y, contentWidth, h),
        ...paragraph(b.style),
        objectName: i === blocks.length - 1 ? 'Source' : 'Byline',
      });
    }
    y += (heights[i] as number) - (b.before ?? 0);
  });
}

/** A divider: the section's numbered title in white on the accent colour under a short highlight bar, centred. */
function dividerSlide(slide: Slide, planned: DeckSlide, lang: string): void {
  const long = planned.classes.includes('long');
  const style = long ? styles.heading : styles.divider;
  const lines = countLines([{ text: planned.heading }], style, true);
  const total = 6 + 30 + lines * style.line;
  const room = geometry.height - geometry.padTop - geometry.padBottom;
  const top = geometry.padTop + Math.max(0, (room - total) / 2);
  slide.addShape('rect', {
    ...box(geometry.padX, top, 96, 6),
    fill: { color: color.highlight },
    line: { type: 'none' },
  });
  slide.addText(collapse(planned.heading), {
    objectName: TITLE_SHAPE,
    ...box(geometry.padX, top + 36, contentWidth, lines * style.line),
    ...paragraph(style),
    fontFace: font.serif,
    bold: true,
    color: color.paper,
    lang,
  });
}
