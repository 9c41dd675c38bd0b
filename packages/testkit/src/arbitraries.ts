// fast-check arbitraries for reports that pass the schema: random structure, text drawn
// from characters the embedded fonts cover, very long words and long lists.
import type { ReportInput } from '@briefing/content';
import { reportInput } from '@briefing/content';
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
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' ').trim() || 'x');

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

export const reportArbitrary: fc.Arbitrary<ReportInput> = fc
  .record({
    title: line,
    shortTitle: words(1, 5).map((s) => s.slice(0, 60).trim() || 'x'),
    takeaways: fc.array(prose, { minLength: 1, maxLength: 5 }),
    sections: fc.array(
      fc.record({
        title: line,
        point: fc.option(line, { nil: undefined }),
        lede: fc.option(prose, { nil: undefined }),
        blocks: fc.array(block, { minLength: 1, maxLength: 4 }),
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
      blocks: s.blocks.map((b) => cleanBlock(b) as ReportInput['sections'][number]['blocks'][number]),
    }));
    return input;
  });
