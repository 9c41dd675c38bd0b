import { blockFields, type Field, type Report, report, toRuns } from '@briefing/content';
import type { Segment } from '../src/layout/layout.js';
import { size, table } from '../src/layout/metrics.js';

/** A piece of slide text as the deck sets it: segments in faces, at a type size. */
export interface Sample {
  name: string;
  segments: Segment[];
  /** Set in the heading face (the serif bold) rather than the sans. */
  headingFont: boolean;
  fontSize: number;
}

const segment = (field: Field): Segment => ({
  text: field.text,
  bold: field.role === 'term' || field.emphasis === 'strong',
  italic: field.emphasis === 'em',
});

/**
 * Every string of a report's sections as the deck sets it, at the deck's sizes: titles and
 * captions in the heading face at the heading and divider sizes, prose (each text's runs
 * together, an item's lead term in bold before it) at the body and takeaway sizes, table
 * cells and headers at the table's largest size and a shrunk one, labels at the small size.
 */
export function reportSamples(r: Report = report): Sample[] {
  const out: Sample[] = [];
  const add = (name: string, segments: Segment[], headingFont: boolean, sizes: readonly number[]) => {
    for (const fontSize of sizes) out.push({ name: `${name} @${fontSize}px`, segments, headingFont, fontSize });
  };
  const headings = [size.heading, size.divider];
  const prose = [size.body, size.takeaway];
  r.sections.forEach((section, s) => {
    add(`sections[${s}].title`, [{ text: section.title }], true, headings);
    if (section.lede)
      add(
        `sections[${s}].lede`,
        toRuns(section.lede).map((run) => ({ text: run.text })),
        false,
        prose,
      );
    section.blocks.forEach((block, b) => {
      const at = `sections[${s}].blocks[${b}]`;
      // Fields of one text (its runs, or a term and the text after it) become one sample.
      let group: { path: string; role: Field['role']; segments: Segment[] } | undefined;
      const flush = () => {
        if (!group) return;
        const sizes =
          group.role === 'heading'
            ? headings
            : group.role === 'label'
              ? [size.small, table.size]
              : group.role === 'cell'
                ? [table.size, 12]
                : prose;
        add(group.path, group.segments, group.role === 'heading', sizes);
        group = undefined;
      };
      for (const field of blockFields(block, at, r.meta.lang)) {
        if (field.generated) continue;
        const path = field.of ?? field.path;
        if (group && group.role === 'term' && field.role === 'body') {
          group.segments.push({ text: ': ' }, segment(field));
          group.role = 'body';
          group.path = path;
          continue;
        }
        if (group && group.path === path) {
          group.segments.push(segment(field));
          continue;
        }
        flush();
        group = { path, role: field.role, segments: [segment(field)] };
      }
      flush();
    });
  });
  return out;
}

/** Text the embedded subsets draw in full: mixed faces, Latin Extended, Greek, Cyrillic, punctuation and figures. */
export const embeddedSamples: Sample[] = [
  {
    name: 'bold term, italic and plain runs',
    segments: [
      { text: 'Scam compounds', bold: true },
      { text: ': run by ' },
      { text: 'Chinese-led', italic: true },
      { text: ' groups in Myawaddy, Shwe Kokko and KK Park — “pig butchering” at scale (2023–24).' },
    ],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'Latin Extended in the upright faces',
    segments: [
      { text: 'Łódź, Kraków, Dvořák, Şanlıurfa, Ærøskøbing, Øresund, Tromsø, İzmir, ' },
      { text: 'Gdańsk, Brașov, Győr, Ŀlívia', bold: true },
    ],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'Latin Extended in the heading face',
    segments: [{ text: 'Ŵales, Łódź and Dvořák: ŞĞİ ĦŒ — “Ænima”' }],
    headingFont: true,
    fontSize: size.heading,
  },
  {
    name: 'kerning pairs and figures',
    segments: [{ text: 'AVAWAY To Ty Yo Wa LT PA F. “V” 1,234,567.89 ₹ 3.5 bn (US$ 12 bn) 100% 7/11 -> => (A)' }],
    headingFont: false,
    fontSize: size.takeaway,
  },
  {
    name: 'kerning pairs in bold and italic',
    segments: [
      { text: 'AVAWAY To Ty Yo Wa LT PA F. ', bold: true },
      { text: 'AVAWAY To Ty Yo Wa LT PA F.', italic: true },
    ],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'a heading with kerning',
    segments: [{ text: 'AVAWAY To Ty: “What India’s Myanmar policy gets wrong” (2024)' }],
    headingFont: true,
    fontSize: size.divider,
  },
  {
    name: 'Latin Extended in italic',
    segments: [{ text: 'Łódź, Dvořák, Şanlıurfa, Ŵales, Győr', italic: true }],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'Cyrillic in bold',
    segments: [{ text: 'Мошеннические центры в Мьянме привлекают тысячи людей обманом', bold: true }],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'Cyrillic and Greek in a heading',
    segments: [{ text: 'Мошеннические центры в Мьянме: κέντρα απάτης' }],
    headingFont: true,
    fontSize: size.heading,
  },
  {
    name: 'Vietnamese',
    segments: [{ text: 'Nguyễn Thị Minh Khai, Đà Nẵng, Hồ Chí Minh' }],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'Greek in every face',
    segments: [
      { text: 'Η απάτη στο διαδίκτυο, ' },
      { text: 'κέντρα απάτης', bold: true },
      { text: ' και ', italic: true },
      { text: '23 Φεβρουαρίου 2024' },
    ],
    headingFont: false,
    fontSize: size.body,
  },
];

/** Text that reaches the system fonts: other scripts, East Asian characters, emoji, Latin letters the serif lacks. */
export const fallbackSamples: Sample[] = [
  {
    name: 'Chinese among Latin',
    segments: [{ text: 'Scam centres in 妙瓦底 (Myawaddy) run 电信诈骗 from KK 园区 and 亚太城' }],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'Chinese in a heading',
    segments: [{ text: '缅甸电诈园区: 妙瓦底 and 果敢' }],
    headingFont: true,
    fontSize: size.heading,
  },
  {
    name: 'Cyrillic, Greek, Devanagari and Burmese',
    segments: [{ text: 'Мьянма и Китай, Ελλάδα, भारत और म्यांमार, မြန်မာ' }],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'emoji and symbols',
    segments: [{ text: 'Alerts 🚨📱💸 ✓ ★ → ⇒ ∑ ≈ ≠ ∞' }],
    headingFont: false,
    fontSize: size.body,
  },
  {
    name: 'Latin Extended the heading face lacks',
    segments: [{ text: 'Ƙungiyoyin ƴan damfara a Ɓirnin Kano da Ƙasar Nijar' }],
    headingFont: true,
    fontSize: size.heading,
  },
];

const escapeHtml = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function inline(segments: readonly Segment[]): string {
  return segments
    .map(({ text, bold, italic }) => {
      const html = escapeHtml(text);
      return bold ? `<strong>${html}</strong>` : italic ? `<em>${html}</em>` : html;
    })
    .join('');
}

/**
 * A page in the deck's theme (its CSS, fonts embedded) with one probe per sample: a heading
 * (`h2`) or a paragraph, at the sample's size, in a box `width` px wide (`nowrap`: one line,
 * as wide as the text). Probes are `.probe` elements in sample order.
 */
export function probePage(
  themeCss: string,
  samples: readonly Sample[],
  width: (sample: Sample) => number | 'nowrap',
): string {
  const probes = samples.map((sample) => {
    const w = width(sample);
    const tag = sample.headingFont ? 'h2' : 'p';
    const box = w === 'nowrap' ? 'white-space: nowrap; width: max-content;' : `width: ${w}px;`;
    return `<${tag} class="probe" style="font-size: ${sample.fontSize}px; ${box}">${inline(sample.segments)}</${tag}>`;
  });
  // One tall section: the theme's rules for slide text apply, the slide's size does not.
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { margin: 0; } ${themeCss}</style></head><body><section style="height: auto; overflow: visible; padding: 10px;">${probes.join('\n')}</section></body></html>`;
}
