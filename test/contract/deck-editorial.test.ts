// The packaged deck as its audience sees it, read back from the real outputs: the HTML deck
// (BriefingMarp, the engine the CLI renders with) shows at most 14 slides, the closing slide
// before the sources, and no print cross-reference; the PPTX has the same slides; the PDF
// ends its last section with the report's conclusion. Each check is shown catching a case
// made wrong on purpose.
import { assertReport, normalizeForMatch, plainText, type ReportInput, report, reportInput } from '@briefing/content';
import { type DeckFacts, readDeckHtml, readPdf, readPptx } from '@briefing/inspect';
import { renderPdf } from '@briefing/pdf';
import { BriefingMarp, planDeck, renderDeck, renderPptx } from '@briefing/slides';
import { describe, expect, it } from 'vitest';

/**
 * A reference that only print can keep: to text "below", "above" or elsewhere "in this
 * section", or to a numbered table or figure.
 */
const PRINT_REFERENCE =
  /\b(?:(?:listed|shown|set out|see|given|described) (?:below|above|in this section)|(?:see|in|as) (?:Table|Figure|Chart) \d+|(?:Table|Figure) \d+ (?:shows|compares|lists|sets out))\b/iu;

/** Slides whose visible text holds a print cross-reference, as "slide n: the reference". */
function printReferences(deck: DeckFacts): string[] {
  return deck.slides.flatMap((slide, i) => {
    const found = PRINT_REFERENCE.exec(slide.text);
    return found ? [`slide ${i + 1}: ${found[0]}`] : [];
  });
}

const htmlDeck = (markdown: string) => {
  const { html } = new BriefingMarp().render(markdown);
  return readDeckHtml(`<html><body>${html}</body></html>`);
};

describe('the packaged deck, read back', () => {
  const deck = htmlDeck(renderDeck(report));
  const plan = planDeck(report);

  it('shows at most 14 slides in the HTML, the closing slide with its bottom line before the sources', () => {
    expect(deck.slides.length).toBe(plan.slides.length);
    expect(deck.slides.length).toBeLessThanOrEqual(14);
    const closing = deck.slides.at(-2);
    expect(closing?.classes).toContain('closing');
    expect(closing?.text).toContain(report.conclusion?.point ?? '');
    expect(deck.slides.at(-1)?.classes).toContain('sources');
  });

  it('has no print cross-reference on any slide', () => {
    expect(printReferences(deck)).toEqual([]);
  });

  it('catches a table cell that says "(listed below)"', () => {
    const input = structuredClone(reportInput) as ReportInput;
    const table = input.sections[6]!.blocks[2]!;
    if (table.type !== 'table') throw new Error('fixture moved');
    table.rows[0]![2] = 'Steps at home to strengthen cybersecurity (listed below).';
    const bad = htmlDeck(renderDeck(assertReport(input)));
    expect(printReferences(bad)).toEqual([expect.stringMatching(/^slide 11: listed below$/u)]);
    expect(printReferences(htmlDeck(renderDeck({ ...report, takeaways: ['See Table 1 for both.'] })))).toEqual([
      'slide 2: See Table 1',
    ]);
  });

  it('has the same slides in the PPTX: count, kinds and headings, the closing slide included', async () => {
    const pptx = await readPptx(await renderPptx(report));
    expect(pptx.slides.map((s) => s.classes[0])).toEqual(plan.slides.map((s) => s.kind));
    expect(pptx.slides.slice(1).map((s) => s.heading)).toEqual(
      plan.slides.slice(1).map((s) => s.heading + (s.continued ? ' (continued)' : '')),
    );
    expect(pptx.slides.at(-2)?.classes[0]).toBe('closing');
  });
});

describe('the PDF briefing', () => {
  it('closes its last section with the conclusion, after the last list and before the sources', async () => {
    const pdf = await readPdf(await renderPdf(report));
    const text = pdf.normalized.join(' ');
    const conclusion = normalizeForMatch(plainText(report.conclusion?.text ?? ''));
    const list = report.sections.at(-1)?.blocks.at(-1);
    if (list?.type !== 'list') throw new Error('fixture moved');
    const lastItem = normalizeForMatch(plainText(list.items.at(-1)?.text ?? ''));
    const at = text.indexOf(conclusion);
    expect(at, 'the conclusion in the PDF').toBeGreaterThan(0);
    expect(text.lastIndexOf(lastItem, at)).toBeGreaterThan(0);
    expect(text.indexOf(normalizeForMatch('Sources'), at)).toBeGreaterThan(at);
  });
});
