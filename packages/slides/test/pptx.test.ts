// The PPTX renderer's own pieces: the chart labels' number formats and the package pass (its
// zip in zip.test.ts).
// The file as a whole is read back in test/contract/pptx.test.ts and opened in LibreOffice in
// test/robustness/pptx-libreoffice.test.ts.

import { formatDatumFigure, formatSharePercent } from '@briefing/content';
import { largestFiguresReport } from '@briefing/testkit';
import numfmt from 'numfmt';
import { describe, expect, it } from 'vitest';
import { advance } from '../src/layout/layout.js';
import { withMetrics } from '../src/layout/measure.js';
import { chartBox, contentWidth } from '../src/layout/metrics.js';
import { chartPanels } from '../src/pptx/chart.js';
import { formatValue, labelFormat } from '../src/pptx/numfmt.js';
import { onePPr } from '../src/pptx/slide-pass.js';
import { XmlPart } from '../src/pptx/xml/read.js';

describe('chart label formats', () => {
  it('show each figure as the report writes it, following the value', () => {
    for (const [value, figure] of [
      [1_000_000_000, 'about 1 billion'],
      [600_000_000, 'over 600 million'],
      [1_500_000_000, '1.5 billion'],
      [1234, '1,234'],
      [0.5, '0.5'],
      [70, 'about 70%'],
    ] as const) {
      const code = labelFormat(value, figure);
      // Read by an independent evaluator of the format language: labelFormat checks its own
      // formats with formatValue, so formatValue here could never disagree.
      expect(numfmt.format(code, value), code).toBe(figure);
      expect(formatValue(code, value), code).toBe(figure);
      // A format with a digit placeholder, not a literal: an edit in the data sheet shows.
      expect(code, figure).toMatch(/(^|")[#0]/u);
    }
    expect(formatValue(labelFormat(1_000_000_000, 'about 1 billion'), 1_200_000_000)).toBe('about 1 billion');
    expect(formatValue(labelFormat(600_000_000, 'over 600 million'), 650_000_000)).toBe('over 650 million');
    expect(numfmt.format(labelFormat(600_000_000, 'over 600 million'), 650_000_000)).toBe('over 650 million');
  });

  it('fall back to the figure as a literal when no format gives it exactly', () => {
    // A figure in another language's words, and one that does not say the value.
    expect(labelFormat(1_000_000_000, 'environ 1 milliard')).toBe('"environ 1 milliard"');
    expect(labelFormat(600_000_000, 'about 1 billion')).toBe('"about 1 billion"');
    expect(formatValue('"say ""hi"""', 3)).toBe('say "hi"');
  });
});

describe('chart axes', () => {
  it('leave every bar room for its value label after it, in the faces and room of the PPTX plan', () => {
    const r = largestFiguresReport();
    const chart = r.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
    if (chart?.type !== 'chart') throw new Error('fixture moved');
    const width = (contentWidth - chartBox.panelGap) / 2;
    withMetrics({ faces: 'office', reserve: true }, () => {
      const labels = {
        value: chart.data.map((d) => formatDatumFigure(d, 'en-GB')),
        share: chart.data.filter((d) => d.share !== undefined).map((d) => formatSharePercent(d, 'en-GB') ?? ''),
      };
      for (const panel of chartPanels(chart, 'en-GB', width)) {
        const size = chartBox.title;
        const plot = width - Math.max(...panel.labels.map((c) => advance(c, size, 'regular'))) - 4 * size;
        panel.values.forEach((value, i) => {
          const label = advance(labels[panel.key][i] ?? '', size, 'bold');
          expect((value / panel.max) * plot + label, `${panel.key} ${i}`).toBeLessThanOrEqual(plot);
        });
      }
    });
  });
});

describe('the package pass', () => {
  it('keeps one paragraph-properties element per paragraph', () => {
    const xml =
      '<a:p><a:pPr algn="l"><a:lnSpc/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0"/><a:r><a:t>b</a:t></a:r></a:p>';
    const part = new XmlPart(`<p:txBody>${xml}</p:txBody>`, { part: 'test' });
    onePPr(part.root.all('a:p'));
    expect(part.toString()).toBe(
      '<p:txBody><a:p><a:pPr algn="l"><a:lnSpc/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p></p:txBody>',
    );
  });
});
