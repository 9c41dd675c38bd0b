import { escapeXml } from '@briefing/content';
import { PptxPassError, replaceExpected } from './pass.js';

// The package pass's edits on chart parts (see package.ts): each bar's label in its own
// format, and every category label shown.

/**
 * The category axis's labels with their rotation written, as 0: LibreOffice lets category
 * labels overlap only when the chart says they are not rotated, and otherwise leaves out every
 * other one of a chart whose labels wrap over more lines than a bar's row holds (it reads no
 * label frequency, which PowerPoint reads from catAxisLabelFrequency, chart-shape.ts).
 */
export function categoryLabelsShown(xml: string, part = 'a chart part'): string {
  return replaceExpected(
    part,
    xml,
    /<c:catAx>[\s\S]*?<\/c:catAx>/u,
    (axis) =>
      replaceExpected(part, axis, /<a:bodyPr\s*\/>/u, () => '<a:bodyPr rot="0" vert="horz"/>', {
        what: 'category axis text properties with an empty <a:bodyPr/>',
        count: 1,
      }),
    { what: 'category axis (<c:catAx>)', count: 1 },
  );
}

/**
 * One data label per bar with its own number format (and the series' label type), placed
 * before the series' shared label settings as the schema orders them.
 */
export function labelFormats(xml: string, formats: readonly string[], part = 'a chart part'): string {
  const points = [...xml.matchAll(/<c:val>[\s\S]*?<c:ptCount val="(\d+)"\/>/gu)].map((m) => Number(m[1]));
  if (points.length !== 1 || points[0] !== formats.length) {
    throw new PptxPassError(part, `one series of ${formats.length} values, found ${points.join('+') || 'none'}`);
  }
  const at = xml.indexOf('<c:dLbls>');
  if (at < 0) throw new PptxPassError(part, 'data labels (<c:dLbls>)');
  const shared = xml.slice(at, xml.indexOf('</c:dLbls>', at));
  // The series' label type, on one line (a figure broken after "about 1" reads badly).
  const txPr = replaceExpected(
    part,
    /<c:txPr>[\s\S]*?<\/c:txPr>/u.exec(shared)?.[0] ?? '',
    /<a:bodyPr\s*\/>/u,
    () => '<a:bodyPr wrap="none"/>',
    { what: "the labels' text properties with an empty <a:bodyPr/>", count: 1 },
  );
  const labels = formats
    .map(
      (code, idx) =>
        `<c:dLbl><c:idx val="${idx}"/><c:numFmt formatCode="${escapeXml(code)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`,
    )
    .join('');
  const start = at + '<c:dLbls>'.length;
  return xml.slice(0, start) + labels + xml.slice(start);
}
