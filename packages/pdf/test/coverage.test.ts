import { type Report, ReportValidationError, report } from '@briefing/content';
import { openPdf, readPages } from '@briefing/inspect';
import { describe, expect, it } from 'vitest';
import { normaliseText, renderPdf, unsupportedCharacters } from '../src/index.js';

function withItemText(text: string): Report {
  const r = structuredClone(report);
  const block = r.sections[3]!.blocks[0]!;
  if (block.type !== 'list') throw new Error('fixture changed: sections[3].blocks[0] is not a list');
  block.items[2]!.text = text;
  return r;
}

describe('unsupportedCharacters', () => {
  it('finds nothing to object to in the briefing', () => {
    expect(unsupportedCharacters(report)).toEqual([]);
  });

  it('names each character the fonts cannot show, with its code point and the field path', () => {
    const problems = unsupportedCharacters(withItemText('Scams 😀 everywhere 😀, and ☃.'));
    expect(problems).toEqual([
      {
        path: 'sections[3].blocks[0].items[2].text',
        message: 'characters the fonts cannot show: "😀" (U+1F600), "☃" (U+2603)',
      },
    ]);
  });

  it('checks the path of a run inside rich text, and titles too', () => {
    const r = structuredClone(report);
    r.sections[0]!.title = 'Why Myanmar matters ✈';
    r.takeaways[1] = [
      { type: 'text', text: 'Plain' },
      { type: 'text', text: ' and 🙂', emphasis: 'strong' },
    ];
    expect(unsupportedCharacters(r).map((p) => p.path)).toEqual(['takeaways[1][1].text', 'sections[0].title']);
  });

  it('ignores invisible format characters: soft hyphen, zero-width joiner and space, bidi marks, variation selectors', () => {
    expect(unsupportedCharacters(withItemText('co\u00ADoperation\u200D \u200Bweb\u200E\u2066x\u2069\uFE0F'))).toEqual(
      [],
    );
    expect(normaliseText('co\u00ADoperation\u200D\u200E\uFE0F')).toBe('cooperation');
  });
});

describe('renderPdf and characters', () => {
  it('refuses a report with an emoji, naming the character and where it is', async () => {
    const error = await renderPdf(withItemText('A scam 😀 of note.')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    const { problems } = error as ReportValidationError;
    expect(problems).toHaveLength(1);
    expect(`${problems[0]!.path}: ${problems[0]!.message}`).toBe(
      'sections[3].blocks[0].items[2].text: characters the fonts cannot show: "😀" (U+1F600)',
    );
    expect((error as Error).message).toContain('U+1F600');
  });

  it('extracts text as written where a font would substitute look-alike glyphs (Inter draws "->" as an arrow)', async () => {
    const r = structuredClone(report);
    r.sections[0]!.title = 'Inputs -> outputs <– back => on';
    const pdf = await openPdf(await renderPdf(r));
    const text = (await readPages(pdf)).map((p) => p.text).join(' ');
    expect(text).toContain('1. Inputs -> outputs <– back => on');
    await pdf.destroy();
  });

  it('draws invisible characters as nothing (no tofu) and keeps the words whole', async () => {
    const pdf = await openPdf(await renderPdf(withItemText('Co\u00ADoperation across\u200B borders\u200E works.')));
    const text = (await readPages(pdf)).map((p) => p.text).join(' ');
    expect(text).toContain('Cooperation across borders works.');
    expect(text).not.toMatch(/[\u00AD\u200B\u200E\uFFFD]/u);
    await pdf.destroy();
  });
});
