/**
 * Text as the coverage checks compare it. Rendered outputs change text in harmless ways:
 * PDF fonts give ligatures (ﬁ), line breaks hyphenate or split words, typographers' quotes
 * and dashes replace plain ones, and HTML keeps soft hyphens. One normalisation, used on
 * both the report's text and every extracted text, makes "the same text" mean the same.
 */
export function normalizeForMatch(text: string): string {
  return (
    text
      .normalize('NFKC')
      // soft hyphen, zero-width space/joiners, word joiner, BOM, and bidi controls
      .replace(/[\u00ad\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]/gu, '')
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/gu, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/gu, '"')
      .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu, '-')
      .replace(/\u2026/gu, '...')
      .replace(/\s+/gu, ' ')
      .trim()
      .toLowerCase()
  );
}
