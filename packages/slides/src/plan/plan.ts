import type { Callout, Chart, Run, Table } from '@briefing/content';
import type { Metrics } from '../layout/faces.js';

// The deck plan: every slide as typed elements with the layout decisions already taken
// (splits, type scale, table size and widths). `planDeck` makes it from a validated report;
// `renderDeck` serialises it to Marp Markdown and `renderPptx` to a PowerPoint file, so both
// show the same slides in the same order.

export type SlideKind =
  | 'title'
  | 'takeaways'
  | 'agenda'
  | 'divider'
  | 'content'
  | 'chart'
  | 'table'
  | 'closing'
  | 'sources';

/** Slides that structure the talk rather than carry its content. */
export const STRUCTURAL: ReadonlySet<SlideKind> = new Set(['title', 'agenda', 'divider', 'sources']);

/** One bullet: an optional bold lead term, then its text. */
export interface BulletItem {
  term?: string;
  runs: Run[];
  /** Ordered lists: the item's number in its list. */
  number?: number;
}

/** Where an element comes from and the height the plan gave it. */
export interface Placed {
  /** Path of the report field it shows (`sections[2].blocks[1]`); a split block has the same path on each slide. */
  block?: string;
  /** Measured height in px, the space after it included: the writers place the next element this far below. */
  height: number;
}

/** What a slide's body is made of, top to bottom. */
export type SlideElement = Placed &
  /** A muted opening line: a section's lede or a list's intro. */
  (
    | { type: 'lead'; runs: Run[] }
    | { type: 'paragraph'; runs: Run[] }
    | { type: 'bullets'; ordered: boolean; items: BulletItem[] }
    | { type: 'callout'; tone: Callout['tone']; title?: string; runs: Run[] }
    /** A bar chart whose plot is drawn `plot` px tall, with its caption and source (`caption` px tall) under it. */
    | { type: 'chart'; chart: Chart; plot: number; caption: number }
    /** Rows of a table (indices into `table.rows`) at a type size, with column widths in per cent. */
    | {
        type: 'table';
        table: Table;
        rows: number[];
        fontSize: number;
        widths: number[];
        /** The header row's height, then each row's, in px (their sum is the element's height). */
        rowHeights: number[];
      }
    /** A source line under a chart or table. */
    | { type: 'source'; runs: Run[] }
  );

/** The type of each slide element. */
export type ElementType = SlideElement['type'];

/** The slide element of one type. */
export type ElementOf<K extends ElementType> = Extract<SlideElement, { type: K }>;

/**
 * A handler for each slide element type, typed (as content's `BlockMap`) so that a new element
 * type is a compile error in every serialiser until it is handled.
 */
export type ElementMap<Args extends unknown[], R> = { [K in ElementType]: (element: ElementOf<K>, ...args: Args) => R };

/** Call the handler of `element`'s type: the one place an element map is dispatched through. */
export function dispatchElement<Args extends unknown[], R>(
  map: ElementMap<Args, R>,
  element: SlideElement,
  ...args: Args
): R {
  return (map[element.type] as (element: SlideElement, ...args: Args) => R)(element, ...args);
}

/** The title slide's parts. */
export interface TitleParts {
  title: string;
  subtitle?: string;
  /** Date, organisation and authors, each kept unbroken on screen. */
  byline: string[];
  /** "Adapted from …" with a link to the original. */
  basedOn: Run[];
}

export interface DeckSlide {
  kind: SlideKind;
  /** Section id of divider, content, chart and table slides. */
  section?: string;
  /** A small line above the heading: the section's number and title. */
  kicker?: string;
  /** The slide's heading (plain text), without "(continued)". */
  heading: string;
  /** A continuation slide of the same heading. */
  continued: boolean;
  /**
   * The heading's lines, "(continued)" included, as the plan breaks them (balancedLines):
   * the HTML deck and the PPTX both break the heading here. Absent on the title slide, and
   * where a word is wider than a line.
   */
  headingLines?: string[];
  elements: SlideElement[];
  /** Speaker notes, one paragraph each; never empty. */
  notes: string[];
  /** Layout classes of the theme (type scale, table size and widths). */
  classes: string[];
  /** Estimated body height in px and the room it had (content slides). */
  fill?: { used: number; room: number };
  /** Title slides: title, subtitle, byline and source. */
  title?: TitleParts;
}

export interface DeckPlan {
  lang: string;
  title: string;
  description?: string;
  author?: string;
  keywords: string[];
  /** The footer on every slide but the title. */
  footer: string;
  slides: DeckSlide[];
  /** The talk the notes make: their words and the minutes at a speaking pace. */
  talk: { words: number; minutes: number };
  /**
   * The faces the plan was measured in (the HTML deck's when absent): a PPTX names these; and
   * on a template, the room it was laid out in (its body area and slide: template/fit.ts).
   */
  metrics?: Metrics;
}

export interface DeckOptions {
  /** Override the footer text (default: the report's short title). */
  footer?: string;
  /** A divider slide before each section (default: none; the section's kicker does its work). */
  dividers?: boolean;
  /**
   * The faces to measure in (default: the HTML deck's, the design faces with nothing reserved),
   * and the room (content box and slide) it lays out in (default: our 16:9 slide's).
   */
  metrics?: Metrics;
}

/** Words a minute a presenter speaks at, for the talk's length. */
export const WORDS_PER_MINUTE = 130;
