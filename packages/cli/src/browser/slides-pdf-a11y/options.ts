// What the accessibility pass is told about the deck: the document's metadata and the page's
// links, chart descriptions and headings, read off the page Chromium printed.

export interface SlidesPdfLink {
  /** The link's address as the page has it (absolute). */
  href: string;
  /** Its text (or accessible name). */
  text: string;
}

export interface SlidesPdfAccessibility {
  /** Document title (dc:title, Info Title), shown in the viewer's title bar. */
  title: string;
  /** BCP 47 language of the document (dc:language, the catalog's /Lang). */
  lang: string;
  /** The fixed date (fixedDate's instant): Info CreationDate/ModDate and the XMP dates. */
  date?: Date | undefined;
  /** dc:creator, Info Author (joined with commas). */
  authors?: readonly string[] | undefined;
  /** dc:description, Info Subject. */
  subject?: string | undefined;
  /** dc:subject, pdf:Keywords, Info Keywords. */
  keywords?: readonly string[] | undefined;
  /** Every link of the printed page, in document order: their texts become the annotations' /Contents. */
  links?: readonly SlidesPdfLink[] | undefined;
  /** The description of each chart, in document order: /Alt for a chart Figure Chromium left without one. */
  chartAlt?: readonly string[] | undefined;
  /** The text of every heading (h1-h6), in document order: to repair bookmark titles. */
  headings?: readonly string[] | undefined;
}
