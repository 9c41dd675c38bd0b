// The editorial check (src/plan/editorial): a small report written the way the check wants a
// deck has no finding; each rule's test breaks it in one place and expects exactly that place
// named, with its slide; and each such test is shown to depend on its rule (run without it,
// the finding is gone).
import { type Report, report } from '@briefing/content';
import { cleanSections, craftedReport, scaledReport, stressReport } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import {
  EDITORIAL_RULES,
  type EditorialFinding,
  type EditorialRule,
  editorialCheck,
  formatFinding,
  planDeck,
  printReference,
} from '../src/index.js';

type Sections = ReturnType<typeof cleanSections>;

const check = (r: Report, rules = EDITORIAL_RULES) => editorialCheck(r, planDeck(r), rules);
const of = (findings: EditorialFinding[], rule: EditorialRule) => findings.filter((f) => f.rule === rule);

/** The clean sections, edited by `edit`. */
function broken(edit: (sections: Sections) => void, editReport?: Parameters<typeof craftedReport>[1]): Report {
  const sections = cleanSections();
  edit(sections);
  return craftedReport(sections, editReport);
}

const list = (sections: Sections, s: number, b: number) => {
  const block = sections[s]?.blocks[b];
  if (block?.type !== 'list') throw new Error('fixture moved');
  return block;
};

const ten = (word: string) => Array.from({ length: 10 }, (_, i) => `${word}${i}`).join(' ');

/** A long item: two lines of a slide. */
const longItem = (i: number) => ({
  text: `Item ${i} takes two full lines of the slide because its sentence keeps going well past the end of the first line.`,
});

/** Each rule's broken report, and the finding it must give (its rule, path and slide). */
const CASES: {
  rule: EditorialRule;
  what: string;
  report: () => Report;
  path: string;
  slide: number;
  message: RegExp;
}[] = [
  {
    rule: 'restates',
    // A lede under a point opens the notes, not the slide; a list's intro is the grey line here.
    what: 'a grey line that says the heading again',
    report: () =>
      broken((s) => {
        list(s, 0, 0).intro = 'Crowded berths are where most dock accidents happen.';
      }),
    path: 'sections[0].blocks[0].intro',
    slide: 4,
    message: /^restates sections\[0\]\.point “Most dock accidents happen at crowded berths”$/u,
  },
  {
    rule: 'restates',
    what: 'a lede that says the full text under it again (in print)',
    report: () =>
      broken((s) => {
        s[1]!.lede = 'Replacement budgets for the cranes stalled after the last audit found faults.';
      }),
    path: 'sections[1].lede',
    slide: 5,
    message: /^restates sections\[1\]\.blocks\[0\]\.text$/u,
  },
  {
    rule: 'on-screen-length',
    what: 'an on-screen line of 15 words, its bold term included',
    report: () =>
      broken((s) => {
        list(s, 0, 0).items[2]!.onScreen = 'A snapped rope whips back faster than anyone standing near it can duck.';
      }),
    path: 'sections[0].blocks[0].items[2].onScreen',
    slide: 4,
    message: /^15 words on screen \(at most 12\)$/u,
  },
  {
    rule: 'on-screen-length',
    what: 'an item shown from its text, over 12 words',
    report: () =>
      broken((s) => {
        list(s, 0, 0).items[3]!.text =
          'Rain makes the steel decks slick within minutes, and crews rarely slow down for it.';
      }),
    path: 'sections[0].blocks[0].items[3].onScreen',
    slide: 4,
    message: /^16 words on screen \(at most 12\) \(shown from its text: write a shorter onScreen line\)$/u,
  },
  {
    rule: 'on-screen-length',
    what: 'a line of few but long words that takes two lines',
    report: () =>
      broken((s) => {
        list(s, 0, 0).items[4]!.text =
          'Uncoordinated subcontractors misunderstand internationalised documentation requirements, notwithstanding extraordinarily comprehensive multilingual signposting.';
      }),
    path: 'sections[0].blocks[0].items[4].onScreen',
    slide: 4,
    message: /^2 lines on screen \(at most 1 at this slide's measure\)/u,
  },
  {
    rule: 'on-screen-length',
    what: 'a takeaway of three lines',
    report: () =>
      craftedReport(undefined, (r) => {
        r.takeaways[1] = `Old cranes fail twice as often. ${ten('word')} ${ten('more')} ${ten('again')}.`;
      }),
    path: 'takeaways[1]',
    slide: 2,
    message: /^3 lines on screen \(a takeaway takes at most 2\)$/u,
  },
  {
    rule: 'list-split',
    what: 'a list of four items split over two slides, that fits on one',
    report: () =>
      broken((s) => {
        s[1]!.lede = longItem(0).text;
        s[1]!.blocks = [
          { type: 'paragraph', text: longItem(1).text },
          { type: 'list', intro: 'The four items:', items: [2, 3, 4, 5].map(longItem) },
        ];
      }),
    path: 'sections[1].blocks[1]',
    slide: 5,
    message: /^list of 4 items split over slides 5, 6 fits on one \(\d+ px of a \d+ px body\)$/u,
  },
  {
    rule: 'half-empty',
    what: 'a section of one short paragraph',
    report: () =>
      broken((s) => {
        s[1]!.blocks = [s[1]!.blocks[0]!];
      }),
    path: 'sections[1]',
    slide: 5,
    message: /^slide under half full: \d+ px of a \d+ px body \(\d+%, at least 50%\)$/u,
  },
  {
    rule: 'continuation-order',
    what: 'a list that continues after a table slide',
    report: () =>
      broken((s) => {
        s[0]!.blocks.push(
          {
            type: 'table',
            caption: 'Injuries by port',
            columns: [{ header: 'Port' }, { header: 'Injuries' }],
            rows: [
              ['North', '12'],
              ['South', '9'],
            ],
          },
          { type: 'list', items: [6, 7, 8, 9, 10].map(longItem) },
        );
      }),
    path: 'sections[0].blocks[2]',
    slide: 6,
    message: /^continues slide 4 after slide 5 \(table: “Injuries by port”\)/u,
  },
  {
    rule: 'print-reference',
    what: 'an on-screen line that says "listed below"',
    report: () =>
      broken((s) => {
        list(s, 0, 0).items[1]!.onScreen = 'Reversing vehicles (listed below) hit walkers.';
      }),
    path: 'sections[0].blocks[0].items[1].onScreen',
    slide: 4,
    message: /^print cross-reference on screen: “listed below”$/u,
  },
  {
    rule: 'print-reference',
    what: 'a table cell that says "see Table 2"',
    report: () =>
      broken((s) => {
        s[1]!.blocks.push({
          type: 'table',
          caption: 'Crane ages',
          columns: [{ header: 'Port' }, { header: 'Age' }],
          rows: [['North', '31 years (see Table 2)']],
        });
      }),
    path: 'sections[1].blocks[3].rows[0][1]',
    slide: 6,
    message: /^print cross-reference on screen: “see Table 2”$/u,
  },
];

describe('the editorial check', () => {
  it('finds nothing in a report written for the screen', () => {
    expect(check(craftedReport()).map(formatFinding)).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.rule}: ${c.what}, with the field and the slide`, () => {
      const found = of(check(c.report()), c.rule);
      const hit = found.find((f) => f.path === c.path);
      expect(hit, found.map(formatFinding).join('\n')).toBeDefined();
      expect(hit?.slide).toBe(c.slide);
      expect(hit?.message).toMatch(c.message);
      expect(hit?.severity).toBe('warning');
      // Without its rule the finding is gone: the test above rests on the rule, not on another.
      const without = check(
        c.report(),
        EDITORIAL_RULES.filter((r) => r.rule !== c.rule),
      );
      expect(without.filter((f) => f.rule === c.rule)).toEqual([]);
    });
  }

  it('prints a finding as path, message, slide and rule', () => {
    const [hit] = of(check(CASES[2]!.report()), 'on-screen-length');
    expect(formatFinding(hit!)).toBe(
      'sections[0].blocks[0].items[2].onScreen: 15 words on screen (at most 12) [slide 4, on-screen-length]',
    );
  });

  it.each<[string, () => Report]>([
    ['the packaged report', () => report],
    ['a report ten times its size', () => scaledReport(10)],
    ['the stress report', () => stressReport()],
  ])('names fields that exist in %s, the same on every run', (_name, make) => {
    const r = make();
    const findings = check(r);
    for (const f of findings) {
      // A path names a field of the report, or the onScreen line of one that has none yet.
      const parent = f.path.replace(/\.onScreen$/u, '');
      expect(resolve(r, parent), formatFinding(f)).toBeDefined();
    }
    expect(check(make())).toEqual(findings);
  });
});

describe('print cross-references: an allow-listed grammar of phrases', () => {
  it.each([
    ['Steps (listed below) to take', 'listed below'],
    ['as noted above, the cost rose', 'noted above'],
    ['The table below compares them', 'table below'],
    ['Figures: see Table 1.', 'see Table 1'],
    ['More on this, see below.', 'see below'],
    ['The full list is overleaf', 'overleaf'],
    ['The method is on page 4', 'on page 4'],
    ['Details on the next page', 'on the next page'],
    ['Figure 2 shows the rise', 'Figure 2'],
    ['cf. Annex B for sources', 'cf. Annex B'],
    ['see p. 12', 'see p. 1'],
  ])('finds it in “%s”', (text, phrase) => {
    expect(printReference(text)?.toLowerCase()).toContain(phrase.toLowerCase());
  });

  it.each([
    'Long-standing, above all in ethnic states such as Shan',
    'Losses below 10% of turnover',
    'Temperatures above 40 °C',
    'Schemes include the following:',
    'A box a day keeps them fed',
    'Section 66 of the IT Act applies',
    'Steps listed in this section',
    'Table tennis and figure skating',
  ])('finds none in “%s”', (text) => {
    expect(printReference(text)).toBeUndefined();
  });
});

/** The value at a field path (`sections[3].blocks[0].items[2].text`) of the report, or undefined. */
function resolve(r: Report, path: string): unknown {
  let at: unknown = r;
  for (const [, key, index] of path.matchAll(/\.?([A-Za-z]+)|\[(\d+)\]/gu)) {
    if (at === undefined || at === null) return undefined;
    at = (at as Record<string, unknown>)[key ?? (index as string)];
  }
  return at;
}
