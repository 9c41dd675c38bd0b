// Every fact on screen: each number and name of a section's prose is on that section's
// slides in the real HTML deck (the audience sees the facts; the notes explain them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertReport, outline, type ReportInput, report } from '@briefing/content';
import { factsOffScreen, readDeckHtml, sectionFacts, textFacts } from '@briefing/inspect';
import { BriefingMarp, renderDeck } from '@briefing/slides';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../helpers/artifacts.js';

describe('every fact of a section is on its slides', () => {
  let html: string;
  beforeAll(async () => {
    const { dir, code, stderr } = await build(['--format', 'html', '--quiet']);
    expect(code, stderr).toBe(0);
    html = readFileSync(join(dir, 'slides.html'), 'utf8');
  });

  it('in the real slides.html of the packaged report', () => {
    const deck = readDeckHtml(html);
    const results = factsOffScreen(deck, outline(report), report.meta.lang);
    for (const r of results) expect(r.slides, `slides of section ${r.entry.label}`).toBeGreaterThan(0);
    const missing = results.flatMap((r) => r.missing.map((f) => `${r.entry.label}. ${f.text} (${f.path})`));
    expect(missing).toEqual([]);
    // The check has something to find: the report's sections hold dozens of facts.
    expect(
      report.sections.flatMap((s, i) => sectionFacts(s, `sections[${i}]`, report.meta.lang)).length,
    ).toBeGreaterThan(30);
  });
});

describe('the fact finder', () => {
  it('takes numbers, counts in words and names, not the words that open a sentence', () => {
    expect(textFacts('Losses reach billions. Gangs in Shan State hold 1,200 people from six countries.', 'p')).toEqual([
      { kind: 'number', text: '1,200', path: 'p' },
      { kind: 'number', text: 'billions', path: 'p' },
      { kind: 'number', text: 'six', path: 'p' },
      { kind: 'name', text: 'Shan', path: 'p' },
      { kind: 'name', text: 'State', path: 'p' },
    ]);
  });

  it("leaves out the PDF's references to its numbered figures and tables, which the deck does not number", () => {
    expect(textFacts('Figure 1 compares them, as Table 12 does for 2024.', 'p')).toEqual([
      { kind: 'number', text: '2024', path: 'p' },
    ]);
  });

  it('fails a deck whose on-screen line drops a fact of its paragraph', () => {
    const input: ReportInput = structuredClone(report);
    const section = input.sections[0];
    if (!section) throw new Error('the report has no sections');
    section.blocks = [
      {
        type: 'paragraph',
        text: 'Scam compounds in Myawaddy held about 7,000 people. The rest of the paragraph explains why.',
        onScreen: 'Scam compounds held thousands of people.',
      },
    ];
    delete section.lede;
    const valid = assertReport(input);
    const { html } = new BriefingMarp().render(renderDeck(valid));
    const [first] = factsOffScreen(readDeckHtml(`<html><body>${html}</body></html>`), outline(valid), valid.meta.lang);
    expect(first?.missing.map((f) => f.text)).toEqual(['7,000', 'Myawaddy']);
  });
});
