// Author text never steers the deck: whatever YAML, Marp directive or comment syntax a report
// holds in any text field, the rendered slides have exactly the classes, theme, backgrounds,
// pagination, footer and speaker notes that the deck plan gives them, and no resource to load.
import { assertReport, foldSpace, type ReportInput, reportInput } from '@briefing/content';
import { BriefingMarp, type DeckSlide, noteComment, planDeck, renderDeck, stripJoiners } from '@briefing/slides';
import { deckBrowser, seed, seeded } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import type { DeckBrowser } from 'briefing/internal';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Marpit's directive names (global and local, with the `_` spot form) and a few that are not. */
const KEYS = [
  'marp',
  'theme',
  'style',
  'headingDivider',
  'lang',
  'size',
  'math',
  'title',
  'class',
  '_class',
  'paginate',
  '_paginate',
  'header',
  'footer',
  '_footer',
  'backgroundImage',
  '_backgroundImage',
  'backgroundColor',
  'backgroundPosition',
  'color',
  'fit',
  'bg',
  'note',
];
const VALUES = [
  'lead',
  'invert',
  'gaia',
  'false',
  'true',
  'url(http://127.0.0.1:9/x.png)',
  'url("file:///etc/passwd")',
  'red',
  '"quoted"',
  "'single'",
  '![bg](http://127.0.0.1:9/y.png)',
  '16:9',
];
const key = fc.constantFrom(...KEYS);
const value = fc.constantFrom(...VALUES);
const pair = fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`);

/** Strings shaped like YAML or Marp syntax: what an author (or an attacker) might type. */
export const yamlShaped: fc.Arbitrary<string> = fc.oneof(
  pair,
  fc.array(pair, { minLength: 1, maxLength: 4 }).map((ps) => `{ ${ps.join(', ')} }`),
  fc.array(pair, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n')),
  fc.array(value, { minLength: 1, maxLength: 3 }).map((vs) => `[${vs.join(', ')}]`),
  fc.array(value, { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v) => `- ${v}`).join('\n')),
  pair.map((p) => `&anchor { ${p} }`),
  pair.map((p) => `!!map { ${p} }`),
  pair.map((p) => `--- \n${p}\n...`),
  fc.tuple(key, value).map(([k, v]) => `? ${k}\n: ${v}`),
  pair.map((p) => `x --> <!-- ${p} --> y`),
  pair.map((p) => `<!--\n${p}\n-->`),
  pair.map((p) => `---\n${p}\n---`),
  fc.constantFrom('prettier-ignore', 'markdownlint-disable', 'lint disable', 'fit', '*[a]: b'),
);

/** The text fields of a report input (paths whose strings are shown somewhere), with their room. */
function mapText(input: ReportInput, f: (text: string, max: number, oneLine: boolean) => string): ReportInput {
  const out = structuredClone(input) as ReportInput & Record<string, unknown>;
  const SKIP = new Set([
    'id',
    'href',
    'url',
    'date',
    'published',
    'asOf',
    'lang',
    'type',
    'tone',
    'emphasis',
    'kind',
    'qualifier',
  ]);
  const LINE_KEYS = new Set([
    'title',
    'shortTitle',
    'subtitle',
    'term',
    'label',
    'name',
    'role',
    'publisher',
    'unit',
    'keywords',
    'caption',
    'header',
    'point',
  ]);
  const walk = (node: unknown, key: string): unknown => {
    if (typeof node === 'string') {
      if (SKIP.has(key)) return node;
      const oneLine = LINE_KEYS.has(key);
      return f(node, key === 'shortTitle' || key === 'keywords' ? 60 : 120, oneLine);
    }
    if (Array.isArray(node)) return node.map((n) => walk(n, key));
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  return walk(out, '') as ReportInput;
}

/** Reports whose every text field holds YAML-shaped strings (drawn from a small pool). */
const yamlReport = fc.array(yamlShaped, { minLength: 1, maxLength: 8 }).map((pool) => {
  let i = 0;
  const input = mapText(reportInput, (_text, max, oneLine) => {
    const s = pool[i++ % pool.length] as string;
    const t = (oneLine ? s.replace(/\s+/g, ' ') : s).slice(0, max).trim();
    return t || 'x';
  });
  // A keyword holds no comma or semicolon (the schema refuses them): the rest of its YAML stays.
  input.meta.keywords = input.meta.keywords?.map((k) => k.replace(/[,;]/gu, ' ').replace(/\s+/gu, ' ').trim() || 'x');
  return input;
});

/**
 * The deck's engine without its style sheet: these properties read only the HTML and the notes,
 * which Marpit renders before (and independently of) the theme's CSS, and packing that CSS was
 * most of each of the 240 renders.
 */
class HtmlOnly extends BriefingMarp {
  protected override renderStyle(): string {
    return '';
  }
}
const engine = new HtmlOnly({ script: false });

/** What Marp made of each slide: attributes that directives set, the footer, and the notes. */
function renderedSlides(markdown: string) {
  const { html, comments } = engine.render(markdown);
  const { document } = parseHTML(`<div>${html}</div>`);
  const sections = [...document.querySelectorAll('section')].filter(
    (s) => s.parentElement?.tagName === 'FOREIGNOBJECT',
  );
  // Anything that would make a browser fetch: embedded elements, source attributes, CSS urls.
  const fetches: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    if (/^(img|image|iframe|object|embed|link|video|audio|source|script|style)$/i.test(el.tagName))
      fetches.push(el.tagName);
    for (const name of el.getAttributeNames()) {
      const v = el.getAttribute(name) ?? '';
      if (/^(src|srcset|poster|data|xlink:href)$/i.test(name) || (name === 'style' && /url\(/i.test(v)))
        fetches.push(`${el.tagName} ${name}=${v}`);
    }
  }
  return {
    fetches,
    slides: sections.map((s, i) => ({
      class: s.getAttribute('class') ?? '',
      theme: s.getAttribute('data-theme'),
      paginate: s.hasAttribute('data-marpit-pagination'),
      attributes: s.getAttributeNames().sort(),
      style: s.getAttribute('style') ?? '',
      footer: foldSpace(s.querySelector(':scope > footer')?.textContent ?? ''),
      notes: (comments[i] ?? []).map((c) => foldSpace(stripJoiners(c))),
    })),
  };
}

/** The class a planned slide asks for: its layout classes, and `kicked` under a kicker. */
const plannedClass = (planned: DeckSlide) => [...planned.classes, ...(planned.kicker ? ['kicked'] : [])].join(' ');

/** Property names of an inline style attribute (Marpit escapes `:` and `;` inside values). */
const styleKeys = (style: string) =>
  [...style.matchAll(/(?:^|;)\s*(-{0,2}[A-Za-z][\w-]*)\s*:/g)].map((m) => m[1]).sort();
/** The style properties Marpit sets from the deck's own directives, and no others. */
const plannedStyle = (planned: DeckSlide) =>
  [
    ...(plannedClass(planned) ? ['--class'] : []),
    // The title slide turns pagination and the footer off.
    ...(planned.kind === 'title' ? [] : ['--footer', '--paginate']),
    '--lang',
    '--theme',
  ].sort();

describe(`author text never steers the deck (fast-check seed ${seed})`, () => {
  it('defuses YAML-shaped speaker notes of every shape', () => {
    fc.assert(
      fc.property(yamlShaped, (s) => {
        const { slides, fetches } = renderedSlides(`# Slide\n\n${noteComment(s)}`);
        expect(slides).toHaveLength(1);
        expect(slides[0]?.class).toBe('');
        expect(slides[0]?.notes).toEqual([foldSpace(s)]);
        expect(fetches).toEqual([]);
      }),
      seeded(200),
    );
  });

  it('gives every slide exactly the classes, theme, pagination, footer and notes of the plan', () => {
    fc.assert(
      fc.property(yamlReport, (input) => {
        const valid = assertReport(input);
        const plan = planDeck(valid).slides;
        const { slides, fetches } = renderedSlides(renderDeck(valid));
        expect(slides).toHaveLength(plan.length);
        const footer = foldSpace(valid.meta.shortTitle);
        plan.forEach((planned, i) => {
          const slide = slides[i];
          expect(slide?.class, `slide ${i + 1} class`).toBe(plannedClass(planned));
          expect(slide?.theme, `slide ${i + 1} theme`).toBe('briefing');
          expect(slide?.paginate, `slide ${i + 1} pagination`).toBe(planned.kind !== 'title');
          expect(slide?.footer, `slide ${i + 1} footer`).toBe(planned.kind === 'title' ? '' : footer);
          expect(styleKeys(slide?.style ?? ''), `slide ${i + 1} style`).toEqual(plannedStyle(planned));
          expect(slide?.attributes.filter((a) => /background|bg/i.test(a))).toEqual([]);
          expect(slide?.notes, `slide ${i + 1} notes`).toEqual(planned.notes.map((n) => foldSpace(n)));
        });
        expect(fetches).toEqual([]);
      }),
      seeded(40, 1),
    );
  });
});

const browser = browserOrReason();
const browserPath = 'path' in browser ? browser.path : '';

describe.skipIf(!browserPath)(`in Chromium, author text makes no request leave the page (seed ${seed})`, () => {
  // One Chromium for the three conversions (a conversion that fails starts another).
  let session: DeckBrowser;
  beforeAll(async () => {
    session = await deckBrowser(browserPath);
  });
  afterAll(() => session.close());

  it('converts YAML-shaped reports to PDF with nothing requested or refused (either fails the conversion)', async () => {
    await fc.assert(
      fc.asyncProperty(yamlReport, async (input) => {
        const valid = assertReport(input);
        const { pdf } = await session.convert(renderDeck(valid), ['pdf'], { lang: valid.meta.lang });
        expect(pdf?.byteLength).toBeGreaterThan(0);
      }),
      { ...seeded(3, 2), endOnFailure: true },
    );
  }, 120_000);
});
