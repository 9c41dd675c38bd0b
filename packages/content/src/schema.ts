import { z } from 'zod';
import { Block, OnScreen, RichText } from './block-schema.js';
import { EMPTY, Href, Id, IsoDate, Lang, LIMITS, line, prose, text } from './primitives.js';

export * from './block-schema.js';
export { CHART_VALUE_DIGITS, CHART_VALUE_LIMIT, labelDigits } from './figures.js';
export {
  Href,
  Id,
  IsoDate,
  KEBAB,
  Lang,
  LIMITS,
} from './primitives.js';

/**
 * The one schema every briefing is written against. Renderers only ever see a value
 * that passed it, so they never parse an author's markup or guess at missing fields. Its
 * inline text and blocks are in block-schema.ts.
 */

// ---------------------------------------------------------------------------------------
// Sections and the report

export const Section = z.strictObject({
  id: Id,
  title: line(LIMITS.heading),
  /**
   * The section's point as a short assertion: the heading of its slides, with the title as a
   * small kicker above it (slides only; default: the title).
   */
  point: line(LIMITS.heading).optional(),
  lede: RichText.optional(),
  blocks: z
    .array(Block)
    .min(1, 'must have at least one block')
    .max(LIMITS.blocks, `must have at most ${LIMITS.blocks} blocks`),
  /** Extra cues for the presenter; the section's paragraphs are added to the notes anyway. */
  notes: z.array(prose(LIMITS.run)).max(LIMITS.notes).optional(),
});

/**
 * The bottom line and what should be done: the PDF's closing paragraph after the last
 * section, and the deck's closing slide before the sources.
 */
export const Conclusion = z.strictObject({
  /** The bottom line as a short assertion: the closing slide's heading (slides only; default: "Conclusion"). */
  point: line(LIMITS.heading).optional(),
  /** The closing paragraph, in full (the PDF sets it; the deck's notes read it). */
  text: RichText,
  /**
   * The closing slide's lines, a bold term and a phrase each: what should be done (slides
   * only; default: the text's first sentence).
   */
  onScreen: z.array(OnScreen).min(1, EMPTY).max(4, 'must have at most 4 lines').optional(),
});

export const Person = z.strictObject({
  name: line(LIMITS.title),
  role: line(LIMITS.title).optional(),
});

export const Source = z.strictObject({
  id: Id,
  publisher: line(LIMITS.title),
  title: line(LIMITS.title),
  date: IsoDate.optional(),
  url: Href.optional(),
  note: prose(1000).optional(),
});

/**
 * One keyword, as every output writes it: with no comma or semicolon (see Meta's keywords),
 * and its white space folded to single spaces, as the deck's front matter folds it.
 */
export const Keyword = line(60)
  .refine(
    (k) => !/[,;]/u.test(k),
    'must not contain a comma or semicolon (they separate keywords in every output): make it two keywords',
  )
  .overwrite((k) => k.replace(/\s+/gu, ' '));

export const Meta = z.strictObject({
  title: line(LIMITS.title),
  subtitle: line(LIMITS.title).optional(),
  /** Used for running heads and slide footers. */
  shortTitle: line(LIMITS.shortTitle),
  /** Publication date of the briefing; also the fixed date stamped into outputs. */
  date: IsoDate,
  lang: Lang,
  /** Who publishes the briefing, if an organisation does; leave it out rather than invent one. */
  organisation: z.strictObject({ name: line(LIMITS.title), url: Href.optional() }).optional(),
  /** Who wrote or adapted it, if they are named; none by default. */
  authors: z.array(Person).max(20).default([]),
  summary: prose(2000).optional(),
  /**
   * The "About this briefing" note, one rich-text paragraph each: what the briefing is, its
   * source, how it was prepared, the licence of its text. The PDF sets it after the contents.
   */
  about: z.array(RichText).min(1, EMPTY).max(LIMITS.notes, `must have at most ${LIMITS.notes} paragraphs`).optional(),
  /**
   * Each output lists keywords in one string, separated by commas (the PDF's and the PPTX's
   * properties, the deck's meta tag) or semicolons (Office shows them so): a keyword holds neither.
   */
  keywords: z.array(Keyword).max(LIMITS.keywords).default([]),
  /** The work this briefing is adapted from. */
  basedOn: z.strictObject({
    publisher: line(LIMITS.title),
    title: line(LIMITS.title),
    /** The work's author, when it names one (the cover says when it does not). */
    author: line(LIMITS.title).optional(),
    published: IsoDate,
    url: Href.optional(),
  }),
});

export const ReportSchema = z
  .strictObject({
    /** Lets editors find the JSON Schema; ignored by renderers. */
    $schema: text().optional(),
    meta: Meta,
    takeaways: z
      .array(RichText)
      .min(1, 'must have at least one takeaway')
      .max(LIMITS.takeaways, `must have at most ${LIMITS.takeaways} takeaways`),
    sections: z.array(Section).max(LIMITS.sections, `must have at most ${LIMITS.sections} sections`),
    conclusion: Conclusion.optional(),
    sources: z
      .array(Source)
      .min(1, 'must have at least one source')
      .max(LIMITS.sources, `must have at most ${LIMITS.sources} sources`),
  })
  .superRefine((report, ctx) => {
    // Ids are anchors in the PDF (`briefing.pdf#<id>`) and slide links: they must be unique
    // across sections, charts and sources alike.
    const seen = new Map<string, string>();
    const claim = (id: string, where: string, path: (string | number)[]) => {
      const first = seen.get(id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `duplicate id "${id}" (already used by ${first})` });
      } else {
        seen.set(id, where);
      }
    };
    report.sections.forEach((section, s) => {
      claim(section.id, `sections[${s}]`, ['sections', s, 'id']);
      section.blocks.forEach((block, b) => {
        if (block.type === 'chart') claim(block.id, `sections[${s}].blocks[${b}]`, ['sections', s, 'blocks', b, 'id']);
      });
    });
    report.sources.forEach((source, i) => {
      claim(source.id, `sources[${i}]`, ['sources', i, 'id']);
    });
  });

export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
export type ReportMeta = Report['meta'];
export type Section = z.output<typeof Section>;
export type Source = z.output<typeof Source>;
export type Conclusion = z.output<typeof Conclusion>;
