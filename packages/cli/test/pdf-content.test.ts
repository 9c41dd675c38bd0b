import { describe, expect, it } from 'vitest';
import {
  analyseContent,
  markArtifacts,
  readContent,
  UnreadableContent,
} from '../src/browser/slides-pdf-a11y/pdf-content.js';

/** Chromium's way of writing a page: graphics state, a tagged heading, untagged painting. */
const PAGE = [
  'q 0 0 4000 2250 re W* n',
  '1 1 1 rg 0 0 1280 720 re f',
  '/H2 <</MCID 1 >>BDC',
  '76 114 1128 2 re f',
  'EMC',
  '/NonStruct <</MCID 2 >>BDC',
  'BT /F4 37.09 Tf 1 0 0 -1 76 90 Tm <0002> Tj [(a\\)b) -20 (c)] TJ ET',
  'EMC',
  '/Figure <</MCID 3 >>BDC 0 0 5 5 re f BT (x) Tj ET EMC',
  '/LI <</MCID 4 >>BDC EMC',
  'BT /F5 21 Tf (2) Tj ET',
  '/Im0 Do',
  'Q',
].join('\n');

describe('readContent', () => {
  it('splits a content stream into operators with their operands and where they start and end', () => {
    const ops = readContent(PAGE);
    expect(ops.map((o) => o.op).slice(0, 12)).toEqual([
      'q',
      're',
      'W*',
      'n',
      'rg',
      're',
      'f',
      'BDC',
      're',
      'f',
      'EMC',
      'BDC',
    ]);
    const bdc = ops[7];
    expect(bdc?.operands).toEqual(['/H2', '<</MCID 1 >>']);
    expect(PAGE.slice(bdc?.start, bdc?.end)).toBe('/H2 <</MCID 1 >>BDC');
    const tj = ops.find((o) => o.op === 'TJ');
    expect(tj?.operands).toEqual(['[(a\\)b) -20 (c)]']);
  });

  it('refuses an inline image and broken syntax instead of guessing', () => {
    expect(() => readContent('BI /W 1 /H 1 ID \u00ff EI')).toThrow(UnreadableContent);
    expect(() => readContent('(unterminated Tj')).toThrow(UnreadableContent);
    expect(() => readContent('1 0 0')).toThrow(UnreadableContent);
  });
});

describe('analyseContent', () => {
  it('finds the painting outside marked content, and which tagged sequences only paint paths', () => {
    const ops = readContent(PAGE);
    const { sequences, untagged } = analyseContent(ops);
    // The clipping path paints nothing; the background, the page number and the image do.
    expect(untagged.map(([s, e]) => PAGE.slice(s, e))).toEqual([
      '0 0 1280 720 re f',
      'BT /F5 21 Tf (2) Tj ET',
      '/Im0 Do',
    ]);
    expect(sequences.map((s) => [s.tag, s.mcid, s.paints, s.content])).toEqual([
      ['/H2', 1, true, false],
      ['/NonStruct', 2, false, true],
      ['/Figure', 3, true, true],
      ['/LI', 4, false, false],
    ]);
  });
});

describe('markArtifacts', () => {
  it('wraps untagged objects and turns a decoration BDC into an artifact, keeping every other byte', () => {
    const ops = readContent(PAGE);
    const { sequences, untagged } = analyseContent(ops);
    const h2 = sequences.find((s) => s.mcid === 1)?.index as number;
    const out = markArtifacts(PAGE, ops, untagged, [h2]);
    expect(out).toBe(
      [
        'q 0 0 4000 2250 re W* n',
        '1 1 1 rg /Artifact BMC\n0 0 1280 720 re f\nEMC\n',
        '/Artifact BMC',
        '76 114 1128 2 re f',
        'EMC',
        '/NonStruct <</MCID 2 >>BDC',
        'BT /F4 37.09 Tf 1 0 0 -1 76 90 Tm <0002> Tj [(a\\)b) -20 (c)] TJ ET',
        'EMC',
        '/Figure <</MCID 3 >>BDC 0 0 5 5 re f BT (x) Tj ET EMC',
        '/LI <</MCID 4 >>BDC EMC',
        '/Artifact BMC\nBT /F5 21 Tf (2) Tj ET\nEMC\n',
        '/Artifact BMC\n/Im0 Do\nEMC\n',
        'Q',
      ].join('\n'),
    );
    // Balanced: the result reads back, with nothing painted outside marked content.
    expect(analyseContent(readContent(out)).untagged).toEqual([]);
  });
});
