// What a report promises: every section, and what each block type says must be found
// (blockFields: list items, chart figures, table cells), in report order.
import {
  type Block,
  blockFields,
  chartAltText,
  type Field,
  type Finding,
  foldSpace,
  formatDatumFigure,
  formatDatumValue,
  normalizeForMatch,
  numberedTitle,
  outline,
  plainText,
  type Report,
} from '@briefing/content';

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
  /**
   * A figure's chart, by its normalised title: the figure is looked for from the title to the
   * end of that page or slide (the chart), not in the prose around it.
   */
  chart?: string;
  /** The chart's alt text, normalised: where a deck draws no title over the chart, its accessible name. */
  chartAlt?: string;
  /** Normalised texts the chart must show along with the needle: a figure's bar label and unit. */
  with?: string[];
  /** For sections: the numbered title ("2. Title") as headings and contents print it. */
  numbered?: string;
  /**
   * For table cells: the table's header row, normalised, which a page repeats above a row
   * continued from the page before (a split cell's text goes on right after it).
   */
  header?: string;
}

export interface Found {
  found: boolean;
  /** PDF page or slide number (1-based) where it was found. */
  at?: number;
}

export interface Row extends Expectation {
  pdf: Found;
  slides: Found;
  /** Where slides.pptx shows it, when the check was given the PPTX. */
  pptx?: Found;
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
        if (field.find) out.push({ ...base, ...promised(block, field, field.find, report.meta.lang) });
      }
    });
  }
  return out;
}

/**
 * What one found field promises, as the matrix prints it and the locator searches for it:
 * - an item by its lead, the label ending in "…" when the lead is a cut of the item's text;
 * - a figure as the chart writes it ("over 600 million") in the chart itself (from its title
 *   to the end of its page or slide), along with its bar's label ("India") and the chart's
 *   unit ("internet users"): never by a bare number, which the prose around it may hold;
 * - anything else as blockFields says.
 */
function promised(
  block: Block,
  field: Field,
  find: Finding,
  lang: string,
): Pick<Expectation, 'kind' | 'label' | 'needle' | 'screen' | 'chart' | 'chartAlt' | 'with' | 'header'> {
  const screen = find.screen !== undefined ? { screen: compact(find.screen) } : {};
  if (find.kind === 'figure' && block.type === 'chart') {
    const index = Number(/\.data\[(\d+)\]\.label$/.exec(field.path)?.[1]);
    const datum = block.data[index];
    if (datum !== undefined)
      return {
        kind: 'figure',
        label: `${datum.label}: ${formatDatumValue(datum, block, lang)}`,
        needle: compact(formatDatumFigure(datum, lang)),
        chart: compact(block.title),
        chartAlt: compact(chartAltText(block, lang)),
        with: [compact(datum.label), compact(block.unit)],
      };
  }
  if (find.kind === 'item' && block.type === 'list') {
    const item = block.items[Number(/\.items\[(\d+)\]\.text/.exec(field.path)?.[1])];
    // An item without a term is named by its first words: say when there are more.
    if (item !== undefined && foldSpace(plainText(item.text)) !== find.label)
      return { kind: 'item', label: cutLabel(find.label), needle: compact(find.needle), ...screen };
  }
  const header =
    find.kind === 'cell' && block.type === 'table'
      ? { header: compact(block.columns.map((c) => c.header).join(' ')) }
      : {};
  return { kind: find.kind, label: find.label, needle: compact(find.needle), ...screen, ...header };
}

/** A label that is the start of a longer text, ended with an ellipsis. */
const cutLabel = (label: string) => (/[.!?:;]$/u.test(label) ? `${label} …` : `${label}…`);

/**
 * Text as the locator compares it: normalised, then without white space, so that a long
 * word broken across lines in the PDF, or a line break the deck adds, never hides it.
 */
export const compact = (text: string) => normalizeForMatch(text).replace(/\s+/gu, '');
