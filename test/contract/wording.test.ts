// The briefing says it is worded in its own words: proved against the source article. No
// string of the report (headings, ledes, paragraphs, items, callouts, table cells, chart
// texts, on-screen lines, speaker notes, takeaways, summary, the about note, source notes)
// shares a run of ten or more consecutive words with the article, case and punctuation
// ignored; the article's title, where the report cites it, is the one exception.
import { readFileSync } from 'node:fs';
// Words as the check compares them: NFKC, lower case, apostrophes dropped, any other punctuation a break.
import { plainText, type Report, type RichText, report, words } from '@briefing/content';
import { describe, expect, it } from 'vitest';

/** The source article as the project received it (origin: test/fixtures/README.md). */
const ARTICLE = readFileSync(new URL('../fixtures/talktails-2024-02-23.txt', import.meta.url), 'utf8');
const RUN = 10;

/** Every run of `n` consecutive words of a text, as one string each. */
function runs(list: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= list.length; i++) out.push(list.slice(i, i + n).join(' '));
  return out;
}

const articleRuns = new Set(runs(words(ARTICLE), RUN));

/** Keys whose values are not wording: ids, addresses, dates, languages and fixed words. */
const NOT_WORDING = new Set([
  '$schema',
  'id',
  'url',
  'href',
  'lang',
  'date',
  'published',
  'asOf',
  'type',
  'tone',
  'kind',
  'qualifier',
  'emphasis',
]);

const isRun = (v: unknown) =>
  typeof v === 'object' && v !== null && 'type' in v && (v.type === 'text' || v.type === 'link') && 'text' in v;

/** Every string of a report with its path: rich text with its runs joined, a list item's term with its text. */
function reportStrings(r: Report): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ path, text: value });
    else if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isRun)) out.push({ path, text: plainText(value as RichText) });
      else
        value.forEach((v, i) => {
          walk(v, `${path}[${i}]`);
        });
    } else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      // A list item's term and text are read as one: "Corruption: Officials…".
      if (typeof o.term === 'string' && 'text' in o) {
        out.push({ path: `${path}.term+text`, text: `${o.term}: ${plainText(o.text as RichText)}` });
      }
      for (const [key, v] of Object.entries(o)) {
        if (NOT_WORDING.has(key)) continue;
        // The cited article's title, where the report names its source.
        if (key === 'title' && /(?:basedOn|source|sources\[\d+\])$/u.test(path)) continue;
        walk(v, `${path}.${key}`);
      }
    }
  };
  walk(r, 'report');
  return out;
}

/**
 * The runs of `RUN` or more words a report shares with the article, one finding per string
 * (its longest shared run). The cited title is cut out of a string before it is compared.
 */
function sharedRuns(r: Report): { path: string; run: string }[] {
  const title = words(r.meta.basedOn.title);
  const findings: { path: string; run: string }[] = [];
  for (const { path, text } of reportStrings(r)) {
    // Split the string's words wherever the cited title occurs in it.
    const all = words(text);
    const pieces: string[][] = [];
    let start = 0;
    for (let i = 0; i + title.length <= all.length; i++) {
      if (title.every((w, k) => all[i + k] === w)) {
        pieces.push(all.slice(start, i));
        start = i + title.length;
        i = start - 1;
      }
    }
    pieces.push(all.slice(start));
    let longest = '';
    for (const piece of pieces) {
      for (let i = 0; i + RUN <= piece.length; i++) {
        if (!articleRuns.has(piece.slice(i, i + RUN).join(' '))) continue;
        // Extend the run as far as it stays shared.
        let end = i + RUN;
        while (end < piece.length && articleRuns.has(piece.slice(end - RUN + 1, end + 1).join(' '))) end++;
        const run = piece.slice(i, end).join(' ');
        if (run.length > longest.length) longest = run;
      }
    }
    if (longest) findings.push({ path, run: longest });
  }
  return findings;
}

/** The article's own headings (its introduction has none). */
const ARTICLE_HEADINGS = [
  'The Growth of Transnational Cybercrime Networks Between China and Myanmar',
  'The Expansion of the Internet in China and India',
  'The Emergence of Transnational Cybercriminal Networks',
  'Factors Driving the Growth of Cybercrime Networks in Myanmar',
  'Online Fraud Schemes Conducted from Myanmar',
  'Impacts of Transnational Cybercrime on India',
  'Responses by China and India to Cybercriminal Activity',
  'Outlook on Fighting Transnational Cybercrime',
];

describe('the report is worded in its own words', () => {
  it('reads the article it is checked against (the fixture is the real text)', () => {
    for (const heading of ARTICLE_HEADINGS) expect(ARTICLE).toContain(heading);
    expect(articleRuns.size).toBeGreaterThan(1000);
  });

  it('walks every string of the report: headings, on-screen lines, notes, cells, chart texts, about note, source notes', () => {
    const paths = reportStrings(report).map((s) => s.path);
    expect(paths.length).toBeGreaterThan(150);
    for (const expected of [
      /^report\.meta\.title$/,
      /^report\.meta\.summary$/,
      /^report\.meta\.about\[\d\]$/,
      /^report\.takeaways\[\d\]$/,
      /^report\.sections\[\d\]\.title$/,
      /^report\.sections\[\d\]\.point$/,
      /^report\.sections\[\d\]\.lede$/,
      /^report\.sections\[\d\]\.notes\[\d\]$/,
      /\.blocks\[\d\]\.onScreen$/,
      /\.items\[\d\]\.onScreen$/,
      /\.items\[\d\]\.term\+text$/,
      /\.rows\[\d\]\[\d\]$/,
      /\.blocks\[\d\]\.caption$/,
      /\.blocks\[\d\]\.unit$/,
      /\.data\[\d\]\.label$/,
      /^report\.sources\[\d\]\.note$/,
    ]) {
      expect(
        paths.some((p) => expected.test(p)),
        String(expected),
      ).toBe(true);
    }
    expect(paths).not.toContain('report.meta.basedOn.title');
  });

  it('shares no run of ten or more words with the article in any string', () => {
    expect(sharedRuns(report)).toEqual([]);
  });

  it('finds a sentence copied from the article, whatever its case and punctuation (the check can fail)', () => {
    const copy = structuredClone(report);
    const item = copy.sections[4]!.blocks[0]!;
    if (item.type !== 'list') throw new Error('fixture moved');
    // A sentence of the article, lower-cased and with its punctuation changed.
    item.items[0]!.text =
      'these scams collectively generate huge profits; with individual victims often losing thousands of dollars';
    copy.sections[6]!.notes = [
      'Myanmar’s military government has diplomatic and economic ties to China, as the article says.',
    ];
    expect(sharedRuns(copy)).toEqual([
      {
        path: 'report.sections[4].blocks[0].items[0].term+text',
        run: 'these scams collectively generate huge profits with individual victims often losing thousands of dollars',
      },
      {
        path: 'report.sections[4].blocks[0].items[0].text',
        run: 'these scams collectively generate huge profits with individual victims often losing thousands of dollars',
      },
      {
        path: 'report.sections[6].notes[0]',
        run: 'myanmars military government has diplomatic and economic ties to china',
      },
    ]);
  });

  it('lets the cited title through only as a citation: a copied sentence around it is still found', () => {
    const copy = structuredClone(report);
    copy.meta.summary = `As “${report.meta.basedOn.title}” puts it, Myanmar has emerged as a key base of operations for Chinese cybercriminal groups.`;
    expect(sharedRuns(copy)).toEqual([
      {
        path: 'report.meta.summary',
        run: 'myanmar has emerged as a key base of operations for chinese cybercriminal groups',
      },
    ]);
    copy.meta.summary = `See “${report.meta.basedOn.title}”.`;
    expect(sharedRuns(copy)).toEqual([]);
  });

  it('gives every section a heading of its own, not one of the article’s', () => {
    const headings = new Set(ARTICLE_HEADINGS.map((h) => words(h).join(' ')));
    const headingRuns = new Set(ARTICLE_HEADINGS.flatMap((h) => runs(words(h), 4)));
    for (const section of report.sections) {
      expect(headings.has(words(section.title).join(' ')), section.title).toBe(false);
      expect(
        runs(words(section.title), 4).filter((r) => headingRuns.has(r)),
        section.title,
      ).toEqual([]);
    }
  });
});

describe('the report says only what the article supports', () => {
  /** Statements issue 14 found unsupported, each now gone for what the article does say. */
  const UNSUPPORTED = [
    /fastest to come online/iu, // the article: "increasingly digitally connected"
    /largest online population/iu, // the article ranks no online populations
    /1\.5 billion/u, // the article gives no total
    /six kinds of fraud[^.]*billions/iu, // the article credits the billions to telecom fraud operations
    /scam compounds?/iu, // the article speaks of centres
  ];

  it('makes none of the statements found unsupported, in any string', () => {
    const hits = reportStrings(report).flatMap(({ path, text }) =>
      UNSUPPORTED.filter((re) => re.test(text)).map((re) => `${path}: ${re}`),
    );
    expect(hits).toEqual([]);
  });

  it('credits the billions of dollars to the telecom fraud operations, as the article does', () => {
    const sentences = reportStrings(report).flatMap(({ path, text }) =>
      text
        .split(/(?<=[.!?])\s+/u)
        .filter((sentence) => /billions/iu.test(sentence))
        .map((sentence) => ({ path, sentence })),
    );
    expect(sentences.length).toBeGreaterThan(0);
    for (const { path, sentence } of sentences) expect(sentence, path).toMatch(/telecom fraud operations/iu);
  });
});

describe('the sections are set alike', () => {
  it('gives every section a lede, or none of them', () => {
    const withLede = report.sections.filter((s) => s.lede !== undefined).length;
    expect([0, report.sections.length]).toContain(withLede);
  });

  it('gives every section a point for its slides', () => {
    expect(report.sections.filter((s) => !s.point).map((s) => s.id)).toEqual([]);
  });
});
