import { assertReport, type Report, report, reportInput } from '@briefing/content';
import { renderPdf } from '@briefing/pdf';
import { renderDeck } from '@briefing/slides';
import { describe, expect, it } from 'vitest';
import type { Format } from '../src/edge/formats.js';
import { inputKeys } from '../src/preview/inputs.js';

type Edit = (r: Report) => void;
const edited = (edit: Edit): Report => {
  const copy = structuredClone(reportInput) as Report;
  edit(copy);
  return assertReport(copy);
};
const FORMATS: Format[] = ['pdf', 'md', 'html', 'slides-pdf'];
const keysOf = (r: Report) => inputKeys(r, FORMATS, { paper: 'a4', markdown: renderDeck(r) });
const same = (a: Report, b: Report) => {
  const [x, y] = [keysOf(a), keysOf(b)];
  return FORMATS.filter((f) => x.get(f) === y.get(f));
};

const firstOf = <T extends Report['sections'][number]['blocks'][number]['type']>(r: Report, type: T) => {
  const block = r.sections.flatMap((s) => s.blocks).find((b) => b.type === type);
  if (block?.type !== type) throw new Error(`fixture has no ${type}`);
  return block as Extract<Report['sections'][number]['blocks'][number], { type: T }>;
};

/** Edits to what only the deck shows: a point, speaker notes, on-screen lines. */
const deckOnly: [string, Edit][] = [
  [
    'a section point',
    (r) => {
      r.sections[1]!.point = 'A point the PDF never prints';
    },
  ],
  [
    'speaker notes',
    (r) => {
      r.sections[2]!.notes = ['A cue for the presenter alone'];
    },
  ],
  [
    "a paragraph's on-screen line",
    (r) => {
      firstOf(r, 'paragraph').onScreen = 'A line for the slide alone';
    },
  ],
  [
    "a list item's on-screen line",
    (r) => {
      firstOf(r, 'list').items[0]!.onScreen = 'An item line for the slide alone';
    },
  ],
];

describe('inputKeys', () => {
  it('leaves the PDF briefing out of an edit to what only the deck shows: its bytes do not change', async () => {
    const before = await renderPdf(report);
    for (const [what, edit] of deckOnly) {
      const after = edited(edit);
      expect(same(report, after), what).toEqual(['pdf']);
      expect(Buffer.from(await renderPdf(after)).equals(Buffer.from(before)), what).toBe(true);
    }
  });

  it('remakes every output for an edit both show, and none for no edit', () => {
    const title = edited((r) => {
      r.sections[0]!.title = 'A new title for the first section';
    });
    expect(same(report, title)).toEqual([]);
    expect(
      same(
        report,
        edited(() => {}),
      ),
    ).toEqual(FORMATS);
    // Letter paper is the PDF's alone.
    const letter = inputKeys(report, FORMATS, { paper: 'letter', markdown: renderDeck(report) });
    expect(FORMATS.filter((f) => letter.get(f) === keysOf(report).get(f))).toEqual(['md', 'html', 'slides-pdf']);
  });
});
