import {
  assertReport,
  blockTexts,
  contrastRatio,
  foldSpace,
  numberedTitle,
  outline,
  plainText,
  type ReportInput,
  ReportValidationError,
  report,
  reportInput,
  tokens,
} from '@briefing/content';
import { NASTY, nastyReport, renderDeckHtml } from '@briefing/testkit';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefingMarp, planDeck, renderDeck, STRUCTURAL, stripJoiners } from '../src/index.js';

type Doc = ReturnType<typeof parseHTML>['document'];

interface Deck {
  doc: Doc;
  slides: Element[];
  texts: string[];
  notes: string[][];
}

function readDeck(html: string): Deck {
  const { document } = parseHTML(html);
  const slides = [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')];
  const notes = slides.map(() => [] as string[]);
  for (const note of document.querySelectorAll('.bespoke-marp-note')) {
    const index = Number(note.getAttribute('data-index'));
    notes[index] = [...note.querySelectorAll('p')].map((p) => foldSpace(stripJoiners(p.textContent ?? '')));
  }
  return { doc: document, slides, texts: slides.map((s) => foldSpace(s.textContent ?? '')), notes };
}

const kindOf = (slide: Element) => slide.getAttribute('class') ?? '';

describe('the HTML deck of the real report', () => {
  let deck: Deck;
  beforeAll(async () => {
    deck = readDeck(await renderDeckHtml(report));
  }, 60_000);

  it('has one slide per planned slide, with the bespoke presenter view', () => {
    expect(deck.slides.length).toBe(planDeck(report).slides.length);
    expect(deck.doc.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(deck.doc.querySelector('[data-bespoke-marp-osc="presenter"]')).not.toBeNull();
  });

  it('opens with a title slide: title, subtitle, date and source', () => {
    const [first] = deck.slides;
    expect(kindOf(first as Element)).toContain('title');
    const text = deck.texts[0] as string;
    for (const part of [
      report.meta.title,
      report.meta.subtitle as string,
      '25 November 2026',
      report.meta.basedOn.title,
    ])
      expect(text).toContain(part);
  });

  it('lists every section, numbered, on the agenda', () => {
    const agenda = deck.texts.filter((_, i) => kindOf(deck.slides[i] as Element).includes('agenda')).join(' ');
    for (const entry of outline(report)) expect(agenda).toContain(numberedTitle(entry));
  });

  it('puts the bottom line first: title, key takeaways, agenda, then the sections', () => {
    const kinds = deck.slides.slice(0, 3).map((s) => kindOf(s));
    expect(kinds[0]).toContain('title');
    expect(kinds[1]).toContain('takeaways');
    expect(kinds[2]).toContain('agenda');
  });

  it('has no divider slides: every section slide names its section above (kicker) or in its heading', () => {
    expect(deck.slides.filter((s) => kindOf(s).includes('divider'))).toHaveLength(0);
    const plan = planDeck(report).slides;
    for (const entry of outline(report)) {
      const title = numberedTitle(entry);
      const own = plan.filter((s) => s.section === entry.id);
      expect(own.length, title).toBeGreaterThan(0);
      for (const s of own) expect(s.kicker === title || s.heading === title, `${title}: ${s.heading}`).toBe(true);
      expect(deck.texts.some((t) => t.includes(title))).toBe(true);
    }
  });

  it('keeps structural slides (title, agenda, dividers, sources) to at most a quarter of the deck', () => {
    const plan = planDeck(report).slides;
    expect(plan.filter((s) => STRUCTURAL.has(s.kind)).length).toBeLessThanOrEqual(plan.length / 4);
  });

  it('shows every list item’s term, or its on-screen line, on some slide', () => {
    const all = deck.texts.join('\n');
    for (const section of report.sections)
      for (const block of section.blocks)
        if (block.type === 'list')
          for (const item of block.items) {
            const lead = item.term ?? plainText(item.onScreen ?? plainText(item.text).split(/(?<=[.!?])\s/)[0] ?? '');
            expect(all).toContain(lead);
          }
  });

  it('draws the internet-user figures as an inline SVG bar chart of both series, with values, units, date and source', () => {
    const chartSlide = deck.slides.find((s) => kindOf(s).includes('chart')) as Element;
    const svg = chartSlide.querySelector('svg.briefing-chart');
    expect(svg).not.toBeNull();
    expect(svg?.getAttribute('role')).toBe('img');
    // Two bars a series: internet users and share of the population.
    expect(svg?.querySelectorAll('rect')).toHaveLength(4);
    const text = foldSpace(chartSlide.textContent ?? '');
    for (const part of ['China', 'India', 'about 1 billion', 'over 600 million', 'about 70%', 'about 50%']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('as reported by Talktails in February 2024');
    expect(text).toContain('Source: Talktails');
    expect(svg?.querySelector('title')?.textContent).toMatch(/^Bar chart, Internet users in China and India\./);
  });

  it('gives every slide speaker notes that add to what is on screen', () => {
    deck.notes.forEach((notes, i) => {
      expect(notes.length, `slide ${i + 1}`).toBeGreaterThan(0);
      // What the audience sees: the slide's text without the chart's accessible name.
      const slide = deck.slides[i] as Element;
      const hidden = [...slide.querySelectorAll('svg title')].map((t) => foldSpace(t.textContent ?? ''));
      const visible = hidden.reduce((text, h) => text.replace(h, ''), deck.texts[i] ?? '');
      const added = notes.filter((note) => !visible.includes(note));
      expect(added.length, `slide ${i + 1}: ${notes.join(' | ')}`).toBeGreaterThan(0);
    });
    const plan = planDeck(report);
    const title = deck.notes[0]?.join(' ') ?? '';
    expect(title).toContain(`A talk of about ${plan.talk.minutes} minutes`);
  });

  it('shows the key takeaways in full and ends with the sources, with links', () => {
    const takeaways = deck.texts.filter((_, i) => kindOf(deck.slides[i] as Element).includes('takeaways')).join(' ');
    for (const t of report.takeaways) expect(takeaways).toContain(plainText(t));
    const sources = deck.slides.filter((s) => kindOf(s).includes('sources'));
    expect(sources.length).toBeGreaterThan(0);
    const links = sources.flatMap((s) => [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    for (const source of report.sources) if (source.url) expect(links).toContain(source.url);
  });

  it('shows every list item at once (no fragmented lists for the presenter to click through)', () => {
    expect(deck.doc.querySelectorAll('[data-marpit-fragment]')).toHaveLength(0);
  });

  it('numbers the slides and puts the short title in the footer', () => {
    const numbered = deck.slides.filter((s) => s.hasAttribute('data-marpit-pagination'));
    expect(numbered.length).toBe(deck.slides.length - 1);
    expect(deck.slides[1]?.querySelector('footer')?.textContent).toBe(report.meta.shortTitle);
  });

  it('carries every paragraph of every section in full, on screen or in the notes, and the section notes', () => {
    const notes = deck.notes.flat();
    const screen = deck.texts.join('\n');
    for (const section of report.sections) {
      for (const block of section.blocks) {
        if (block.type === 'paragraph' || block.type === 'callout') {
          const text = plainText(block.text);
          expect(notes.join('\n').includes(text) || screen.includes(text), text).toBe(true);
        }
        if (block.type === 'chart') expect(notes).toContain(blockTexts(block, report.meta.lang)[0]);
      }
      for (const note of section.notes ?? []) expect(notes).toContain(note);
    }
  });
});

describe('literal text', () => {
  let nasty: Deck;
  let plain: Deck;
  beforeAll(async () => {
    [nasty, plain] = await Promise.all([
      renderDeckHtml(nastyReport()).then(readDeck),
      renderDeckHtml(nastyReport(true)).then(readDeck),
    ]);
  }, 60_000);

  it('keeps the slide count when text is full of Markdown, HTML and Marp syntax', () => {
    expect(nasty.slides.length).toBe(plain.slides.length);
    expect(nasty.slides.length).toBe(planDeck(nastyReport()).slides.length);
  });

  it('shows every string exactly as written', () => {
    const all = nasty.texts.join('\n');
    for (const s of NASTY) expect(all).toContain(foldSpace(s));
    expect(nasty.texts[0]).toContain(`Title ${NASTY[1]}`);
    expect(nasty.slides[1]?.querySelector('footer')?.textContent).toBe(`Short ${NASTY[4]}`);
  });

  it('renders no element, link, image or class from author text', () => {
    const { doc } = nasty;
    for (const script of doc.querySelectorAll('script')) expect(script.textContent).not.toContain('alert(1)');
    expect(doc.querySelectorAll('section img, section b, section style, section table, section h1 ~ h1')).toHaveLength(
      0,
    );
    for (const el of doc.querySelectorAll('[href], [src]')) {
      expect(el.getAttribute('href') ?? el.getAttribute('src')).not.toMatch(/^\s*javascript:/i);
    }
    expect(nasty.slides.filter((s) => /\b(x|lead)\b/.test(kindOf(s)))).toHaveLength(0);
    expect(nasty.slides.every((s, i) => i === 0 || s.hasAttribute('data-marpit-pagination'))).toBe(true);
    expect(doc.querySelectorAll('section .katex, section mjx-container, section img.emoji')).toHaveLength(0);
  });

  it('keeps notes whole, including "-->" and directive-like lines', () => {
    const notes = nasty.notes.flat();
    for (const s of NASTY) expect(notes).toContain(foldSpace(s));
    expect(notes).toContain(`Note with --> inside ${NASTY[10]}`);
  });
});

describe('renderDeck', () => {
  it('keeps neighbouring lists apart, ordered ones with their own numbering', () => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections = [
      {
        id: 'lists',
        title: 'Lists',
        blocks: [
          { type: 'list', ordered: true, items: [{ text: 'One.' }, { text: 'Two.' }] },
          { type: 'list', ordered: true, items: [{ text: 'Again one.' }] },
          { type: 'list', items: [{ text: 'Bullet.' }] },
          { type: 'list', items: [{ text: 'Another bullet.' }] },
        ],
      },
    ];
    const { html } = new BriefingMarp({ script: false }).render(renderDeck(assertReport(input)));
    const { document } = parseHTML(`<div>${html}</div>`);
    const content = [...document.querySelectorAll('section')].find(
      (s) => s.querySelector('h2')?.textContent?.replace(/\u00a0/gu, ' ') === '1. Lists',
    );
    const lists = [...(content?.querySelectorAll('ol, ul') ?? [])].map((l) => `${l.tagName}:${l.children.length}`);
    expect(lists).toEqual(['OL:2', 'OL:1', 'UL:1', 'UL:1']);
    expect(content?.querySelectorAll('ol')[1]?.getAttribute('start')).toBeNull();
    expect(document.querySelectorAll('[data-marpit-fragment]')).toHaveLength(0);
  });

  it('returns Marp Markdown with the theme, language, pagination and footer', () => {
    const md = renderDeck(report);
    expect(md).toMatch(/^---\nmarp: true\ntheme: briefing\n/);
    expect(md).toContain('\nlang: en-GB\n');
    expect(md).toContain('\npaginate: true\n');
    expect(md).toContain(`\nfooter: '${report.meta.shortTitle}'\n`);
  });

  it('is deterministic', () => {
    expect(renderDeck(report)).toBe(renderDeck(structuredClone(report)));
  });

  it('takes a report only through the boundary, which rejects an invalid one with ReportValidationError', () => {
    const broken = { ...structuredClone(report), sections: [{ id: 'Bad Id', title: '', blocks: [] }] };
    expect(() => renderDeck(assertReport(broken))).toThrow(ReportValidationError);
    // @ts-expect-error renderDeck takes a typed Report, not whatever JSON came in
    const unchecked: Parameters<typeof renderDeck>[0] = null;
    expect(() => assertReport(unchecked)).toThrow(ReportValidationError);
  });
});

describe('theme colours', () => {
  const { color } = tokens;
  it.each([
    ['body text on the slide', color.ink, color.paper],
    ['footer, captions and intros', color.muted, color.paper],
    ['links', color.link, color.paper],
    ['headings', color.accent, color.paper],
    ['callout text on its panel', color.ink, color.panel],
    ['divider title on the accent', color.paper, color.accent],
    ['divider lede and footer on the accent', color.panel, color.accent],
  ])('%s meet WCAG AA (4.5:1)', (_, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the deck engine', () => {
  it('reads the briefing theme once a process, and every engine styles its slides with it alike', () => {
    // Reading the theme's CSS (about 500 kB, the faces embedded) was half of each render.
    const [one, two] = [new BriefingMarp(), new BriefingMarp({ script: false })];
    const theme = one.themeSet.get('briefing');
    expect(theme).toBeDefined();
    expect(two.themeSet.get('briefing')).toBe(theme);
    expect(two.themeSet.default).toBe(theme);
    const markdown = renderDeck(report);
    expect(two.render(markdown).css).toBe(one.render(markdown).css);
    expect(one.render(markdown).css).toContain('@font-face');
  });
});
