import { hasShareSeries, type Run } from '@briefing/content';
import { cutTo, panelTitleSize } from '../layout/chart-axis.js';
import { styles } from '../layout/layout.js';
import { roomWidth } from '../layout/measure.js';
import { chartBox, slide as geometry, nativeChart } from '../layout/metrics.js';
import { chartCaption, linkLabel } from '../plan/caption.js';
import type { ElementOf } from '../plan/plan.js';
import { type ChartPanel, chartPanels } from './chart.js';
import type { At } from './elements.js';
import { bodyType, box, paragraph } from './shapes.js';
import { textRuns, trimmed, xmlSafe } from './text.js';
import { color, font, pt } from './units.js';

/**
 * The chart: its panels side by side as native bar charts (values in each chart's data sheet,
 * a bar per data point in the report's order, labels formatted as the report's figures), the
 * plot as tall as the plan made it, then the caption with the source link under it.
 */
export function addChart(element: ElementOf<'chart'>, at: At): void {
  const { chart, plot } = element;
  const { panelGap } = chartBox;
  const count = hasShareSeries(chart) ? 2 : 1;
  const width = (roomWidth() - panelGap * (count - 1)) / count;
  const panels = chartPanels(chart, at.lang, width, plot);
  // One line, as the plot's place keeps room for (chart-axis.ts): LibreOffice wraps a title
  // at about 60% of the frame's width, and a second line printed over the first label.
  const titleSize = panelTitleSize(
    panels.map((panel) => panel.title),
    width / 2,
  );
  panels.forEach((panel, k) => {
    addChartPanel(panel, chart.title, titleSize, {
      ...at,
      x: geometry.padX + k * (width + panelGap),
      w: width,
      h: plot,
    });
    at.chartFormats.push(panel.formats);
  });
  const caption: Run[] = [
    { type: 'text', text: chartCaption(chart, at.lang) },
    ...(chart.source.url
      ? [
          { type: 'text' as const, text: ' ' },
          { type: 'link' as const, text: linkLabel(chart.source.url), href: chart.source.url },
        ]
      : []),
  ];
  at.slide.addText(trimmed(textRuns(caption, bodyType(styles.small, at.lang, color.muted))), {
    ...box(geometry.padX, at.y + plot + chartBox.captionGap, roomWidth(), element.caption),
    ...paragraph(styles.small),
    objectName: 'Caption',
  });
}

/**
 * One panel as a native bar chart. Its frame is named by the chart's title and the panel's
 * ("Chart: Internet users in China and India – Internet users"), as the HTML figure's SVG
 * title names it: where the chart shares a slide headed by the section's point, the PPTX
 * reader still finds which chart the bars belong to.
 */
function addChartPanel(
  panel: ChartPanel,
  title: string,
  titleSize: number,
  at: At & { x: number; w: number; h: number },
): void {
  const { axis } = panel;
  at.slide.addChart(
    at.pres.ChartType.bar,
    [{ name: xmlSafe(panel.title), labels: (axis.shown ?? panel.labels).map(xmlSafe), values: panel.values }],
    {
      ...box(at.x, at.y, at.w, at.h),
      objectName: `Chart: ${xmlSafe(title)} – ${xmlSafe(panel.title)}`,
      altText: xmlSafe(panel.altText),
      barDir: 'bar',
      barGapWidthPct: nativeChart.barGapPct,
      chartColors: [color.accent],
      // The first data point on top, as the HTML slide lists them.
      // (pptxgenjs writes the option as given; its types know only 'minMax'.)
      catAxisOrientation: 'maxMin' as 'minMax',
      catAxisLabelFontFace: font.sans,
      catAxisLabelFontSize: pt(axis.size),
      catAxisLabelColor: color.ink,
      catAxisLineShow: true,
      catAxisLineColor: color.rule,
      catAxisMajorTickMark: 'none',
      // Every bar's label: left to choose, LibreOffice skips every other one when they wrap
      // over more lines than a bar's row holds, and a chart without its labels says nothing.
      catAxisLabelFrequency: '1',
      valAxisHidden: true,
      valAxisMinVal: 0,
      valAxisMaxVal: panel.max,
      valGridLine: { style: 'none' },
      showValue: true,
      dataLabelPosition: 'outEnd',
      dataLabelFontFace: font.sans,
      // The figures as large as the category labels: a row that holds a label's lines holds a figure's one.
      dataLabelFontSize: pt(axis.size),
      dataLabelFontBold: true,
      dataLabelColor: color.ink,
      showLegend: false,
      showTitle: true,
      title: xmlSafe(cutTo(panel.title, titleSize, at.w / 2, 1)),
      titleFontFace: font.sans,
      titleFontSize: pt(titleSize),
      titleColor: color.accent,
      titleAlign: 'left',
      lang: at.lang,
      // The plot placed by the PPTX where the viewer's own layout would set long labels over
      // each other (chart-axis.ts); pptxgenjs writes it as the plot's inner area.
      ...(axis.plot ? { layout: axis.plot } : {}),
    },
  );
}
