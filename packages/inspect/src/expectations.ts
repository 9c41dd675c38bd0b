// What a report promises: every section, and what each block type says must be found
// (blockFields: list items, chart figures, table cells), in report order.
import { blockFields, normalizeForMatch, numberedTitle, outline, type Report } from '@briefing/content';

/** One thing the report says that both outputs must show. */
export interface Expectation {
  kind: 'section' | 'item' | 'figure' | 'cell';
  /** Index into `outline(report)`. */
  section: number;
  sectionId: string;
  /** What the matrix prints. */
  label: string;
  /** Normalised text searched for. */
  needle: string;
  /** Normalised text searched for on the slides, when the deck shows something else (an on-screen line). */
  screen?: string;
  /** For sections: the numbered title ("2. Title") as headings and contents print it. */
  numbered?: string;
}

export interface Found {
  found: boolean;
  /** PDF page or slide number (1-based) where it was found. */
  at?: number;
}

export interface Row extends Expectation {
  pdf: Found;
  slides: Found;
}

export interface CoverageResult {
  rows: Row[];
  /** Navigation checks: the PDF outline, the PDF table of contents and the slide agenda list the sections. */
  navigation: { what: string; ok: boolean; detail: string }[];
  ok: boolean;
  missing: Row[];
}

/** Everything a report promises, in report order. */
export function expectations(report: Report): Expectation[] {
  const out: Expectation[] = [];
  for (const [index, entry] of outline(report).entries()) {
    const base = { section: index, sectionId: entry.id };
    out.push({
      ...base,
      kind: 'section',
      label: numberedTitle(entry),
      needle: compact(entry.title),
      numbered: compact(numberedTitle(entry)),
    });
    entry.section.blocks.forEach((block, b) => {
      // What each block type promises is its own business: blockFields says (items, figures, cells).
      for (const field of blockFields(block, `sections[${index}].blocks[${b}]`, report.meta.lang)) {
        if (field.find)
          out.push({
            ...base,
            kind: field.find.kind,
            label: field.find.label,
            needle: compact(field.find.needle),
            ...(field.find.screen !== undefined ? { screen: compact(field.find.screen) } : {}),
          });
      }
    });
  }
  return out;
}

/**
 * Text as the locator compares it: normalised, then without white space, so that a long
 * word broken across lines in the PDF, or a line break the deck adds, never hides it.
 */
export const compact = (text: string) => normalizeForMatch(text).replace(/\s+/gu, '');
