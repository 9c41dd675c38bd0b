// `briefing check` must fail when an output loses something: run it against renderer
// variants that drop one section, or one list item, and expect exactly that reported.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Report, type ReportInput, report, reportInput } from '@briefing/content';
import { readPdf } from '@briefing/inspect';
import { planDeck, planPptx } from '@briefing/slides';
import { captureIo } from '@briefing/testkit';
import { check, deckOf, type Renderers, realRenderers, runCheck } from 'briefing/internal';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

/**
 * The real renderers, each making an output once per report: the tests below run check a
 * dozen times on the packaged report, breaking one renderer at a time, and the outputs of the
 * others are the same bytes every time (rendering is deterministic), so only the broken one
 * has to render again.
 */
function once<P extends unknown[], T>(
  render: (r: Report, ...plan: P) => Promise<T>,
): (r: Report, ...plan: P) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  // Keyed by the report alone: its plans follow from it.
  return (r, ...plan) => {
    const key = JSON.stringify(r);
    let output = made.get(key);
    if (!output) {
      output = render(r, ...plan);
      made.set(key, output);
    }
    return output;
  };
}
const real: Renderers = {
  pdf: once(realRenderers.pdf),
  html: once(realRenderers.html),
  pptx: once(realRenderers.pptx),
};
/** The real decks of a report changed as a renderer that lost something would show it, each from its own plan. */
const htmlOf = (r: Report) => real.html(r, planDeck(r));
const pptxOf = (r: Report) => real.pptx(r, planPptx(r));

async function runCheckCommand(renderers: Renderers, args: string[] = []) {
  const { io, out } = captureIo();
  const code = await check(args, io, renderers);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

const withoutSection = (r: Report, id: string): Report => ({ ...r, sections: r.sections.filter((s) => s.id !== id) });

function withoutItem(r: Report, sectionId: string, index: number): Report {
  const copy = structuredClone(r);
  const list = copy.sections.find((s) => s.id === sectionId)?.blocks.find((b) => b.type === 'list');
  if (list?.type !== 'list') throw new Error('fixture moved');
  list.items.splice(index, 1);
  return copy;
}

/** The report with one table cell's text replaced, as a renderer that lost the cell would show it. */
function withCellLost(r: Report, row: number, column: number): Report {
  const copy = structuredClone(r);
  const table = copy.sections.flatMap((s) => s.blocks).find((b) => b.type === 'table');
  if (table?.type !== 'table') throw new Error('fixture moved');
  (table.rows[row] as unknown[])[column] = 'n/a';
  return copy;
}

/** The report with one chart figure changed, as a renderer that drew the wrong bar would show it (the prose keeps the figure). */
function withFigureChanged(r: Report, datum: number, value: number): Report {
  const copy = structuredClone(r);
  const chart = copy.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
  if (chart?.type !== 'chart') throw new Error('fixture moved');
  chart.data[datum]!.value = value;
  return copy;
}

describe('briefing check', () => {
  it('passes on the real renderers and prints the full matrix', async () => {
    const { code, stdout, stderr } = await runCheckCommand(real);
    // The packaged report has no editorial finding: no lede restates the text under it, no
    // slide breaks a rule of the deck's check (CI also runs check --strict on it).
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'All present: 8 sections, 27 list items, 2 figures and 9 table cells in the PDF, the slides and slides.pptx',
    );
    expect(stdout).toMatch(/^ok {4}PPTX speaker notes on every slide: (\d+) notes pages for \1 slides$/m);
    expect(stdout).toMatch(/^ok {4}PPTX agenda lists the sections in order: 8 sections$/m);
    expect(stdout).not.toContain('MISSING');
    expect(code).toBe(0);
  });

  it('fails, naming exactly the section, when the PDF renderer drops one', async () => {
    const { code, stdout } = await runCheckCommand(
      { ...real, pdf: (r) => real.pdf(withoutSection(r, 'impacts-on-india')) },
      ['--json'],
    );
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    const missing = result.missing.map(
      (m: { kind: string; sectionId: string; pdf: { found: boolean }; slides: { found: boolean } }) => [
        m.kind,
        m.sectionId,
        m.pdf.found,
        m.slides.found,
      ],
    );
    // The section and its four items are missing from the PDF only.
    expect(missing).toEqual([
      ['section', 'impacts-on-india', false, true],
      ['item', 'impacts-on-india', false, true],
      ['item', 'impacts-on-india', false, true],
      ['item', 'impacts-on-india', false, true],
      ['item', 'impacts-on-india', false, true],
    ]);
  });

  it('fails, naming exactly the item, when the slide renderer drops one list item', async () => {
    const { code, stdout } = await runCheckCommand({
      ...real,
      html: (r) => htmlOf(withoutItem(r, 'fraud-schemes', 2)),
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /Check failed, 1 problem\(s\):\n {2}item "Investment scams" \(fraud-schemes\) missing from slides\n$/,
    );
  });

  it('fails when a list item is missing from the PDF, with that item alone reported', async () => {
    const { code, stdout } = await runCheckCommand({ ...real, pdf: (r) => real.pdf(withoutItem(r, 'outlook', 5)) }, [
      '--json',
    ]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.missing.map((m: { label: string }) => m.label)).toEqual(['Public–private partnerships']);
    expect(report.sections.length).toBe(8);
  });

  it('fails, naming exactly the cell, when the slides lose one table cell', async () => {
    const { code, stdout } = await runCheckCommand({
      ...real,
      html: (r) => htmlOf(withCellLost(r, 1, 2)),
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /Check failed, 1 problem\(s\):\n {2}cell "India: Offenders based in Myanmar are hard to pursue[^"]*" \(responses\) missing from slides\n$/,
    );
  });

  it('fails a figure the chart lost although the prose beside it gives the same number, naming it with label and unit', async () => {
    const { code, stdout } = await runCheckCommand(
      { ...real, pdf: (r) => real.pdf(withFigureChanged(r, 1, 700_000_000)) },
      ['--json'],
    );
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(
      result.missing.map((m: { kind: string; label: string; pdf: { found: boolean } }) => [
        m.kind,
        m.label,
        m.pdf.found,
      ]),
    ).toEqual([['figure', 'India: over 600 million internet users', false]]);
    // The prose beside it still says it (on the figure's page, or the page before when the
    // figure floated to the top of the next): a bare number would have been found there.
    const pages = (await readPdf(await real.pdf(withFigureChanged(report, 1, 700_000_000)))).pages;
    const at = pages.findIndex((p) => p.includes('over 700 million'));
    expect(`${pages[at - 1]} ${pages[at]}`).toContain('India has over 600 million');
  });

  it('fails, naming exactly the cell and the file, when slides.pptx loses one table cell', async () => {
    const { code, stdout } = await runCheckCommand({
      ...real,
      pptx: (r) => pptxOf(withCellLost(r, 1, 2)),
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /Check failed, 1 problem\(s\):\n {2}cell "India: Offenders based in Myanmar are hard to pursue[^"]*" \(responses\) missing from slides\.pptx\n$/,
    );
  });

  it('fails a PPTX whose chart shows another figure, and one whose notes pages are fewer than its slides', async () => {
    const chartChanged = await runCheckCommand({ ...real, pptx: (r) => pptxOf(withFigureChanged(r, 1, 700_000_000)) }, [
      '--json',
    ]);
    expect(chartChanged.code).toBe(1);
    expect(
      JSON.parse(chartChanged.stdout).missing.map((m: { label: string; pptx: { found: boolean } }) => [
        m.label,
        m.pptx.found,
      ]),
    ).toEqual([['India: over 600 million internet users', false]]);
    const noNotes = await runCheckCommand({
      ...real,
      pptx: async (r, plan) => {
        const parts = unzipSync(await real.pptx(r, plan));
        delete parts['ppt/notesSlides/notesSlide3.xml'];
        parts['ppt/slides/_rels/slide3.xml.rels'] = strToU8(
          strFromU8(parts['ppt/slides/_rels/slide3.xml.rels']!).replace(/<Relationship [^>]*notesSlide[^>]*\/>/u, ''),
        );
        return zipSync(parts);
      },
    });
    expect(noNotes.code).toBe(1);
    expect(noNotes.stdout).toMatch(
      /^FAIL {2}PPTX speaker notes on every slide: (\d+) notes pages for (?!\1)\d+ slides$/m,
    );
  });

  it('hands the renderers the plans it was given, planning the deck no second time', async () => {
    const deck = deckOf(report);
    const given: unknown[] = [];
    const result = await runCheck(
      report,
      {
        ...real,
        html: (r, plan) => {
          given.push(plan);
          return real.html(r, plan);
        },
        pptx: (r, plan) => {
          given.push(plan);
          return real.pptx(r, plan);
        },
      },
      deck,
    );
    expect(result.ok).toBe(true);
    expect(given).toHaveLength(2);
    expect(given[0]).toBe(await deck.plan());
    expect(given[1]).toBe(await deck.pptxPlan());
  });

  it('ends the label of an item it names by its first words with an ellipsis, and no other', async () => {
    const { stdout } = await runCheckCommand(real);
    expect(stdout).toMatch(/^ {3}- Working with the fintech industry to… {2,}p\. \d+ {2,}slide \d+ {2,}slide \d+$/m);
    expect(stdout).toMatch(/^ {3}- Expanding police cybercrime units {2,}p\. /m);
    expect(stdout).toMatch(/^ {3}- Romance scams {2,}p\. /m);
    expect(stdout).toMatch(/^ {3}# India: over 600 million internet users {2,}p\. \d+ {2,}slide \d+ {2,}slide \d+$/m);
  });

  it('warns, naming both fields, about a lede that restates the paragraph under it, and still passes', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections[0]!.lede = 'Myanmar neighbours India and China, two of the world’s most populous countries.';
    const dir = mkdtempSync(join(tmpdir(), 'briefing-lede-'));
    try {
      writeFileSync(join(dir, 'report.json'), JSON.stringify(input));
      const { code, stderr } = await runCheckCommand(real, ['--input', join(dir, 'report.json')]);
      expect(stderr).toContain('warning: sections[0].lede: restates sections[0].blocks[0].text [slide 4, restates]\n');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
