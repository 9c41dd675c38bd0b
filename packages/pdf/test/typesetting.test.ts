// The typesetting of the real PDF, read back: no runts, hyphenated words that read whole,
// hyphenation within its limits. Each check is also shown to catch the fault it looks for,
// on a PDF rendered with the rule it checks switched off.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Report, report } from '@briefing/content';
import { openPdf, readPdf, type StructNode, structTrees, walk } from '@briefing/inspect';
import { scaledReport } from '@briefing/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';
import { switches } from '../src/linebreak.js';
import {
  type BrokenWord,
  hyphenationProblems,
  type Readback,
  type ReadParagraph,
  readParagraphs,
  runts,
} from './paragraph-lines.js';

const ON = { ...switches };

/** Render with some of the typesetting rules switched off. */
async function renderWithout(input: Report, off: Partial<typeof switches>): Promise<Uint8Array> {
  Object.assign(switches, off);
  try {
    return await renderPdf(input);
  } finally {
    Object.assign(switches, ON);
  }
}

let bytes: Uint8Array;
let briefing: Readback;
let tenfold: Readback;
let dir: string;

beforeAll(async () => {
  bytes = await renderPdf(report);
  briefing = await readParagraphs(bytes);
  tenfold = await readParagraphs(await renderPdf(scaledReport(10)));
  dir = mkdtempSync(join(tmpdir(), 'briefing-typesetting-'));
  writeFileSync(join(dir, 'briefing.pdf'), bytes);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A word without the punctuation around it. */
const bare = (word: string) => word.replace(/^\P{L}+|\P{L}+$/gu, '');

/** A paragraph of lines on page 3 from its texts; a trailing "-" marks a hyphenated line. */
function para(path: string, ...texts: string[]): ReadParagraph {
  return {
    path,
    lines: texts.map((text, i) => {
      const hyphen = text.endsWith('-');
      const t = hyphen ? text.slice(0, -1) : text;
      return {
        page: text.startsWith('^') ? 4 : 3,
        y: 100 + 14 * i,
        x: 100,
        right: 100 + 5 * t.length,
        text: t.replace(/^\^/, ''),
        hyphen,
      };
    }),
  };
}
const word = (w: string, path = 'Document/Sect/P/Span', halves = [w.slice(0, 3), w.slice(3)]): BrokenWord => ({
  word: w,
  halves,
  pages: [3, 3],
  path,
});

describe('the typesetting checks', () => {
  it('flag a runt: a last line of one word under a fifth of the widest line', () => {
    const full = 'x'.repeat(80);
    expect(runts([para('Document/Sect/P', full, 'time.')])).toEqual([
      `page 3, Document/Sect/P: "…${'x'.repeat(30)}" / "time."`,
    ]);
    // Not a runt: two words, a word long enough, a one-line paragraph, a heading.
    expect(runts([para('Document/Sect/P', full, 'the time.')])).toEqual([]);
    expect(runts([para('Document/Sect/P', full, 'x'.repeat(17))])).toEqual([]);
    expect(runts([para('Document/Sect/P', 'time.')])).toEqual([]);
    expect(runts([para('Document/Sect/H2', full, 'time.')])).toEqual([]);
  });

  it('flag every broken hyphenation rule, and nothing in a paragraph that keeps them', () => {
    const fine: Readback = {
      paragraphs: [para('Document/Sect/P', 'a transna-', 'tional cyber-', 'crime and', 'many more')],
      words: [
        word('transnational', undefined, ['transna', 'tional']),
        word('cybercrime', undefined, ['cyber', 'crime']),
      ],
      untagged: [],
    };
    expect(hyphenationProblems(fine)).toEqual([]);
    const bad: Readback = {
      paragraphs: [
        para('Document/Sect/H2', 'A head-', 'ing here'),
        para('Document/Sect/P', 'one-', 'two-', 'three-', 'four', 'five-', 'end'),
        para('Document/Sect/P', 'at the foot-', '^of a page', 'and on'),
      ],
      words: [
        word('Myanmar'),
        word('cheap.'),
        word('1000000'),
        word('organised', 'Document/Sect/P/Link/Span'),
        word('organised', undefined, ['organ', 'sed']),
      ],
      untagged: [],
    };
    const problems = hyphenationProblems(bad).join('\n');
    for (const rule of [
      'a heading is hyphenated',
      '3 hyphenated lines in a row',
      'hyphen before the last line',
      'a word broken across pages',
      'a name (a capitalised word) is hyphenated',
      'a word of fewer than six letters is hyphenated',
      'a figure is hyphenated',
      'hyphenated in a link or heading',
      'drawn as ["organ","sed"]',
    ]) {
      expect(problems).toContain(rule);
    }
  });
});

describe('paragraphs of the PDF, read back', () => {
  it('end on no runt (a last line of one word under a fifth of the line), in the briefing and a ten-times report', () => {
    expect(briefing.paragraphs.length).toBeGreaterThan(50);
    expect(runts(briefing.paragraphs)).toEqual([]);
    expect(runts(tenfold.paragraphs)).toEqual([]);
  });

  it('would end on runts if set line by line: the check finds them', async () => {
    const greedy = runts((await readParagraphs(await renderWithout(report, { totalFit: false }))).paragraphs);
    // Greedy breaking left eight runts in the report as the issue found it; seven since the
    // ledes were rewritten (the lede that ended on "cybercrime." says something else now);
    // four since the deck's rewrite split, merged and moved paragraphs (issue 21), three since
    // the outsourcing of low-level work became a paragraph of its own.
    expect(greedy.length).toBeGreaterThanOrEqual(3);
    expect(greedy.join('\n')).toContain('"2024."');
  });

  it('hyphenate some words, each of which reads whole: pdf.js, poppler and the structure tree', async () => {
    const { words } = briefing;
    expect(words.length).toBeGreaterThan(0);
    expect(briefing.paragraphs.flatMap((p) => p.lines).filter((l) => l.hyphen)).toHaveLength(words.length);
    const pdfjs = (await readPdf(bytes)).pages.join(' ');
    const poppler = execFileSync('pdftotext', [join(dir, 'briefing.pdf'), '-'], { encoding: 'utf8' });
    const doc = await openPdf(bytes);
    const spans: StructNode[] = [];
    walk(await structTrees(doc), (n) => {
      if (n.role === 'Span') spans.push(n);
    });
    await doc.destroy();
    // A screen reader reads each broken word's Span as its ActualText: the whole word.
    expect(spans.map((s) => s.alt)).toEqual(words.map((w) => w.word));
    for (const { word, halves } of words) {
      const [head, tail] = halves.map((h) => bare(h.trim()));
      expect(pdfjs, word).toContain(bare(word));
      expect(pdfjs, word).not.toContain(`${head}-${tail}`);
      expect(pdfjs, word).not.toContain(`${head} ${tail}`);
      expect(poppler, word).toContain(bare(word));
    }
  });

  it('hyphenate nothing with hyphenation switched off (so the test above can fail)', async () => {
    const plain = await readParagraphs(await renderWithout(report, { hyphenate: false }));
    expect(plain.words).toEqual([]);
    expect(plain.paragraphs.some((p) => p.lines.some((l) => l.hyphen))).toBe(false);
  });

  it('keep the limits: no hyphen in a heading, link, name, figure or short word, none before a last line or a page break, at most two in a row', () => {
    expect(hyphenationProblems(briefing)).toEqual([]);
    expect(tenfold.words.length).toBeGreaterThan(briefing.words.length);
    expect(hyphenationProblems(tenfold)).toEqual([]);
  });

  it('would break the limits without them: the check finds it', async () => {
    const loose = await readParagraphs(await renderWithout(report, { hyphenLimits: false }));
    expect(hyphenationProblems(loose).join('\n')).toMatch(/a name \(a capitalised word\) is hyphenated/);
  });

  it('tag every piece of text, or mark it an artifact (PDF/UA), and pass qpdf', () => {
    expect(briefing.untagged).toEqual([]);
    expect(tenfold.untagged).toEqual([]);
    execFileSync('qpdf', ['--check', join(dir, 'briefing.pdf')], { stdio: 'pipe' });
  });
});
