// `briefing check` must place a section's items on every slide of that section, its
// "(continued)" slides included, whatever the section titles hold. Found by the property
// test (FC_SEED=501003786): a section titled "Jd" was anchored on a slide of the section
// before it, whose body text happened to contain "jd", which cut that section short and
// reported the items on its continuation slides missing although they were there.
import {
  assertReport,
  normalizeForMatch,
  numberedTitle,
  outline,
  type Report,
  type ReportInput,
  reportInput,
} from '@briefing/content';
import { type CoverageResult, readDeckHtml } from '@briefing/inspect';
import { planDeck } from '@briefing/slides';
import { reportFile, runCli } from '@briefing/testkit';
import { realRenderers, runCheck } from 'briefing/internal';
import { describe, expect, it } from 'vitest';

/** A title with backslashes, backticks and the rest of Markdown's punctuation. */
const PUNCTUATED = 'C:\\new\\`table` \\` *not em* _nor_ [a](b) <b>#1</b> | 50% ~x~ {y} $z$';

/** Enough long items to fill several slides. */
const manyItems = (prefix: string) =>
  Array.from({ length: 24 }, (_, i) => ({
    term: `${prefix} \\ \`${i + 1}\``,
    text: `Item ${i + 1} of a long list with a backslash \\ and a backtick \` in it, written to fill a line or two of the slide so the list runs on.`,
  }));

function reportOf(sections: { id: string; title: string; before: string; items: string }[]): Report {
  const input = structuredClone(reportInput) as ReportInput;
  input.sections = sections.map((s) => ({
    id: s.id,
    title: s.title,
    blocks: [
      { type: 'paragraph' as const, text: s.before },
      { type: 'list' as const, items: manyItems(s.items) },
    ],
  }));
  return assertReport(input);
}

async function check(report: Report): Promise<{ result: CoverageResult; continued: number[] }> {
  const result = await runCheck(report);
  // The slides whose heading says "(continued)", so the test proves it exercises them.
  const deck = readDeckHtml(await realRenderers.html(report, planDeck(report)));
  const continued = deck.slides
    .filter((s) => normalizeForMatch(s.text).includes(normalizeForMatch(`${PUNCTUATED} (continued)`)))
    .map((s) => s.number);
  return { result, continued };
}

const missing = (result: CoverageResult) =>
  result.missing.map((m) => `${m.kind} "${m.label}" in PDF: ${m.pdf.found}, in slides: ${m.slides.found}`);

describe('briefing check places items on every slide of their section', () => {
  it("when the next section's title occurs in this section's body text", async () => {
    const report = reportOf([
      { id: 'punctuated', title: PUNCTUATED, before: 'Read the outlook that follows.', items: 'First' },
      { id: 'outlook', title: 'Outlook', before: 'What comes next.', items: 'Second' },
    ]);
    const { result, continued } = await check(report);
    expect(continued.length).toBeGreaterThan(0);
    expect(missing(result)).toEqual([]);
    // Every item of the first section is placed on a slide before the second section starts.
    const outlookAt = result.rows.find((r) => r.kind === 'section' && r.sectionId === 'outlook')?.slides.at ?? 0;
    const firstItems = result.rows.filter((r) => r.kind === 'item' && r.sectionId === 'punctuated');
    expect(firstItems.every((r) => (r.slides.at ?? Infinity) < outlookAt)).toBe(true);
    expect(Math.max(...firstItems.map((r) => r.slides.at ?? 0))).toBe(Math.max(...continued));
    expect(result.ok).toBe(true);
  });

  it("when the next section's title is part of this section's title", async () => {
    const report = reportOf([
      { id: 'punctuated', title: PUNCTUATED, before: 'Opening words.', items: 'First' },
      { id: 'table', title: 'table', before: 'What comes next.', items: 'Second' },
    ]);
    const { result, continued } = await check(report);
    expect(continued.length).toBeGreaterThan(0);
    expect(missing(result)).toEqual([]);
    expect(result.ok).toBe(true);
    const [first, second] = outline(report);
    expect(result.rows.filter((r) => r.kind === 'section').map((r) => r.label)).toEqual([
      numberedTitle(first!),
      numberedTitle(second!),
    ]);
  });
});

describe('a section title longer than the line of its slides’ kicker', () => {
  it.each<[string, string]>([
    ['one 199-character word', 'a'.repeat(199)],
    ['forty words', 'word '.repeat(40).slice(0, 199).trim()],
  ])(
    '%s: check finds the section in every output (the PPTX writes its kicker cut with an ellipsis)',
    async (_what, title) => {
      const file = reportFile((r) => {
        r.sections[1]!.title = title;
      });
      expect((await runCli(['validate', file])).code).toBe(0);
      const check = await runCli(['check', '--input', file]);
      expect(check.stdout).toContain('All present: 8 sections');
      expect(check.code).toBe(0);
    },
  );
});
