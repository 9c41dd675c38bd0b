// A word wider than its column is cut between characters. The cut is marked with a hyphen
// drawn as an artifact, and the pieces are one Span whose ActualText is the word, so the PDF
// reads back the word whole (pdf.js as `briefing check` reads it, poppler, a screen reader).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReport, type ReportInput, reportInput } from '@briefing/content';
import { openPdf, readPages, readPdf, type StructNode, structTrees, walk } from '@briefing/inspect';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';

/** Letters and punctuation, far wider than a column of six: cut several times. */
const WORDS = ['Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop', '#&@+=~^%$(){}[]<>#&@+=~^%$(){}[]<>#&@+=~^%$'];

function reportWithLongWords(): ReportInput {
  const input = structuredClone(reportInput) as ReportInput;
  input.sections[0]!.blocks.push({
    type: 'table',
    caption: 'Long words',
    columns: Array.from({ length: 6 }, (_, i) => ({ header: `C${i + 1}` })),
    rows: [[...WORDS, 'a', 'b', 'c', 'd']],
  });
  return input;
}

let pdf: Uint8Array;
beforeAll(async () => {
  pdf = await renderPdf(assertReport(reportWithLongWords()));
});

describe('a word wider than its table column, cut between characters', () => {
  it('is drawn on several lines, each but the last ending in a hyphen', async () => {
    const doc = await openPdf(pdf);
    const pages = await readPages(doc);
    await doc.destroy();
    const items = pages.flatMap((p) => p.items.map((i) => i.str));
    // The soft hyphen is how inspect gives back an artifact hyphen.
    const first = items.findIndex((s) => s.startsWith('Abcd'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(items[first + 1]).toBe('\u00AD');
    expect(pages.some((p) => p.text.includes(WORDS[0]!))).toBe(true);
    expect(pages.some((p) => p.text.includes(WORDS[1]!))).toBe(true);
  });

  it('reads back whole with pdf.js (as briefing check reads it) and with poppler', async () => {
    const text = (await readPdf(pdf)).pages.join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-forced-')), 'briefing.pdf');
    writeFileSync(file, pdf);
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const word of WORDS) {
      expect(text).toContain(word);
      expect(poppler).toContain(word);
    }
  });

  it('is one Span whose ActualText is the word, for a screen reader', async () => {
    const doc = await openPdf(pdf);
    const spans: string[] = [];
    walk(await structTrees(doc), (n: StructNode) => {
      if (n.role === 'Span' && n.alt) spans.push(n.alt);
    });
    await doc.destroy();
    for (const word of WORDS) expect(spans).toContain(word);
  });
});
