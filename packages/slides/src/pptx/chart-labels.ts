import { escapeXml } from '@briefing/content';
import { PptxPassError } from './pass.js';
import { fragment, XmlPart } from './xml/read.js';
import type { Place, XmlElement } from './xml/tree.js';

// The package pass's edits on chart parts (see package.ts), made on the parsed part (xml/):
// each bar's label in its own format, and every category label shown.

/**
 * The category axis's labels with their rotation written, as 0: LibreOffice lets category
 * labels overlap only when the chart says they are not rotated, and otherwise leaves out every
 * other one of a chart whose labels wrap over more lines than a bar's row holds (it reads no
 * label frequency, which PowerPoint reads from catAxisLabelFrequency, chart-shape.ts).
 */
export function categoryLabelsShown(root: XmlElement, place: Place): void {
  root
    .need('c:catAx', place, 'category axis (<c:catAx>)')
    .need('a:bodyPr', place, 'text properties (<a:bodyPr>) on the category axis')
    .set('rot', '0')
    .set('vert', 'horz');
}

/**
 * One data label per bar with its own number format (and the series' label type), placed
 * before the series' shared label settings as the schema orders them.
 */
export function labelFormats(root: XmlElement, formats: readonly string[], place: Place): void {
  const series = root.all('c:ser');
  const points = series.map((s) => Number(s.first('c:val')?.first('c:ptCount')?.attr('val')));
  const [one] = series;
  if (!one || series.length !== 1 || points[0] !== formats.length) {
    throw new PptxPassError(place.part, `one series of ${formats.length} values, found ${points.join('+') || 'none'}`);
  }
  const [shared] = one.elements('c:dLbls');
  if (!shared) throw new PptxPassError(place.part, "the series' data labels (<c:dLbls>)");
  // The series' label type, on one line (a figure broken after "about 1" reads badly).
  const type = new XmlPart(shared.need('c:txPr', place, "the labels' text properties (<c:txPr>)").toString(), place);
  type.root.need('a:bodyPr', place, "the labels' <a:bodyPr>").set('wrap', 'none');
  const labels = formats
    .map(
      (code, idx) =>
        `<c:dLbl><c:idx val="${idx}"/><c:numFmt formatCode="${escapeXml(code)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${type}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`,
    )
    .join('');
  shared.insert(fragment(labels), 0);
}
