// A report's text reads back from the PDF as the characters written, where the fonts draw
// some of them with one glyph: Greek (Inter's ι is its ɩ, Source Serif's μ its µ) and every
// other character that shares a glyph in the faces the PDF embeds.
import { assertReport, isAdmitted, type ReportInput, reportInput } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import type { FaceName } from '../src/fonts.js';
import { renderPdf } from '../src/index.js';
import { isSpace, pdfjsText, popplerText, qpdfCheck, sharedGlyphs } from './shared-glyphs.js';

/** Each group of characters one glyph of `face` draws, as a word: in its order, then reversed. */
const words = (face: FaceName) =>
  sharedGlyphs(face)
    .filter((group) => !group.some(isSpace))
    .map((group) => {
      const chars = group.map((cp) => String.fromCodePoint(cp));
      return chars.join('') + chars.reverse().join('');
    });

const GREEK_TITLE = 'Ελληνικά και διεθνής απάτη';
const GREEK_BODY = 'Ένα δισεκατομμύριο χρήστες, και 5 µm (μικρόμετρα).';

/**
 * The packaged report in Greek, with every shared-glyph word that its field's faces draw.
 * `drop(path, word)` leaves out a word from the field at `path`.
 */
function greekReport(drop: (path: string, word: string) => boolean = () => false): ReportInput {
  const r = structuredClone(reportInput) as ReportInput;
  const keep = (path: string, list: string[]) => list.filter((w) => !drop(path, w)).join(' ');
  r.meta.lang = 'el';
  const section = r.sections[0]!;
  // A section title is set in the sans (heading, contents) and the serif (cover, lead-ins).
  section.title = `${GREEK_TITLE} ${keep('sections[0].title', [...words('sansBold'), ...words('serif')])}`.trim();
  const body = `sections[0].blocks[${section.blocks.length}]`;
  section.blocks.push({
    type: 'paragraph',
    text: [
      { type: 'text', text: `${GREEK_BODY} ${keep(body, words('serif'))}` },
      { type: 'text', text: ` ${keep(body, words('serifItalic'))}`, emphasis: 'em' },
      { type: 'text', text: ` ${keep(body, words('serifBold'))}`, emphasis: 'strong' },
    ],
  });
  // Chart labels are set in the sans alone.
  const s = r.sections.findIndex((x) => x.blocks.some((b) => b.type === 'chart'));
  const b = r.sections[s]!.blocks.findIndex((x) => x.type === 'chart');
  const chart = r.sections[s]!.blocks[b]!;
  if (chart.type !== 'chart') throw new Error('fixture moved');
  chart.data[0]!.label = `Κίνα ${keep(`sections[${s}].blocks[${b}].data[0]`, words('sans'))}`;
  return r;
}

/**
 * The Greek report, without the words holding characters the schema refuses (its one
 * character rule: Inter's private-use characters, or the Latin iota ɩ, say; embed.test.ts
 * covers every shared glyph at the font level): this test is about how what is drawn reads back.
 */
function drawableGreekReport() {
  return greekReport((_path, word) => [...word].some((c) => !isAdmitted(c.codePointAt(0)!)));
}

describe('text extraction', () => {
  it('reads back Greek and every character that shares a glyph, as written, with pdf.js and pdftotext', async () => {
    const input = drawableGreekReport();
    const bytes = await renderPdf(assertReport(input));
    qpdfCheck(bytes);
    const section = input.sections[0]!;
    const runs = (section.blocks.at(-1) as { text: { text: string }[] }).text.map((run) => run.text);
    const chart = input.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
    const label = chart?.type === 'chart' ? chart.data[0]!.label : '';
    const expected = [...section.title.split(' '), ...runs.flatMap((t) => t.trim().split(' ')), ...label.split(' ')];
    // Greek in the title and the body, and the shared glyphs in all faces, survive the filter.
    expect(expected).toEqual(expect.arrayContaining(['Ελληνικά', 'δισεκατομμύριο', 'µm', '(μικρόμετρα).', 'µμμµ']));
    // About 26 words once the schema's rule has kept what every output draws.
    expect(expected.length).toBeGreaterThan(20);
    const pdfjs = await pdfjsText(bytes);
    const poppler = popplerText(bytes);
    expect(expected.filter((word) => !pdfjs.includes(word))).toEqual([]);
    expect(expected.filter((word) => !poppler.includes(word))).toEqual([]);
  });
});
