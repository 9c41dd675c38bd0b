// fast-check arbitraries for reports that pass the schema: random structure, text drawn
// from characters the embedded fonts cover, very long words and long lists.
import type { ReportInput } from '@briefing/content';
import { LIMITS, reportInput } from '@briefing/content';
import fc from 'fast-check';

/** Latin text with accents, typographic punctuation and Markdown/HTML syntax characters. */
const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'éèêëàâäçñöøåßüÉÀÇÑÖÜæœ',
  ...'.,;:!?\'"()[]{}<>-–—’‘“”…#*_`|\\/$%&@+=~^',
];

const char = fc.constantFrom(...ALPHABET);
const word = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: char, minLength: 1, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 40, maxLength: 120 }) },
);
const words = (min: number, max: number, unit: fc.Arbitrary<string> = word) =>
  fc.array(unit, { minLength: min, maxLength: max }).map((ws) => ws.join(' ').trim() || 'x');

export const line = words(1, 12);
export const prose = words(1, 80);

const item = fc.record(
  {
    term: fc.option(
      words(1, 4).map((t) => t.slice(0, 120).trim() || 'x'),
      { nil: undefined },
    ),
    text: prose,
    onScreen: fc.option(line, { nil: undefined }),
  },
  { requiredKeys: ['text'] },
);

/** A text's optional on-screen line (the deck shows it in place of the first sentence). */
const onScreen = fc.option(line, { nil: undefined });

/** A line cut to a field's limit, still non-empty and without blanks at its ends. */
const lineOf = (max: number, min = 1, most = 12, unit: fc.Arbitrary<string> = word) =>
  words(min, most, unit).map((t) => t.slice(0, max).trim() || 'x');

/** Rich text: a plain string, or runs with emphasis and links. */
const richText = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: lineOf(max, 1, 20) },
    {
      weight: 1,
      arbitrary: fc
        .array(
          fc.oneof(
            fc.record(
              {
                type: fc.constant('text' as const),
                text: lineOf(80, 1, 6),
                emphasis: fc.constantFrom('em', 'strong'),
              },
              { requiredKeys: ['type', 'text'] },
            ),
            fc.record({
              type: fc.constant('link' as const),
              text: lineOf(80, 1, 4),
              href: fc.constantFrom('https://example.org/a', 'mailto:desk@example.org'),
            }),
          ),
          { minLength: 1, maxLength: 4 },
        )
        // Runs are written side by side: keep their text within the limit together.
        .map((runs) => runs.slice(0, Math.max(1, Math.floor(max / 80)))),
    },
  );

const source = fc.record(
  {
    publisher: lineOf(LIMITS.title),
    title: lineOf(LIMITS.title),
    url: fc.constant('https://example.org/source'),
  },
  { requiredKeys: ['publisher'] },
);

/**
 * A chart value the schema admits: below a thousand trillion, at most fourteen significant
 * digits once rounded to two decimals. Round figures ("600 million"), plain counts, decimals,
 * and the bounds themselves.
 */
const chartValue = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 12 })).map(([n, zeros]) => n * 10 ** zeros),
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100),
  fc.constantFrom(0, 0.01, 1.5, 99_999_999_999_999, 999_000_000_000_000, 12_345_678_901.23),
);

const datum = fc.record(
  {
    label: lineOf(LIMITS.term, 1, 4),
    value: chartValue,
    qualifier: fc.constantFrom('about', 'over', 'under', 'exactly'),
    share: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
  },
  { requiredKeys: ['label', 'value'] },
);

export const chartBlock = fc.record(
  {
    type: fc.constant('chart' as const),
    title: lineOf(LIMITS.heading),
    unit: lineOf(LIMITS.term, 1, 3),
    asOf: fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    reported: fc.boolean(),
    source,
    alt: words(1, 40).map((t) => t.slice(0, 1000)),
    // Shares on some data points and not others: the schema allows it.
    data: fc.array(datum, { minLength: 1, maxLength: LIMITS.chartData }),
  },
  { requiredKeys: ['type', 'title', 'unit', 'asOf', 'source', 'data'] },
);

/** A table of 2 to 6 columns, every row one cell per column, each cell within the cell limit. */
export const tableBlock = fc.integer({ min: 2, max: LIMITS.columns }).chain((columns) =>
  fc.record(
    {
      type: fc.constant('table' as const),
      caption: lineOf(LIMITS.heading),
      columns: fc.array(
        fc.record(
          { header: lineOf(LIMITS.heading, 1, 3), align: fc.constantFrom('left', 'center', 'right') },
          { requiredKeys: ['header'] },
        ),
        { minLength: columns, maxLength: columns },
      ),
      // Mostly a few rows, sometimes many: every row costs the renderers' text shaping, and a
      // long table is rarer in a briefing than a short one.
      rows: fc
        .oneof({ weight: 4, arbitrary: fc.constant(6) }, { weight: 1, arbitrary: fc.constant(24) })
        .chain((most) =>
          fc.array(
            fc.array(
              fc.oneof(
                { weight: 8, arbitrary: richText(LIMITS.cell) },
                // A cell at the limit: with a few in a row, the row is taller than a page.
                { weight: 1, arbitrary: words(90, 120).map((t) => t.slice(0, LIMITS.cell).trim() || 'x') },
              ),
              { minLength: columns, maxLength: columns },
            ),
            { minLength: 1, maxLength: most },
          ),
        ),
      source,
    },
    { requiredKeys: ['type', 'caption', 'columns', 'rows'] },
  ),
);

const block = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), text: prose, onScreen }),
  fc.record({
    type: fc.constant('list' as const),
    intro: fc.option(prose, { nil: undefined }),
    onScreen,
    items: fc.array(item, { minLength: 1, maxLength: 30 }),
  }),
  fc.record({ type: fc.constant('callout' as const), tone: fc.constant('note' as const), text: prose, onScreen }),
);

/** The record without its undefined keys (an absent optional field, as JSON would have it). */
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A list's on-screen line belongs to its intro: without an intro there is none. */
const cleanBlock = (b: Record<string, unknown> & { type: string }) => {
  const clean = defined(b);
  if (b.type === 'list') {
    if (clean.intro === undefined) delete clean.onScreen;
    clean.items = (b.items as Record<string, unknown>[]).map(defined);
  }
  return clean;
};

/** A report whose sections hold blocks drawn from `blockArbitrary`. */
const reportOf = (
  blockArbitrary: fc.Arbitrary<Record<string, unknown> & { type: string }>,
): fc.Arbitrary<ReportInput> =>
  fc
    .record({
      title: line,
      shortTitle: words(1, 5).map((s) => s.slice(0, 60).trim() || 'x'),
      takeaways: fc.array(prose, { minLength: 1, maxLength: 5 }),
      sections: fc.array(
        fc.record({
          title: line,
          point: fc.option(line, { nil: undefined }),
          lede: fc.option(prose, { nil: undefined }),
          blocks: fc.array(blockArbitrary, { minLength: 1, maxLength: 4 }),
        }),
        { minLength: 0, maxLength: 6 },
      ),
    })
    .map(({ title, shortTitle, takeaways, sections }) => {
      const input = structuredClone(reportInput) as ReportInput;
      input.meta.title = title.slice(0, 200).trim() || 'x';
      input.meta.shortTitle = shortTitle;
      input.takeaways = takeaways;
      input.sections = sections.map((s, i) => ({
        id: `section-${i + 1}`,
        title: s.title.slice(0, 200).trim() || 'x',
        ...(s.point ? { point: s.point.slice(0, 200).trim() || 'x' } : {}),
        ...(s.lede ? { lede: s.lede } : {}),
        blocks: s.blocks.map(
          // Chart ids are anchors, unique across the report (sections are section-N, the source another).
          (b, j) =>
            cleanBlock(
              b.type === 'chart' ? { ...b, id: `chart-${i + 1}-${j + 1}` } : b,
            ) as ReportInput['sections'][number]['blocks'][number],
        ),
      }));
      return input;
    });

/** Reports of paragraphs, lists and callouts only. */
export const reportArbitrary = reportOf(block);

/**
 * Reports with every block type, charts and tables too: what the property tests run on.
 * Text blocks are two in three: a table costs the renderers far more than a paragraph, and a
 * report of them all costs about 1.4 times what one of text alone does.
 */
export const richReportArbitrary = reportOf(
  fc.oneof({ weight: 4, arbitrary: block }, { weight: 1, arbitrary: chartBlock }, { weight: 1, arbitrary: tableBlock }),
);
