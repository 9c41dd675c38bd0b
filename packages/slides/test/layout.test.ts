import type { Run } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { countLines, FILL, lineWidth, segmentsOf, styles } from '../src/layout/layout.js';
import { textWidth, withMetrics } from '../src/layout/measure.js';
import { firstSentence, splitRuns } from '../src/layout/split.js';

const text = (t: string): Run => ({ type: 'text', text: t });

describe('countLines', () => {
  it('counts one line for short text and more as the text grows', () => {
    expect(countLines([{ text: 'A short line.' }], styles.bullet)).toBe(1);
    const long = 'word '.repeat(200);
    expect(countLines([{ text: long }], styles.bullet)).toBeGreaterThan(10);
  });

  it('wraps an unbroken word longer than a line over several lines', () => {
    expect(countLines([{ text: 'x'.repeat(400) }], styles.bullet)).toBeGreaterThanOrEqual(4);
  });

  it('ends the line of a link cut across lines in a PPTX (LibreOffice), not in the HTML deck', () => {
    // A link's text a line and a third long, then a short word that fits beside its last piece.
    const long = 'x'.repeat(
      Math.ceil((1.3 * styles.bullet.width) / (textWidth('x', 'regular') * styles.bullet.fontSize)),
    );
    const runs: Run[] = [{ type: 'link', text: long, href: 'https://example.org/' }, text(' after')];
    const html = countLines(segmentsOf(runs), styles.bullet);
    const pptx = withMetrics({ faces: 'office', reserve: true }, () => countLines(segmentsOf(runs), styles.bullet));
    const plain = withMetrics({ faces: 'office', reserve: true }, () =>
      countLines(segmentsOf([text(long), text(' after')]), styles.bullet),
    );
    expect(html).toBe(2);
    expect(plain).toBe(2);
    expect(pptx).toBe(3);
  });

  it('counts bold text as wider than regular text', () => {
    const t = 'bold words that take more room '.repeat(12);
    expect(countLines([{ text: t, bold: true }], styles.bullet)).toBeGreaterThanOrEqual(
      countLines([{ text: t }], styles.bullet),
    );
  });
  it('counts CJK characters at a full em and emoji wider still, whatever font draws them', () => {
    const lines = (char: string) => countLines([{ text: char.repeat(200) }], styles.body);
    expect(lines('x')).toBeLessThan(lines('网'));
    expect(lines('网')).toBeLessThan(lines('😀'));
    expect(lines('网')).toBeGreaterThanOrEqual(Math.ceil((200 * styles.body.fontSize) / styles.body.width));
  });
});

describe('countLines, measured', () => {
  const room = styles.bullet.width * FILL;
  const size = styles.bullet.fontSize;

  it('fills a line up to the width the fonts measure, and breaks before the word that passes it', () => {
    // Words of one measured width, so the count follows from the width alone.
    const word = 'Myanmar';
    const w = textWidth(word, 'regular') * size;
    const space = textWidth(' ', 'regular') * size;
    const perLine = Math.floor((room + space) / (w + space));
    const text = (n: number) => Array.from({ length: n }, () => word).join(' ');
    expect(countLines([{ text: text(perLine) }], styles.bullet)).toBe(1);
    expect(countLines([{ text: text(perLine + 1) }], styles.bullet)).toBe(2);
    expect(countLines([{ text: text(3 * perLine) }], styles.bullet)).toBe(3);
  });

  it('never breaks at a no-break space, nor between a bold term and the colon after it', () => {
    const word = 'x'.repeat(30);
    const w = textWidth(word, 'regular') * size;
    expect(2 * w).toBeLessThan(room);
    expect(3 * w).toBeGreaterThan(room);
    // Three words that fit two to a line: with no-break spaces they are one word too long for a line.
    expect(countLines([{ text: `${word} ${word} ${word}` }], styles.bullet)).toBe(2);
    const glued = countLines([{ text: `${word}\u00a0${word}\u00a0${word}` }], styles.bullet);
    expect(glued).toBe(Math.ceil((3 * w + 2 * textWidth('\u00a0', 'regular') * size) / room));
    // "term:" is one word: with room for "Myanmar Scam" and half the colon, the term goes to the
    // next line with its colon, and pushes the word after it to a third.
    const room2 =
      lineWidth([{ text: 'Myanmar ' }, { text: 'Scam', bold: true }], size) + (textWidth(':', 'regular') * size) / 2;
    const narrow = { fontSize: size, line: 1, width: room2 / FILL };
    expect(countLines([{ text: 'Myanmar ' }, { text: 'Scam', bold: true }, { text: ': Myanmar' }], narrow)).toBe(3);
    // The same words with a space before the colon break there instead.
    expect(countLines([{ text: 'Myanmar ' }, { text: 'Scam', bold: true }, { text: ' : Myanmar' }], narrow)).toBe(2);
  });

  it('wraps a word longer than a line character by character, as many on a line as fit', () => {
    const x = textWidth('x', 'regular') * size;
    const perLine = Math.floor(room / x);
    expect(countLines([{ text: 'x'.repeat(perLine) }], styles.bullet)).toBe(1);
    expect(countLines([{ text: 'x'.repeat(perLine + 1) }], styles.bullet)).toBe(2);
    expect(countLines([{ text: 'x'.repeat(4 * perLine + 1) }], styles.bullet)).toBe(5);
  });

  it('measures emphasis in the italic face and headings in the serif', () => {
    const t = 'Transnational scam networks';
    expect(lineWidth([{ text: t, italic: true }], size)).toBeCloseTo(textWidth(t, 'italic') * size, 6);
    expect(lineWidth([{ text: t }], size, true)).toBeCloseTo(textWidth(t, 'heading') * size, 6);
    expect(segmentsOf([{ type: 'text', text: t, emphasis: 'em' }])).toEqual([{ text: t, bold: false, italic: true }]);
  });
});

describe('splitRuns', () => {
  it('splits a long run into pieces that each fit and join back to the original text', () => {
    const original = 'A sentence that keeps going without a full stop '.repeat(60);
    const pieces = splitRuns([text(original)], styles.bullet, 5, 8);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => p.map((r) => r.text).join('')).join('')).toBe(original);
    pieces.forEach((piece, i) => {
      expect(countLines([{ text: piece.map((r) => r.text).join('') }], styles.bullet)).toBeLessThanOrEqual(
        i === 0 ? 5 : 8,
      );
    });
  });

  it('keeps emphasis and links on the pieces they fall in', () => {
    const runs: Run[] = [
      text('plain '.repeat(80)),
      { type: 'text', text: 'strong '.repeat(80), emphasis: 'strong' },
      { type: 'link', text: 'link '.repeat(40), href: 'https://example.org/' },
    ];
    const pieces = splitRuns(runs, styles.bullet, 3, 3).flat();
    expect(
      pieces.filter((r) => r.type === 'link').every((r) => r.type === 'link' && r.href === 'https://example.org/'),
    ).toBe(true);
    expect(pieces.map((r) => r.text).join('')).toBe(runs.map((r) => r.text).join(''));
  });

  it('cuts a single word too long for the room', () => {
    const pieces = splitRuns([text('y'.repeat(3000))], styles.bullet, 2, 2);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.map((p) => p[0]?.text).join('')).toBe('y'.repeat(3000));
  });
  it('cuts a long word of emoji into pieces that fit, never inside a surrogate pair', () => {
    const word = '😀'.repeat(300);
    const pieces = splitRuns([text(word)], styles.bullet, 2, 2).map((p) => p.map((r) => r.text).join(''));
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(word);
    for (const piece of pieces) {
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u);
      expect(countLines([{ text: piece }], styles.bullet)).toBeLessThanOrEqual(2);
    }
  });
});

describe('firstSentence', () => {
  it('cuts rich text after its first sentence', () => {
    const { runs, cut } = firstSentence([
      { type: 'text', text: 'China', emphasis: 'strong' },
      text(' has cracked down at home. Critics say more.'),
    ]);
    expect(cut).toBe(true);
    expect(runs.map((r) => r.text).join('')).toBe('China has cracked down at home.');
    expect(runs[0]).toEqual({ type: 'text', text: 'China', emphasis: 'strong' });
  });

  it('keeps text of one sentence whole', () => {
    expect(firstSentence([text('Only one sentence here.')])).toEqual({
      runs: [text('Only one sentence here.')],
      cut: false,
    });
    expect(firstSentence([text('No full stop at all')]).cut).toBe(false);
  });
});
