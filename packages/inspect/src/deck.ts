import { normalizeForMatch } from '@briefing/content';
import { parseHTML } from 'linkedom';

/** One slide of the HTML deck as the audience (and the presenter) gets it. */
export interface SlideFacts {
  /** 1-based slide number. */
  number: number;
  /** Marp classes of the slide (title, agenda, divider, ...). */
  classes: string[];
  text: string;
  normalized: string;
  /** The text of the slide's first heading (h1 or h2), white space folded; '' if none. */
  heading: string;
  /** The small line above the heading naming the slide's section (its number and title); '' if none. */
  kicker: string;
  notes: string;
  /** The slide's links: each one's text, white space folded, and its href attribute as written. */
  links: { text: string; href: string }[];
}

export interface DeckFacts {
  lang: string | null;
  slides: SlideFacts[];
  scripts: number;
}

/** Read the slides and speaker notes of a Marp HTML deck (bespoke or bare template). */
export function readDeckHtml(html: string): DeckFacts {
  const { document } = parseHTML(html);
  const sections = Array.from(document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section'));
  const notes = new Map<number, string>();
  for (const note of Array.from(document.querySelectorAll('.bespoke-marp-note'))) {
    const index = Number(note.getAttribute('data-index'));
    notes.set(index, (note.textContent ?? '').replace(/\s+/gu, ' ').trim());
  }
  const slides = sections.map((section, i) => {
    // The visible text only: paginate counters and footers are drawn by CSS, not text.
    const text = (section.textContent ?? '').replace(/\s+/gu, ' ').trim();
    const fold = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();
    const heading = fold(section.querySelector('h1, h2')?.textContent);
    const h2 = Array.from(section.children).find((child) => child.tagName === 'H2');
    const before = h2?.previousElementSibling;
    const kicker = section.classList.contains('kicked') && before?.tagName === 'P' ? fold(before.textContent) : '';
    return {
      number: i + 1,
      classes: (section.getAttribute('class') ?? '').split(/\s+/).filter(Boolean),
      text,
      normalized: normalizeForMatch(text),
      heading,
      kicker,
      notes: notes.get(i) ?? '',
      links: Array.from(section.querySelectorAll('a[href]')).map((a) => ({
        text: fold(a.textContent),
        href: a.getAttribute('href') ?? '',
      })),
    };
  });
  return {
    lang: document.documentElement?.getAttribute('lang') ?? null,
    slides,
    scripts: document.querySelectorAll('script:not([src])').length,
  };
}
