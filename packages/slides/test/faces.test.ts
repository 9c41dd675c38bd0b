// The faces the layout measures in: the office set's metric-compatible equivalents (Gelasio
// for Georgia, Arimo for Arial, from npm), and, for a PPTX, each width the wider of the face's
// and DejaVu's (the widest substitute), restored after each plan.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { TTF_FILES } from '../src/layout/faces.js';
import { oneFont } from '../src/layout/fonts.js';
import { countLines, styles } from '../src/layout/layout.js';
import { currentMetrics, type Face, textWidth, withMetrics } from '../src/layout/measure.js';

const require = createRequire(import.meta.url);
const ttfWidth = (file: string, text: string) => {
  const font = oneFont(create(readFileSync(require.resolve(file))));
  return font.layout(text, { calt: false, kern: true, liga: true }, 'latn').advanceWidth / font.unitsPerEm;
};
const SAMPLE = 'Cross-border cooperation remains scarce, and 600 million users are targets.';

describe('the office faces', () => {
  it('are measured in Gelasio and Arimo, the equivalents of Georgia and Arial', () => {
    withMetrics({ faces: 'office', reserve: false }, () => {
      for (const face of ['regular', 'bold', 'italic', 'heading'] as Face[]) {
        expect(textWidth(SAMPLE, face), face).toBeCloseTo(ttfWidth(TTF_FILES.office[face], SAMPLE), 6);
      }
    });
  });

  it('leave room for DejaVu in a PPTX plan: each width the wider of the two', () => {
    withMetrics({ faces: 'office', reserve: true }, () => {
      for (const face of ['regular', 'heading'] as Face[]) {
        const wider = Math.max(ttfWidth(TTF_FILES.office[face], SAMPLE), ttfWidth(TTF_FILES.substitute[face], SAMPLE));
        expect(textWidth(SAMPLE, face), face).toBeCloseTo(wider, 6);
      }
    });
    // DejaVu is the wider here, so a reserved plan counts more lines for long text.
    const long = [{ text: SAMPLE.repeat(6) }];
    const bare = withMetrics({ faces: 'office', reserve: false }, () => countLines(long, styles.body));
    const reserved = withMetrics({ faces: 'office', reserve: true }, () => countLines(long, styles.body));
    expect(reserved).toBeGreaterThan(bare);
  });

  it('are in force only inside withMetrics, which restores the HTML deck’s after', () => {
    expect(currentMetrics()).toEqual({ faces: 'design', reserve: false });
    expect(() =>
      withMetrics({ faces: 'office', reserve: true }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(currentMetrics()).toEqual({ faces: 'design', reserve: false });
  });
});
