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
import { BriefingMarp, planDeck, renderDeck, stripJoiners } from '../src/index.js';

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
    expect(deck.slides.length).toBe(planDeck(report).length);
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

  it('has a divider per section and shows every section title', () => {
    const dividers = deck.slides.filter((s) => kindOf(s).includes('divider'));
    expect(dividers).toHaveLength(report.sections.length);
    for (const entry of outline(report)) {
      expect(deck.texts.some((t) => t.includes(numberedTitle(entry)))).toBe(true);
    }
  });

  it('shows every list item’s lead text on some slide', () => {
    const all = deck.texts.join('\n');
    for (const section of report.sections)
      for (const block of section.blocks)
        if (block.type === 'list')
          for (const item of block.items) {
            const lead = item.term ?? plainText(item.text).split(/(?<=[.!?])\s/)[0];
            expect(all).toContain(lead);
          }
  });

  it('draws the internet-user figures as an inline SVG bar chart with values, units, date and source', () => {
    const chartSlide = deck.slides.find((s) => kindOf(s).includes('chart')) as Element;
    const svg = chartSlide.querySelector('svg.briefing-chart');
    expect(svg).not.toBeNull();
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.querySelectorAll('rect')).toHaveLength(2);
    const text = foldSpace(chartSlide.textContent ?? '');
    for (const part of ['China', 'India', 'about 1,000 million internet users', 'over 600 million internet users']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('as of 23 February 2024');
    expect(text).toContain('Source: Talktails');
    expect(svg?.querySelector('title')?.textContent).toMatch(/^Bar chart, Internet users in China and India\./);
  });

  it('ends with key takeaways and sources with links', () => {
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

  it('carries every paragraph of every section, and the section notes, in the speaker notes', () => {
    const notes = deck.notes.flat();
    for (const section of report.sections) {
      for (const block of section.blocks) {
        if (block.type === 'paragraph') expect(notes).toContain(plainText(block.text));
        if (block.type === 'callout') expect(notes.join('\n')).toContain(plainText(block.text));
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
    expect(nasty.slides.length).toBe(planDeck(nastyReport()).length);
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
      (s) => s.querySelector('h2')?.textContent === '1. Lists',
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

  it('rejects an invalid report with ReportValidationError', async () => {
    const broken = { ...structuredClone(report), sections: [{ id: 'Bad Id', title: '', blocks: [] }] };
    expect(() => renderDeck(broken)).toThrow(ReportValidationError);
    await expect(renderDeckHtml(broken)).rejects.toThrow(ReportValidationError);
    expect(() => renderDeck(null)).toThrow(ReportValidationError);
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
