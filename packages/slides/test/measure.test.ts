import { tokens } from '@briefing/content';
import { browserOrReason, type Chromium, launchChromium } from '@briefing/testkit/chromium';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, countLines, FILL, faceOf, lineWidth, type Segment } from '../src/layout/layout.js';
import { embeds, textWidth } from '../src/layout/measure.js';
import { charWidth, fallbackWidth, lineHeight } from '../src/layout/metrics.js';
import { themeCss } from '../src/markdown/theme.js';
import { embeddedSamples, fallbackSamples, probePage, reportSamples, type Sample } from './text-samples.js';

describe('textWidth', () => {
  it('measures the embedded faces: narrow and wide letters, bold wider than regular, the serif its own', () => {
    expect(textWidth('iiii', 'regular')).toBeLessThan(textWidth('MMMM', 'regular') / 2);
    expect(textWidth('Myanmar', 'bold')).toBeGreaterThan(textWidth('Myanmar', 'regular'));
    expect(textWidth('Myanmar', 'heading')).not.toBeCloseTo(textWidth('Myanmar', 'bold'), 3);
  });

  it('kerns pairs as Chromium does, once, in text of figures and punctuation too', () => {
    expect(textWidth('AV', 'regular')).toBeLessThan(textWidth('A', 'regular') + textWidth('V', 'regular'));
    // fontkit left to guess the script of "3.5" applies Inter's kerning twice; in "x3.5" once.
    expect(textWidth('3.5', 'regular')).toBeCloseTo(textWidth('x3.5', 'regular') - textWidth('x', 'regular'), 4);
  });

  it('keeps the estimate for characters no embedded subset draws', () => {
    expect(embeds('Ł'.codePointAt(0) as number, 'regular')).toBe(true);
    // Every face embeds every subset the PDF's faces draw too: Latin Extended in italic, Cyrillic in bold.
    expect(embeds('Ł'.codePointAt(0) as number, 'italic')).toBe(true);
    expect(embeds('д'.codePointAt(0) as number, 'bold')).toBe(true);
    expect(textWidth('网络', 'regular')).toBe(2 * fallbackWidth.wide);
    expect(textWidth('😀', 'bold')).toBe(fallbackWidth.emoji);
    expect(textWidth('क', 'bold')).toBe(fallbackWidth.scriptBold);
  });
});

describe('lineWidth', () => {
  it('measures a term, emphasis and plain text each in its face, white space collapsed', () => {
    const segments: Segment[] = [
      { text: 'Scam compounds', bold: true },
      { text: ':  run by ' },
      { text: 'Chinese-led', italic: true },
    ];
    const sum =
      textWidth('Scam compounds', 'bold') + textWidth(': run by ', 'regular') + textWidth('Chinese-led', 'italic');
    expect(lineWidth(segments, 26)).toBeCloseTo(26 * sum, 1);
    expect(faceOf(segments[0] as Segment)).toBe('bold');
    expect(faceOf(segments[2] as Segment)).toBe('italic');
    expect(faceOf(segments[2] as Segment, true)).toBe('heading');
  });
});

// Measured against Chromium: the widths of the report's own text and of harder samples, and the
// lines Chromium breaks them into. On CI a missing Chromium fails (browserOrReason throws).
const found = browserOrReason();
const executablePath = 'path' in found ? found.path : undefined;
const title = executablePath
  ? 'measured against headless Chromium'
  : `measured against headless Chromium (skipped: ${'reason' in found ? found.reason : ''})`;

/** Largest relative difference allowed between a measured width and Chromium's, for text the embedded fonts draw. */
const TOLERANCE = 0.005;

/** Render the probes of `samples` in the deck's theme and read them back. */
async function probe(page: Page, samples: readonly Sample[], width: (s: Sample) => number | 'nowrap'): Promise<void> {
  await page.setContent(probePage(themeCss(), samples, width), { waitUntil: 'load' });
  await page.evaluate(async () => {
    void document.body.offsetHeight; // lay out, so every face in use starts loading
    await document.fonts.ready;
  });
}

const widths = (page: Page) => page.$$eval('.probe', (els) => els.map((el) => el.getBoundingClientRect().width));

/** Lines of each probe: line boxes told apart by the tops of its text's boxes. */
const lines = (page: Page) =>
  page.$$eval('.probe', (els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const fontSize = Number.parseFloat(getComputedStyle(el).fontSize);
      const tops = [...range.getClientRects()]
        .filter((r) => r.width > 0)
        .map((r) => r.top)
        .sort((a, b) => a - b);
      let count = 0;
      let last = Number.NEGATIVE_INFINITY;
      for (const top of tops) {
        if (top - last > fontSize * 0.6) {
          count++;
          last = top;
        }
      }
      return count;
    }),
  );

const measured = (s: Sample) => lineWidth(s.segments, s.fontSize, s.headingFont);

/** The per-character estimate layout.ts used before it measured (metrics.ts charWidth). */
const estimated = (s: Sample) =>
  s.segments.reduce(
    (px, seg) =>
      px +
      advance(
        seg.text.replace(/\s+/gu, ' '),
        s.fontSize,
        s.headingFont ? charWidth.heading : seg.bold ? charWidth.bold : charWidth.regular,
      ),
    0,
  );

const relative = (ours: number, chromium: number) => (ours - chromium) / chromium;

describe.skipIf(!executablePath)(title, () => {
  let chromium: Chromium;
  let page: Page;
  beforeAll(async () => {
    chromium = await launchChromium(executablePath as string);
    page = await chromium.browser.newPage();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  const report = reportSamples();

  it('measures every string of the report, at the deck’s sizes, within 0.5% of Chromium’s width', async () => {
    await probe(page, report, () => 'nowrap');
    // Chromium drew the embedded faces (a system font would miss by far more than the tolerance).
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight} ${f.style}`),
    );
    const { sans, serif } = tokens.font;
    expect(new Set(loaded)).toEqual(
      new Set([
        `${sans.family} ${sans.faces.regular.weight} normal`,
        `${sans.family} ${sans.faces.bold.weight} normal`,
        `${serif.family} ${serif.faces.bold.weight} normal`,
      ]),
    );
    const got = await widths(page);
    const off = report
      .map((s, i) => ({ name: s.name, error: relative(measured(s), got[i] as number) }))
      .filter(({ error }) => Math.abs(error) > TOLERANCE);
    expect(off).toEqual([]);
  });

  it('tells the measurement from the old per-character estimate, which misses by more than the tolerance', async () => {
    await probe(page, report, () => 'nowrap');
    const got = await widths(page);
    const errors = report.map((s, i) => relative(estimated(s), got[i] as number));
    expect(Math.max(...errors.map(Math.abs))).toBeGreaterThan(10 * TOLERANCE);
    // And it was not even always on the safe side: some text was wider than it estimated.
    expect(Math.min(...errors)).toBeLessThan(-TOLERANCE);
  });

  it('measures mixed faces, Latin Extended, figures and kerning pairs within 0.5% of Chromium', async () => {
    await probe(page, embeddedSamples, () => 'nowrap');
    const got = await widths(page);
    const off = embeddedSamples
      .map((s, i) => ({ name: s.name, ours: measured(s), chromium: got[i] as number }))
      .filter(({ ours, chromium }) => Math.abs(relative(ours, chromium)) > TOLERANCE);
    expect(off).toEqual([]);
  });

  it('never counts text drawn by system fonts (East Asian, other scripts, emoji) narrower than Chromium by more than the margin', async () => {
    await probe(page, fallbackSamples, () => 'nowrap');
    const got = await widths(page);
    const under = fallbackSamples
      .map((s, i) => ({ name: s.name, ours: measured(s), chromium: got[i] as number }))
      .filter(({ ours, chromium }) => ours < chromium * FILL);
    expect(under).toEqual([]);
  });

  it('counts as many lines as Chromium breaks the text into, never fewer, at a full, a medium and a narrow width', async () => {
    const boxes = [1090, 700, 420];
    const samples = [...report, ...embeddedSamples, ...fallbackSamples].flatMap((s) =>
      boxes.map((width) => ({ ...s, width })),
    );
    await probe(page, samples, (s) => (s as Sample & { width: number }).width);
    const got = await lines(page);
    const counted = samples.map((s) =>
      countLines(
        s.segments,
        { fontSize: s.fontSize, width: s.width, line: s.fontSize * lineHeight.body },
        s.headingFont,
      ),
    );
    const fewer = samples.filter((_, i) => (counted[i] as number) < (got[i] as number)).map((s) => s.name);
    expect(fewer).toEqual([]);
    // The margin costs a line now and then, never more than one.
    expect(samples.filter((_, i) => (counted[i] as number) > (got[i] as number) + 1).map((s) => s.name)).toEqual([]);
    const same = counted.filter((n, i) => n === got[i]).length;
    expect(same / samples.length).toBeGreaterThan(0.9);
  });
});
