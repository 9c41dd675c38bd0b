import type { Report, Section } from './schema.js';

export interface OutlineEntry {
  /** The section's stable id: PDF named destination, slide anchor. */
  id: string;
  /** 1-based position in the report. */
  number: number;
  /** "1", "2", ...: the label both renderers print before the title. */
  label: string;
  title: string;
  section: Section;
}

/** The section outline, in report order. Both renderers number and list sections from this. */
export function outline(report: Report): OutlineEntry[] {
  return report.sections.map((section, index) => ({
    id: section.id,
    number: index + 1,
    label: String(index + 1),
    title: section.title,
    section,
  }));
}

/** "2. China and India come online", as headings, tables of contents and agendas print it. */
export function numberedTitle(entry: Pick<OutlineEntry, 'label' | 'title'>): string {
  return `${entry.label}. ${entry.title}`;
}
