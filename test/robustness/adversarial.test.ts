// Adversarial content: Markdown/HTML/Marp syntax, other scripts the design's faces draw,
// 10,000-character paragraphs and 500-item lists. Renderers never crash,
// the deck shows every string literally without overflowing a slide, and the PDF shows every
// string. Right-to-left text, bidi and zero-width marks, emoji and CJK, which no output's faces
// draw alike, and combining accents (the deck would draw a letter and its mark in a system
// font), the schema refuses by path before any renderer sees them.
import {
  assertReport,
  foldSpace,
  parseReport,
  type Report,
  type ReportInput,
  ReportValidationError,
  reportInput,
} from '@briefing/content';
import { checkCoverage, compact, readDeckHtml, readPdf } from '@briefing/inspect';
import { renderPdf } from '@briefing/pdf';
import { renderDeck } from '@briefing/slides';
import { NASTY } from '@briefing/testkit';
import { browserOrReason, type Chromium, launchChromium, measureDeck } from '@briefing/testkit/chromium';
import { renderDeckHtml } from 'briefing/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Strings beyond markup that every face of every output draws. */
const BEYOND = ['Ελλάδα και Μιανμάρ', 'Мьянма и Китай', 'Đà Nẵng, Hồ Chí Minh', 'tab\tand  double  spaces'] as const;

/** Strings no output's faces draw alike (or that are no text at all), with what the schema says of them. */
const REFUSED = [
  ['مرحبا بالعالم', 'characters the fonts cannot show: "م" (U+0645)'],
  ['שלום עולם', 'characters the fonts cannot show: "ש" (U+05E9)'],
  ['abc\u200fdcba\u200e done', 'must not contain the invisible character U+200F'],
  ['arabic letter mark \u061c between', 'must not contain the invisible character U+061C'],
  ['zero\u200bwidth\u200djoiner', 'must not contain the invisible character U+200B'],
  ['emoji 😀 and flag 🇮🇳', 'characters the fonts cannot show: "😀" (U+1F600)'],
  ['CJK 网络犯罪', 'characters the fonts cannot show: "网" (U+7F51)'],
  ['combining e\u0301 and n\u0303', 'must not contain the combining mark U+0301: write "é" as one character'],
] as const;

const ALL = [...NASTY, ...BEYOND];

/** The report input with one section per string, the string as title, term, item, paragraph and callout. */
function inputWith(strings: readonly string[], plain = false): ReportInput {
  const input = structuredClone(reportInput) as ReportInput;
  const s = (i: number) => (plain ? `Plain string ${i}` : strings[i]!);
  input.sections = strings.map((_, i) => ({
    id: `case-${i}`,
    title: s(i),
    blocks: [
      { type: 'paragraph' as const, text: `Before ${s(i)} after.` },
      { type: 'list' as const, items: [{ term: s(i), text: s(i) }, { text: `Item with ${s(i)} inside` }] },
      { type: 'callout' as const, tone: 'note' as const, text: s(i) },
    ],
  }));
  return input;
}

const reportWith = (strings: readonly string[], plain = false): Report => assertReport(inputWith(strings, plain));

const browser = browserOrReason();
let chromium: Chromium | undefined;
beforeAll(async () => {
  if ('path' in browser) chromium = await launchChromium(browser.path);
});
afterAll(async () => {
  await chromium?.close();
});

describe('markup, scripts and controls in every kind of field', () => {
  const nasty = reportWith(ALL);
  const plain = reportWith(ALL, true);

  it('the deck has as many slides as the same report with plain text', async () => {
    const a = readDeckHtml(await renderDeckHtml(nasty));
    const b = readDeckHtml(await renderDeckHtml(plain));
    expect(a.slides.length).toBe(b.slides.length);
    expect(a.scripts).toBe(b.scripts);
  });

  it('the deck shows every string literally, on the slide of its section', async () => {
    const deck = readDeckHtml(await renderDeckHtml(nasty));
    const wrong: string[] = [];
    ALL.forEach((str, i) => {
      const want = foldSpace(str);
      const slides = deck.slides.filter((s) => foldSpace(s.text).includes(want));
      if (slides.length === 0) wrong.push(`#${i} ${JSON.stringify(str)}`);
    });
    expect(wrong).toEqual([]);
  });

  it('the PDF shows every string', async () => {
    const pdf = await readPdf(await renderPdf(nasty));
    const text = compact(pdf.pages.join(' '));
    expect(ALL.filter((s) => !text.includes(compact(s)))).toEqual([]);
  });

  it('the schema refuses the strings no output draws alike, in every field of their section, by path', () => {
    const result = parseReport(inputWith(REFUSED.map(([str]) => str)));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    REFUSED.forEach(([, message], i) => {
      const at = `sections[${i}]`;
      const found = problems.filter((p) => p.path.startsWith(`${at}.`));
      expect(found.map((p) => p.path).sort(), at).toEqual(
        [
          `${at}.title`,
          `${at}.blocks[0].text`,
          `${at}.blocks[1].items[0].term`,
          `${at}.blocks[1].items[0].text`,
          `${at}.blocks[1].items[1].text`,
          `${at}.blocks[2].text`,
        ].sort(),
      );
      for (const p of found) expect(p.message, p.path).toContain(message);
    });
  });

  it.runIf('path' in browser)('no slide overflows', async () => {
    const { problems } = await measureDeck(chromium!.browser, renderDeck(nasty));
    expect(problems).toEqual([]);
  });
});

describe('size extremes', () => {
  const huge = (() => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections = [
      {
        id: 'long-paragraph',
        title: 'A paragraph of 10,000 characters',
        blocks: [
          {
            type: 'paragraph',
            text: `${'Long paragraphs test the splitter and the paginator alike. '.repeat(170)}`
              .slice(0, 10_000)
              .trim(),
          },
        ],
      },
      {
        id: 'five-hundred',
        title: 'A list of 500 items',
        blocks: [
          {
            type: 'list',
            items: Array.from({ length: 500 }, (_, i) => ({
              term: `Entry ${i + 1}`,
              text: `Short text of entry ${i + 1}.`,
            })),
          },
        ],
      },
    ];
    return assertReport(input);
  })();

  it('renders both formats and passes the coverage check', async () => {
    const pdf = await readPdf(await renderPdf(huge));
    const deck = readDeckHtml(await renderDeckHtml(huge));
    const result = checkCoverage(huge, pdf, deck);
    expect(result.missing.map((m) => m.label)).toEqual([]);
    expect(result.navigation.filter((n) => !n.ok)).toEqual([]);
  });

  it.runIf('path' in browser)('no slide overflows', async () => {
    const { slides, problems } = await measureDeck(chromium!.browser, renderDeck(huge));
    expect(slides).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});

describe('characters the schema refuses before any renderer sees them', () => {
  it.each([
    ['a bidi override', 'abc\u202edcba\u202c done', 'the bidi control character U+202E'],
    ['a bidi isolate', 'left \u2067right\u2069 isolate', 'the bidi control character U+2067'],
    ['a lone surrogate', 'half a pair \ud83d here', 'a lone surrogate U+D83D'],
    ['an escape sequence', 'red \u001b[31m text', 'the control character U+001B'],
    ['a C1 control', 'next \u0085 line', 'the control character U+0085'],
  ])('refuses %s in a list item, naming its path', (_what, str, named) => {
    const error = (() => {
      try {
        reportWith(['fine', str]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReportValidationError);
    const lines = (error as ReportValidationError).problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toContain(`sections[1].blocks[1].items[0].text: must not contain ${named}`);
    expect(lines).toContain(`sections[1].title: must not contain ${named}`);
    expect(lines.every((l) => l.startsWith('sections[1].'))).toBe(true);
  });
});
