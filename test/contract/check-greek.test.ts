// `briefing check` reads the PDF back as a reader does, so it must find a report in Greek
// whole: Inter draws "ι" with the glyph of "ɩ", and the PDF once extracted the figures written
// out in Greek ("1 δισεκατομμύριο") as "1 δɩσεκατομμύρɩο", and reported them missing.
import { reportFile, runCli } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';

const greek = reportFile((r) => {
  r.meta.lang = 'el';
  const section = r.sections[0]!;
  section.title = 'Ελληνικά: η Μιανμάρ και η διεθνής απάτη';
  section.blocks.push({
    type: 'paragraph',
    text: 'Σχεδόν ένα δισεκατομμύριο χρήστες του διαδικτύου στην Κίνα, με μικρά ποσά (µ) που γίνονται μεγάλα.',
  });
});

describe('briefing check on a report in Greek', () => {
  it('finds every section, item and figure (written out in Greek) in the PDF and both decks', async () => {
    const { code, stdout } = await runCli(['check', '--input', greek]);
    expect(stdout).toContain(
      'All present: 8 sections, 27 list items, 2 figures and 9 table cells in the PDF, the slides and slides.pptx',
    );
    expect(stdout).toContain('Ελληνικά: η Μιανμάρ και η διεθνής απάτη');
    expect(stdout).not.toContain('MISSING');
    expect(code).toBe(0);
  });
});
