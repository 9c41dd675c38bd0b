import { describe, expect, it } from 'vitest';
import { formatPath, type Problem, parseReport, type ReportInput, ReportSchema, reportInput } from '../src/index.js';

/** A deep copy of the real report, changed by `edit`, then parsed. */
function problemsAfter(edit: (r: ReportInput & Record<string, unknown>) => void): Problem[] {
  const copy = structuredClone(reportInput) as ReportInput & Record<string, unknown>;
  edit(copy);
  const result = parseReport(copy);
  if (result.ok) throw new Error('expected the edited report to be rejected');
  return result.problems;
}

const lines = (problems: Problem[]) => problems.map((p) => `${p.path}: ${p.message}`);

describe('ReportSchema', () => {
  it('accepts the packaged report', () => {
    const result = parseReport(reportInput);
    expect(result.ok).toBe(true);
    expect(ReportSchema.parse(reportInput).sections.map((s) => s.id)).toEqual([
      'context',
      'internet-expansion',
      'emergence-of-networks',
      'drivers-in-myanmar',
      'fraud-schemes',
      'impacts-on-india',
      'responses',
      'outlook',
    ]);
  });

  it("names the field of a bad conclusion, a chart's or a table's point, as of any other field", () => {
    const problems = problemsAfter((r) => {
      r.conclusion = { point: '', text: 'Enough said.', onScreen: [] };
      const chart = r.sections[1]!.blocks[1]!;
      const table = r.sections[6]!.blocks[2]!;
      if (chart.type !== 'chart' || table.type !== 'table') throw new Error('fixture moved');
      chart.point = 'x'.repeat(1000);
      (table as Record<string, unknown>).point = 7;
    });
    expect(lines(problems)).toEqual([
      expect.stringMatching(/^sections\[1\]\.blocks\[1\]\.point: /u),
      expect.stringMatching(/^sections\[6\]\.blocks\[2\]\.point: /u),
      expect.stringMatching(/^conclusion\.point: /u),
      'conclusion.onScreen: must not be empty',
    ]);
  });

  it('accepts a report without an organisation or authors, and one that names them, as it has them', () => {
    expect(reportInput.meta).not.toHaveProperty('organisation');
    expect(reportInput.meta).not.toHaveProperty('authors');
    const bare = ReportSchema.parse(reportInput);
    expect(bare.meta.organisation).toBeUndefined();
    expect(bare.meta.authors).toEqual([]);
    const named = ReportSchema.parse({
      ...reportInput,
      meta: {
        ...reportInput.meta,
        organisation: { name: 'Institute for Border Studies', url: 'https://example.org/' },
        authors: [{ name: 'A. Writer', role: 'Adaptation' }],
        basedOn: { ...reportInput.meta.basedOn, author: 'A. Reporter' },
      },
    });
    expect(named.meta.organisation?.name).toBe('Institute for Border Studies');
    expect(named.meta.authors.map((a) => a.name)).toEqual(['A. Writer']);
    expect(named.meta.basedOn.author).toBe('A. Reporter');
    // An organisation, when given, still needs a name.
    expect(
      lines(
        problemsAfter((r) => {
          (r.meta as Record<string, unknown>).organisation = { name: '' };
        }),
      ),
    ).toEqual(['meta.organisation.name: must not be empty']);
  });

  it('takes the about note as paragraphs of rich text, and rejects an empty one', () => {
    expect(ReportSchema.parse(reportInput).meta.about).toHaveLength(4);
    expect(
      lines(
        problemsAfter((r) => {
          r.meta.about = [];
        }),
      ),
    ).toEqual(['meta.about: must not be empty']);
  });

  it('rejects duplicate section ids at the second one', () => {
    const problems = problemsAfter((r) => {
      r.sections[2]!.id = 'context';
    });
    expect(lines(problems)).toEqual(['sections[2].id: duplicate id "context" (already used by sections[0])']);
  });

  it('rejects a chart id that repeats a section id', () => {
    const problems = problemsAfter((r) => {
      const chart = r.sections[1]!.blocks[1]!;
      if (chart.type !== 'chart') throw new Error('fixture moved');
      chart.id = 'outlook';
    });
    expect(lines(problems)).toEqual(['sections[7].id: duplicate id "outlook" (already used by sections[1].blocks[1])']);
  });

  it('rejects an empty or blank title', () => {
    expect(
      lines(
        problemsAfter((r) => {
          r.sections[3]!.title = '';
        }),
      ),
    ).toEqual(['sections[3].title: must not be empty']);
    expect(
      lines(
        problemsAfter((r) => {
          r.meta.title = '   ';
        }),
      ),
    ).toContain('meta.title: must not be empty');
  });

  it('rejects a javascript: link inside inline text', () => {
    const problems = problemsAfter((r) => {
      r.sections[0]!.blocks[2] = {
        type: 'paragraph',
        text: [{ type: 'link', text: 'click', href: 'javascript:alert(1)' }],
      };
    });
    expect(lines(problems)).toEqual(['sections[0].blocks[2].text[0].href: must be an absolute http(s) or mailto link']);
  });

  it('accepts https and mailto links and rejects data: and relative ones', () => {
    const ok = (href: string) =>
      parseReport({ ...structuredClone(reportInput), sources: [{ ...reportInput.sources[0], url: href }] }).ok;
    expect(ok('https://example.org/a?b=1')).toBe(true);
    expect(ok('mailto:editor@example.org')).toBe(true);
    expect(ok('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(ok('/relative/path')).toBe(false);
    expect(ok('ftp://example.org/file')).toBe(false);
  });

  it('rejects an impossible date', () => {
    const problems = problemsAfter((r) => {
      r.meta.basedOn.published = '2024-02-30';
    });
    expect(lines(problems)).toEqual(['meta.basedOn.published: must be a valid ISO date (YYYY-MM-DD)']);
    expect(
      lines(
        problemsAfter((r) => {
          r.meta.date = '23 February 2024';
        }),
      ),
    ).toEqual(['meta.date: must be a valid ISO date (YYYY-MM-DD)']);
  });

  it('rejects an empty list and an empty list item', () => {
    const empty = problemsAfter((r) => {
      const list = r.sections[3]!.blocks[0]!;
      if (list.type !== 'list') throw new Error('fixture moved');
      list.items = [];
    });
    expect(lines(empty)).toEqual(['sections[3].blocks[0].items: must have at least one item']);
    const blankItem = problemsAfter((r) => {
      const list = r.sections[4]!.blocks[0]!;
      if (list.type !== 'list') throw new Error('fixture moved');
      list.items[3]!.text = '';
    });
    expect(lines(blankItem)).toEqual(['sections[4].blocks[0].items[3].text: must not be empty']);
  });

  it('rejects unknown keys, naming the key', () => {
    expect(
      lines(
        problemsAfter((r) => {
          r.colour = 'red';
        }),
      ),
    ).toEqual(['colour: unknown key (not part of the schema; check the spelling)']);
    const nested = problemsAfter((r) => {
      (r.sections[1] as Record<string, unknown>).subtitle = 'x';
    });
    expect(lines(nested)).toEqual(['sections[1].subtitle: unknown key (not part of the schema; check the spelling)']);
  });

  it('rejects wrong types and says what was found', () => {
    const problems = problemsAfter((r) => {
      (r as Record<string, unknown>).takeaways = 'one takeaway';
    });
    expect(lines(problems)).toEqual(['takeaways: must be an array, not a string']);
    const missing = problemsAfter((r) => {
      delete (r.meta as Record<string, unknown>).shortTitle;
    });
    expect(lines(missing)).toEqual(['meta.shortTitle: is required']);
  });

  it('rejects non-finite and negative figures', () => {
    const chartEdit = (value: number) =>
      problemsAfter((r) => {
        const chart = r.sections[1]!.blocks[1]!;
        if (chart.type !== 'chart') throw new Error('fixture moved');
        chart.data[1]!.value = value;
      });
    expect(lines(chartEdit(Number.POSITIVE_INFINITY))[0]).toMatch(/^sections\[1]\.blocks\[1]\.data\[1]\.value: /);
    expect(lines(chartEdit(-5))).toEqual(['sections[1].blocks[1].data[1].value: must not be negative']);
  });

  it('rejects an unknown block type with a path to the block', () => {
    const problems = problemsAfter((r) => {
      (r.sections[0]!.blocks as unknown[])[0] = { type: 'video', src: 'x' };
    });
    expect(lines(problems)).toEqual([
      'sections[0].blocks[0].type: must be a block of type "paragraph", "list", "chart", "callout" or "table"',
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsAfter((r) => {
      r.sections[0]!.title = '';
      r.sections[5]!.id = 'Not Kebab';
      r.meta.lang = 'English';
    });
    expect(problems.map((p) => p.path)).toEqual(['meta.lang', 'sections[0].title', 'sections[5].id']);
  });

  it('enforces length limits', () => {
    const problems = problemsAfter((r) => {
      r.meta.shortTitle = 'x'.repeat(61);
    });
    expect(lines(problems)).toEqual(['meta.shortTitle: must be at most 60 characters']);
  });

  it('rejects a language tag that Intl cannot use, such as en-GB-GB', () => {
    for (const lang of ['en-GB-GB', 'sgn-BE-FR', 'de-1996-1996']) {
      const problems = problemsAfter((r) => {
        r.meta.lang = lang;
      });
      expect(lines(problems)).toEqual([
        'meta.lang: must be a BCP 47 language tag such as en-GB that Intl can format dates and numbers in',
      ]);
    }
    for (const lang of ['en', 'en-GB', 'en-GB-oxendict', 'fr', 'de-CH', 'el', 'ru', 'vi', 'sr-Latn']) {
      expect(parseReport({ ...structuredClone(reportInput), meta: { ...reportInput.meta, lang } }).ok, lang).toBe(true);
    }
  });

  it('rejects a language whose dates or numbers the fonts cannot show, once, at meta.lang', () => {
    expect(
      lines(
        problemsAfter((r) => {
          r.meta.lang = 'zh-Hant-TW';
        }),
      ),
    ).toEqual([
      'meta.lang: writes dates and numbers such as "2024年1月1日", with characters the fonts cannot show: "年" (U+5E74), "月" (U+6708), "日" (U+65E5)',
    ]);
    for (const lang of ['hi-IN', 'ar-EG', 'ja', 'he']) {
      const problems = problemsAfter((r) => {
        r.meta.lang = lang;
      });
      expect(problems.map((p) => p.path)).toEqual(['meta.lang']);
      expect(problems[0]?.message).toMatch(
        /^writes dates and numbers such as ".+", with characters the fonts cannot show: /,
      );
    }
  });
});

/** Every string in a JSON value, with its path as parseReport writes it. */
function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withStringAt(path: (string | number)[], edit: (s: string) => string): unknown {
  const copy = structuredClone(reportInput) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  node[last] = edit(node[last] as string);
  return copy;
}

/** Fields whose value is one of a few fixed words or a date: they reject any other text their own way. */
const FIXED_FORMAT = new Set(['type', 'tone', 'kind', 'emphasis', 'qualifier', 'date', 'published', 'asOf']);

describe('characters a report may hold', () => {
  const leaves = stringLeaves(reportInput);

  it('rejects an emoji and a noncharacter in every string field of the report, naming the field and the character', () => {
    const missed: string[] = [];
    for (const path of leaves) {
      const result = parseReport(withStringAt(path, (s) => `${s.slice(0, 1)}😀\uFFFF${s.slice(1)}`));
      const at = formatPath(path);
      const problems = result.ok ? [] : result.problems.filter((p) => p.path === at);
      const named = problems.some((p) => p.message === 'must not contain the noncharacter U+FFFF');
      const fixed = FIXED_FORMAT.has(String(path.at(-1))) && problems.length > 0;
      if (!named && !fixed) missed.push(`${at}: ${JSON.stringify(problems)}`);
    }
    expect(missed).toEqual([]);
  });

  it('rejects a control character in every string field of the report, naming the field and the character', () => {
    expect(leaves.length).toBeGreaterThan(100);
    const missed: string[] = [];
    for (const path of leaves) {
      const result = parseReport(withStringAt(path, (s) => `${s.slice(0, 1)}\u0007${s.slice(1)}`));
      const at = formatPath(path);
      const problems = result.ok ? [] : result.problems.filter((p) => p.path === at);
      const named = problems.some((p) => p.message === 'must not contain the control character U+0007');
      const fixed = FIXED_FORMAT.has(String(path.at(-1))) && problems.length > 0;
      if (!named && !fixed) missed.push(`${at}: ${JSON.stringify(problems)}`);
    }
    expect(missed).toEqual([]);
  });

  it.each([
    ['\u0000', 'the control character U+0000'],
    ['\u0008', 'the control character U+0008'],
    ['\u000b', 'the control character U+000B'],
    ['\u001b', 'the control character U+001B'],
    ['\u007f', 'the control character U+007F'],
    ['\u0085', 'the control character U+0085'],
    ['\u009f', 'the control character U+009F'],
    ['\u202a', 'the bidi control character U+202A'],
    ['\u202e', 'the bidi control character U+202E'],
    ['\u2066', 'the bidi control character U+2066'],
    ['\u2069', 'the bidi control character U+2069'],
    ['\ud800', 'a lone surrogate U+D800'],
    ['\udc00', 'a lone surrogate U+DC00'],
  ])('rejects %j in inline text, with the path of the run', (char, what) => {
    const problems = problemsAfter((r) => {
      r.takeaways[1] = [
        { type: 'text', text: 'Plain start, ' },
        { type: 'text', text: `then ${char} inside`, emphasis: 'strong' },
      ];
    });
    expect(lines(problems)).toEqual([`takeaways[1][1].text: must not contain ${what}`]);
  });

  it('rejects a control character in a list item and a carriage return in a title', () => {
    expect(
      lines(
        problemsAfter((r) => {
          const list = r.sections[4]!.blocks[0]!;
          if (list.type !== 'list') throw new Error('fixture moved');
          list.items[3]!.text = 'Ring the bell\u0007 twice';
        }),
      ),
    ).toEqual(['sections[4].blocks[0].items[3].text: must not contain the control character U+0007']);
    expect(
      lines(
        problemsAfter((r) => {
          r.sections[2]!.title = 'Two\rlines';
        }),
      ),
    ).toEqual(['sections[2].title: must be a single line']);
  });

  it('accepts tabs and line breaks in prose, and Latin, Greek, Cyrillic and Vietnamese text', () => {
    const input = structuredClone(reportInput);
    input.sections[0]!.lede = 'First line,\r\nsecond\tline\nthird.';
    input.sections[0]!.title = 'Łódź, Ελλάδα, Мьянма and Đà Nẵng — “quoted”, 1 234,5 €';
    input.takeaways[0] = 'Ρεκόρ απάτης: ₹ 1,000 crore, Київ, Şanlıurfa…';
    const result = parseReport(input);
    expect(result.ok ? [] : lines(result.problems)).toEqual([]);
  });

  it.each([
    ['an emoji', 'An emoji 😀 here', 'characters the fonts cannot show: "😀" (U+1F600)'],
    [
      'right-to-left text',
      'Arabic مرحبا',
      'characters the fonts cannot show: "م" (U+0645), "ر" (U+0631), "ح" (U+062D), "ب" (U+0628), "ا" (U+0627)',
    ],
    ['a bidi mark', 'Hebrew\u200F mark', 'must not contain the invisible character U+200F'],
    ['a zero-width space', 'zero\u200Bwidth', 'must not contain the invisible character U+200B'],
    ['a soft hyphen', 'co\u00ADoperation', 'must not contain the invisible character U+00AD'],
    ['a variation selector', 'star ★\uFE0F', 'must not contain the invisible character U+FE0F'],
    ['a noncharacter', 'end\uFFFF', 'must not contain the noncharacter U+FFFF'],
    ['a private-use character', 'logo \uE000', 'must not contain the private-use character U+E000'],
    ['an unassigned code point', 'Greek gap \u0378', 'must not contain the unassigned code point U+0378'],
    ['a line separator', 'one\u2028two', 'must not contain the line or paragraph separator U+2028'],
  ])('rejects %s in any string, naming it', (_what, text, message) => {
    const problems = problemsAfter((r) => {
      r.meta.keywords = [text];
      r.takeaways[0] = text;
    });
    expect(lines(problems)).toEqual([`meta.keywords[0]: ${message}`, `takeaways[0]: ${message}`]);
  });
});
