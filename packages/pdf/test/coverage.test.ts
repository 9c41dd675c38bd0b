// The PDF draws only what the schema admits (the content package's one character rule), so a
// report that renders draws every character in the design's faces: no missing glyph, no tofu.
import { assertReport, DRAWN, normalizeForMatch, type Report, ReportValidationError, report } from '@briefing/content';
import { openPdf, readPages } from '@briefing/inspect';
import { describe, expect, it } from 'vitest';
import { faces } from '../src/fonts.js';
import { renderPdf } from '../src/index.js';

function withItemText(text: string): Report {
  const r = structuredClone(report);
  const block = r.sections[3]!.blocks[0]!;
  if (block.type !== 'list') throw new Error('fixture changed: sections[3].blocks[0] is not a list');
  block.items[2]!.text = text;
  return r;
}

/** What the boundary renderPdf's reports come through (assertReport) throws for `r`. */
function refused(r: Report): unknown {
  try {
    assertReport(r);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('renderPdf and characters', () => {
  it('refuses a report with an emoji, naming the character and where it is', async () => {
    const error = refused(withItemText('A scam 😀 of note.'));
    expect(error).toBeInstanceOf(ReportValidationError);
    const { problems } = error as ReportValidationError;
    expect(problems).toHaveLength(1);
    expect(`${problems[0]!.path}: ${problems[0]!.message}`).toBe(
      'sections[3].blocks[0].items[2].text: characters the fonts cannot show: "😀" (U+1F600)',
    );
    expect((error as Error).message).toContain('U+1F600');
  });

  it('refuses invisible characters rather than drawing them as nothing in one output and something in another', async () => {
    const error = refused(withItemText('Co\u00ADoperation across\u200B borders.'));
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'sections[3].blocks[0].items[2].text: must not contain the invisible character U+00AD',
    ]);
  });

  it('has a glyph in every face it embeds for every character the schema admits', () => {
    const lacking: string[] = [];
    for (const [name, font] of Object.entries(faces()))
      for (const [a, b] of DRAWN)
        for (let cp = Math.max(a, 0x20); cp <= b; cp++)
          if (!font.hasGlyphForCodePoint(cp)) lacking.push(`${name} U+${cp.toString(16)}`);
    expect(lacking).toEqual([]);
  });

  it('extracts text as written where a font would substitute look-alike glyphs (Inter draws "->" as an arrow)', async () => {
    const r = structuredClone(report);
    r.sections[0]!.title = 'Inputs -> outputs <– back => on';
    const pdf = await openPdf(await renderPdf(r));
    const text = (await readPages(pdf)).map((p) => p.text).join(' ');
    expect(text).toContain('1. Inputs -> outputs <– back => on');
    await pdf.destroy();
  });

  it('extracts Greek as Greek where a Latin letter shares its glyph (ι, not the Latin iota ɩ)', async () => {
    const r = structuredClone(report);
    r.sections[0]!.title = 'Γιατί μετράει η Μιανμάρ';
    const pdf = await openPdf(await renderPdf(r));
    const text = (await readPages(pdf)).map((p) => p.text).join(' ');
    expect(text).toContain('1. Γιατί μετράει η Μιανμάρ');
    expect(text).not.toContain('\u0269');
    await pdf.destroy();
  });

  it('gives back a quote for the modifier letter ʼ (one glyph), which the checks read as the same text', async () => {
    const r = structuredClone(report);
    r.sections[0]!.title = 'Myanmar\u02BCs networks';
    const pdf = await openPdf(await renderPdf(r));
    const text = (await readPages(pdf)).map((p) => p.text).join(' ');
    expect(normalizeForMatch(text)).toContain(normalizeForMatch(r.sections[0]!.title));
    await pdf.destroy();
  });
});
