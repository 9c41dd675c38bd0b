import {
  blockFields,
  type FieldRole,
  formatDate,
  formatNumber,
  INVISIBLE,
  type Problem,
  type Report,
  type RichText,
} from '@briefing/content';
import { type FaceName, faces } from './fonts.js';

/**
 * Invisible format characters (the content package's one list) are removed before layout and
 * never reach a font, so they are not "unsupported": the renderer does not hyphenate, so a
 * soft hyphen is dropped; a zero-width space stays as a line-break opportunity, drawn as
 * nothing. Any other character must have a glyph in every face that may draw its field.
 */
export const IGNORABLE = INVISIBLE;

/** White space the renderer folds to a plain space (everything but the no-break spaces it keeps). */
const FOLDED_SPACE = /[^\S\u00A0\u202F]/u;

/** Text as the renderer draws it: ignorable characters removed (a zero-width space becomes a break hint). */
export function normaliseText(text: string): string {
  return text.replace(IGNORABLE, (c) => (c === '\u200B' ? '\u200B' : ''));
}

const SERIF_RUN: Record<'plain' | 'em' | 'strong', FaceName[]> = {
  plain: ['serif'],
  em: ['serifItalic'],
  strong: ['serifBold'],
};
/** Titles, labels and terms are set in the sans (headings, chart, table of contents) and the serif (cover, lead-ins). */
const DISPLAY: FaceName[] = ['sans', 'sansSemibold', 'sansBold', 'serif', 'serifBold'];
const SANS: FaceName[] = ['sans', 'sansSemibold', 'sansBold'];

/** The faces each role of a block's field is set in (see blocks/ and styles.ts). */
const FACES: Record<FieldRole, Record<'plain' | 'em' | 'strong', FaceName[]>> = {
  heading: { plain: DISPLAY, em: DISPLAY, strong: DISPLAY },
  label: { plain: SANS, em: SANS, strong: SANS },
  term: { plain: ['serifBold'], em: ['serifBold'], strong: ['serifBold'] },
  body: SERIF_RUN,
  // Cells are serif in the PDF and Inter on the slides: both must draw them.
  cell: { plain: ['serif', 'sans'], em: ['serifItalic', 'sans'], strong: ['serifBold', 'sansSemibold'] },
};

const glyphCache = new Map<FaceName, Map<number, boolean>>();
function hasGlyph(face: FaceName, cp: number): boolean {
  let cache = glyphCache.get(face);
  if (!cache) {
    cache = new Map();
    glyphCache.set(face, cache);
  }
  const known = cache.get(cp);
  if (known !== undefined) return known;
  const has = faces()[face].hasGlyphForCodePoint(cp) === true;
  cache.set(cp, has);
  return has;
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
/** Whether a face shows all of printable ASCII: the fast path for most strings. */
function hasAscii(face: FaceName): boolean {
  for (let cp = 0x20; cp <= 0x7e; cp++) if (!hasGlyph(face, cp)) return false;
  return true;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Characters of a report that the embedded fonts cannot show, one problem per field, e.g.
 * `sections[1].blocks[0].items[2].text: characters the fonts cannot show: "😀" (U+1F600)`.
 * Strings that never reach a page (keywords, speaker notes, alt text) are not checked.
 * Strings the renderers make themselves are checked too, under the field they come from:
 * dates and figures written out in `meta.lang` (a Chinese date or Eastern Arabic digits need
 * glyphs the fonts may lack), and the digits and separators of any number in that language.
 * The slides use the same faces, so this one check holds for every output.
 */
export function unsupportedCharacters(report: Report): Problem[] {
  const problems: Problem[] = [];
  const lang = report.meta.lang;
  const check = (path: string, text: string, using: FaceName[], what = 'characters the fonts cannot show') => {
    if (PRINTABLE_ASCII.test(text) && using.every(hasAscii)) return;
    const bad: string[] = [];
    for (const char of normaliseText(text)) {
      if (char === '\u200B' || FOLDED_SPACE.test(char)) continue;
      const cp = char.codePointAt(0)!;
      if (!using.every((face) => hasGlyph(face, cp))) {
        const shown = `"${char}" (${hex(cp)})`;
        if (!bad.includes(shown)) bad.push(shown);
      }
    }
    if (bad.length > 0) problems.push({ path, message: `${what}: ${bad.join(', ')}` });
  };
  /** A date or figure the renderers write out in the report's language. */
  const generated = (path: string, text: string, using: FaceName[]) =>
    check(path, text, using, `written in "${lang}" as "${text}", with characters the fonts cannot show`);
  const rich = (path: string, text: RichText) => {
    if (typeof text === 'string') return check(path, text, SERIF_RUN.plain);
    text.forEach((run, i) => {
      check(`${path}[${i}].text`, run.text, SERIF_RUN[run.type === 'text' && run.emphasis ? run.emphasis : 'plain']);
    });
  };

  const { meta } = report;
  // Every digit and separator a number can take in this language (chart axes, values, shares).
  generated('meta.lang', `${formatNumber(1234567890, lang)} ${formatNumber(0.5, lang)}`, [...DISPLAY, 'serif']);
  generated('meta.date', formatDate(meta.date, lang), DISPLAY);
  generated('meta.basedOn.published', formatDate(meta.basedOn.published, lang), DISPLAY);
  check('meta.title', meta.title, DISPLAY);
  if (meta.subtitle) check('meta.subtitle', meta.subtitle, DISPLAY);
  check('meta.shortTitle', meta.shortTitle, SANS);
  if (meta.organisation) check('meta.organisation.name', meta.organisation.name, DISPLAY);
  meta.authors.forEach((a, i) => {
    check(`meta.authors[${i}].name`, a.name, DISPLAY);
    if (a.role) check(`meta.authors[${i}].role`, a.role, DISPLAY);
  });
  if (meta.summary) check('meta.summary', meta.summary, SERIF_RUN.plain);
  meta.about?.forEach((text, i) => {
    rich(`meta.about[${i}]`, text);
  });
  check('meta.basedOn.publisher', meta.basedOn.publisher, DISPLAY);
  check('meta.basedOn.title', meta.basedOn.title, DISPLAY);
  if (meta.basedOn.author) check('meta.basedOn.author', meta.basedOn.author, DISPLAY);
  if (meta.basedOn.url) check('meta.basedOn.url', meta.basedOn.url, DISPLAY);
  report.takeaways.forEach((t, i) => {
    rich(`takeaways[${i}]`, t);
  });
  report.sections.forEach((section, s) => {
    const at = `sections[${s}]`;
    check(`${at}.title`, section.title, DISPLAY);
    if (section.lede) rich(`${at}.lede`, section.lede);
    section.blocks.forEach((block, b) => {
      for (const field of blockFields(block, `${at}.blocks[${b}]`, lang)) {
        if (field.only === 'deck') continue; // the PDF never sets it
        const using = FACES[field.role][field.emphasis ?? 'plain'];
        if (field.generated) generated(field.path, field.text, using);
        else check(field.path, field.text, using);
      }
    });
  });
  report.sources.forEach((source, i) => {
    // The sources list: "Publisher. “Title.” Date. URL." and the note, in italics, below.
    check(`sources[${i}].publisher`, source.publisher, ['serif']);
    check(`sources[${i}].title`, source.title, ['serif']);
    if (source.url) check(`sources[${i}].url`, source.url, ['serif']);
    if (source.note) check(`sources[${i}].note`, source.note, ['serifItalic']);
    if (source.date) generated(`sources[${i}].date`, formatDate(source.date, lang), ['serif']);
  });
  return problems;
}
