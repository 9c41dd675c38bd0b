// Adversarial content: Markdown/HTML/Marp syntax, right-to-left text and bidi marks,
// emoji, 10,000-character paragraphs and 500-item lists. Renderers never crash, the deck
// shows every string literally without overflowing a slide, and the PDF either shows the
// string or names, by path, the characters its fonts lack.
import {
  assertReport,
  foldSpace,
  INVISIBLE,
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

/**
 * Strings beyond markup: scripts the fonts may lack, invisible format characters, emoji.
 * Bidi *marks* are allowed; the overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
 * refused by the schema, which the last test here proves.
 */
const BEYOND = [
  'مرحبا بالعالم',
  'שלום עולם',
  'abc\u200fdcba\u200e done',
  'arabic letter mark \u061c between',
  'zero\u200bwidth\u200djoiner',
  'emoji 😀 and flag 🇮🇳',
  'combining e\u0301 and n\u0303',
  'CJK 网络犯罪',
  'tab\tand  double  spaces',
] as const;

const ALL = [...NASTY, ...BEYOND];

/** A report with one section per string, the string as title, term, item, paragraph and callout. */
function reportWith(strings: readonly string[], plain = false): Report {
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
  return assertReport(input);
}

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
      const want = foldSpace(str.replace(INVISIBLE, ''));
      const slides = deck.slides.filter((s) => foldSpace(s.text.replace(INVISIBLE, '')).includes(want));
      if (slides.length === 0) wrong.push(`#${i} ${JSON.stringify(str)}`);
    });
    expect(wrong).toEqual([]);
  });

  it('the PDF shows every string its fonts cover, and names the rest by path and code point', async () => {
    const covered = ALL.filter((_, i) => i < NASTY.length);
    const pdf = await readPdf(await renderPdf(reportWith(covered)));
    const text = compact(pdf.pages.join(' '));
    expect(covered.filter((s) => !text.includes(compact(s)))).toEqual([]);

    const error = await renderPdf(nasty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    const problems = (error as ReportValidationError).problems;
    const emoji = ALL.indexOf('emoji 😀 and flag 🇮🇳');
    expect(problems.map((p) => p.path)).toContain(`sections[${emoji}].title`);
    expect(problems.find((p) => p.path === `sections[${emoji}].title`)?.message).toMatch(/U\+1F600/);
    // Every reported field holds a string from BEYOND, never one the fonts can show.
    for (const p of problems) {
      const index = Number(/^sections\[(\d+)]/.exec(p.path)?.[1]);
      expect(index, p.path).toBeGreaterThanOrEqual(NASTY.length);
    }
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
