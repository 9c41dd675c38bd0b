/**
 * Invisible format characters that carry no glyph, removed from text before the checks compare
 * it. No report may hold them (the schema's character rule refuses them); extracted text may
 * (soft hyphens and word joiners a renderer adds):
 * - U+00AD soft hyphen, U+200B zero-width space,
 * - U+200C/U+200D zero-width (non-)joiner, U+2060 word joiner, U+FEFF byte-order mark,
 * - bidi controls U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069,
 * - variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF, as in emoji presentation sequences).
 * Use it with `replace`; it is global, so `test` would carry state between calls.
 */
export const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF\u061C\u202A-\u202E\u2066-\u2069]|\p{Variation_Selector}/gu;

/**
 * Text as the coverage checks compare it. Rendered outputs change text in harmless ways:
 * PDF fonts give ligatures (ﬁ), line breaks hyphenate or split words, typographers' quotes
 * and dashes replace plain ones (the fonts draw the modifier letters ʻ and ʼ with the quotes'
 * glyphs, so a PDF gives back a quote for them), and HTML keeps soft hyphens. One
 * normalisation, used on both the report's text and every extracted text, makes "the same
 * text" mean the same. Case is folded whole: a capitalised "ß" is "SS" (a chart's series title
 * capitalises its unit), whose lower case "ss" is not "ß" without the fold.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4\u02bb\u02bc`]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/gu, '"')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu, '-')
    .replace(/\u2026/gu, '...')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .replace(/ß/gu, 'ss');
}
