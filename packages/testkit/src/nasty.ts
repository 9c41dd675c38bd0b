import { assertReport, type Report, type ReportInput, reportInput } from '@briefing/content';

/** Strings that Markdown, HTML or Marp would interpret if they were not escaped. */
export const NASTY = [
  '---',
  '<script>alert(1)</script>',
  '# heading',
  '<!-- _class: x -->',
  '<!-- fit -->',
  '![x](javascript:alert(1))',
  '*em* **strong** _under_ ~~strike~~',
  '| a | b |',
  '$x^2$ and $$y$$',
  ':smile: :+1:',
  '1. one',
  '> quote',
  '+ plus',
  '- minus',
  'back\\slash \\* \\',
  '`code` ```fence```',
  '[link](javascript:alert(1))',
  '<img src=x onerror=alert(1)>',
  '&amp; &lt; &#x41;',
  '~~~',
  '***',
  'paginate: false',
  '_class: lead',
  '<b>bold</b>',
  '{.class} ==mark== H~2~O ^sup^',
  'ends with -->',
  '--> starts a note',
  'a -- b --- c',
  '=====',
  '<style>section{display:none}</style>',
  '<!--',
] as const;

/**
 * The real report with nasty strings in every kind of place (titles, terms, items,
 * paragraphs, notes, takeaways, sources, the footer), or the same structure with plain text
 * in their place (`plain`), so the two decks must have the same number of slides.
 */
export function nastyReport(plain = false): Report {
  const input = structuredClone(reportInput) as ReportInput;
  const s = (i: number) => (plain ? `Plain text number ${i}` : (NASTY[i % NASTY.length] as string));
  input.meta.title = `Title ${s(1)}`;
  input.meta.shortTitle = `Short ${s(4)}`;
  input.meta.subtitle = s(2);
  input.takeaways = [s(3), s(5), s(14)];
  input.sources = [{ id: 'nasty', publisher: s(6), title: s(7), url: 'https://example.org/a_(b)', note: s(8) }];
  input.sections = NASTY.map((_, i) => ({
    id: `nasty-${i}`,
    title: s(i),
    lede: s(i + 1),
    blocks: [
      { type: 'paragraph' as const, text: s(i + 2) },
      {
        type: 'list' as const,
        intro: s(i + 3),
        items: [
          { term: s(i + 4), text: s(i + 5) },
          { text: [{ type: 'text' as const, text: s(i + 6), emphasis: 'strong' as const }] },
        ],
      },
      { type: 'callout' as const, tone: 'warning' as const, title: s(i + 7), text: s(i + 8) },
    ],
    notes: [s(i + 9), `Note with --> inside ${s(i + 10)}`],
  }));
  return assertReport(input);
}
