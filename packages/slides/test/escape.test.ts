import { foldSpace, Href, plainText } from '@briefing/content';
import { seeded } from '@briefing/testkit';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BriefingMarp } from '../src/markdown/engine.js';
import {
  escapeMarkdown,
  escapeUrl,
  inlineMarkdown,
  noteComment,
  stripJoiners,
  yamlString,
} from '../src/markdown/escape.js';

/**
 * The deck's engine without its style sheet: these tests read only the HTML and the notes, which
 * Marpit renders before (and independently of) the theme's CSS, and packing that CSS was almost
 * all of a render's time (15 ms of 15.5), paid hundreds of times by the properties below.
 */
class HtmlOnly extends BriefingMarp {
  protected override renderStyle(): string {
    return '';
  }
}
const engine = new HtmlOnly({ script: false });

/** Render Markdown with the deck's engine; the text of its slides and its notes. */
function render(markdown: string): { slides: string[]; notes: string[][]; html: string } {
  const { html, comments } = engine.render(markdown);
  const { document } = parseHTML(`<div>${html}</div>`);
  const slides = [...document.querySelectorAll('section')].map((s) => foldSpace(s.textContent ?? ''));
  return { slides, notes: comments, html };
}

// Printable text, including every ASCII punctuation character and some non-ASCII.
const text = fc
  .string({
    unit: fc.constantFrom(...' \t\n!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~abcXYZ019éß–“”😀'.split(/(?:)/u)),
    maxLength: 60,
  })
  .filter((s) => s.trim().length > 0);

describe('escapeMarkdown', () => {
  it('escapes every ASCII punctuation character', () => {
    expect(escapeMarkdown('a#b*c')).toBe('a\\#b\\*c');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
  });

  it('renders any text literally, on one slide, as a paragraph, a list item, a heading or a quote', () => {
    fc.assert(
      fc.property(text, (s) => {
        const expected = foldSpace(s);
        for (const md of [
          escapeMarkdown(s),
          `- ${escapeMarkdown(s)}`,
          `## ${escapeMarkdown(s)}`,
          `> ${escapeMarkdown(s)}`,
        ]) {
          const { slides, html } = render(md);
          expect(slides).toEqual([expected]);
          expect(html).not.toMatch(/<(img|script|style|b|table|h1|hr|code|pre)\b/);
        }
      }),
      seeded(150),
    );
  });

  it('turns lone surrogates (valid JSON, invalid text) into U+FFFD instead of crashing the engine', () => {
    expect(render(`## ${escapeMarkdown('a\ud83d b')}`).slides).toEqual(['a\ufffd b']);
  });
});

describe('inlineMarkdown', () => {
  it('keeps emphasis and links, and the text literal', () => {
    const md = inlineMarkdown([
      { type: 'text', text: 'See ' },
      { type: 'text', text: '*not emphasis*', emphasis: 'strong' },
      { type: 'text', text: ' and ' },
      { type: 'link', text: '[a](b)', href: 'https://example.org/x_(y)' },
      { type: 'text', text: '.' },
    ]);
    const { html, slides } = render(md);
    expect(slides).toEqual(['See *not emphasis* and [a](b).']);
    expect(html).toContain('<strong>*not emphasis*</strong>');
    expect(html).toContain('href="https://example.org/x_(y)"');
  });

  it('renders any mix of plain, emphasised and linked runs with exactly the text of the runs', () => {
    const run = fc.oneof(
      fc.record({ type: fc.constant('text' as const), text }),
      fc.record({
        type: fc.constant('text' as const),
        text,
        emphasis: fc.constantFrom('em' as const, 'strong' as const),
      }),
      fc.record({ type: fc.constant('link' as const), text, href: fc.constant('https://example.org/a_(b)') }),
    );
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 5 }), (runs) => {
        const { slides } = render(`- ${inlineMarkdown(runs)}`);
        expect(slides).toEqual([plainText(runs)]);
      }),
      seeded(200),
    );
  });

  it('writes a valid href so that the deck links to that very href (&amp;, parentheses, IDN, %-escapes, property)', () => {
    const hrefOf = (href: string) => {
      const { document } = parseHTML(`<div>${render(`[x](${escapeUrl(href)})`).html}</div>`);
      return document.querySelector('a')?.getAttribute('href');
    };
    const nasty = [
      'https://e.org/?a=1&amp;b=2&lt;',
      'https://e.org/a_(b)/c)d(e',
      'https://xn--bcher-kva.example/stra%C3%9Fe?q=%c3%bc#%C3%A4',
      'mailto:Jos%C3%A9@example.org?subject=Hello%20there&body=a%26b',
      "https://e.org:8443/it's*ok!$,;=+@:~#frag",
    ];
    for (const href of nasty) expect(hrefOf(Href.parse(href)), href).toBe(Href.parse(href));
    const tail = fc.string({
      unit: fc.constantFrom(...'aZ9-._~!$&\'()*+,;=:@/?#|^{}[]"<>`é', '%20', '&amp;', '&#41;'),
    });
    fc.assert(
      fc.property(tail, (rest) => {
        const href = Href.safeParse(`https://e.org/${rest}`);
        if (href.success) expect(hrefOf(href.data)).toBe(href.data);
      }),
      seeded(40),
    );
  });

  it('percent-encodes white space, angle brackets and backticks, which no valid href holds', () => {
    expect(escapeUrl('https://e.org/a b<c>`d')).toBe('https://e.org/a%20b%3Cc%3E%60d');
  });
});

describe('noteComment', () => {
  it('keeps any text whole as one speaker note, never as a directive or slide content', () => {
    fc.assert(
      fc.property(text, (s) => {
        const { slides, notes } = render(`# Slide\n\n${noteComment(s)}`);
        expect(slides).toEqual(['Slide']);
        expect(notes[0]?.map(stripJoiners)).toEqual([foldSpace(s)]);
      }),
      seeded(150),
    );
  });

  it('defuses "-->" and directive-looking notes', () => {
    for (const s of ['a --> b', '_class: lead', 'paginate: false', '-->', '<!-- x -->']) {
      const { notes, html } = render(`# Slide\n\n${noteComment(s)}`);
      expect(notes[0]?.map(stripJoiners)).toEqual([s]);
      expect(html).not.toContain('class="lead"');
    }
  });
});

describe('yamlString', () => {
  it('quotes a front-matter value so it is read back unchanged', () => {
    const { html } = render(`---\nfooter: ${yamlString(escapeMarkdown("It's #1: \\ <b>x</b>"))}\n---\n\n# x`);
    expect(parseHTML(`<div>${html}</div>`).document.querySelector('footer')?.textContent).toBe("It's #1: \\ <b>x</b>");
  });
});
