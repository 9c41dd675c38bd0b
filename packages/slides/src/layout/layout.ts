import type { Run } from '@briefing/content';
import { charEm, cutLinksEndLines, type Face, roomWidth, textWidth, unkerned, wordWidth } from './measure.js';
import {
  bulletIndent,
  bulletPad,
  callout,
  charAdvance,
  contentWidth,
  divider,
  gap,
  headingRule,
  lineHeight,
  size,
} from './metrics.js';

/**
 * The measured rule that keeps content on the slide. Text is laid out greedily, word by word,
 * as Chromium lays it out: each word's width is measured with the fonts the theme embeds
 * (measure.ts: fontkit on the same WOFF2 subsets, kerned as Chromium kerns), a space is the
 * face's space, a line breaks before a word that would pass its width, and a word longer
 * than a line breaks anywhere (the theme sets `overflow-wrap: anywhere`), character by
 * character. Characters the embedded subsets lack are drawn by a system font and keep the
 * per-character estimate of metrics.ts. Lines break only at collapsible white space (space,
 * tab, newline), never at a no-break space; Chromium also breaks after hyphens and dashes, so
 * it never needs more lines than counted here. Every slide's blocks must fit the height left
 * under its heading, or they move to a continuation slide.
 */
export interface TextStyle {
  fontSize: number;
  /** Line box height in px. */
  line: number;
  /** Available line width in px. */
  width: number;
}

/**
 * The share of a line's width the layout fills. The measured widths match headless
 * Chromium's to within 0.1% on the report's text (test/measure.test.ts). Filling whole lines,
 * the layout counted the lines Chromium breaks the test strings into (the report's text and
 * harder samples, at three widths) exactly for 651 of 657, never fewer; filling 98%, for 616,
 * the rest one line more (the old per-character estimate: 453, and two lines too few). The
 * 2% left (22 px of a body line, one or two characters) is for what that test cannot see:
 * the deck is shown in other browsers and on other systems than the Chromium that checks it,
 * and a renderer that places glyphs on whole pixels (no subpixel positioning) can add up to
 * half a pixel a glyph; characters drawn by a system font are estimated, not measured; and a
 * word is shaped on its own, with the spaces around it, where Chromium shapes a whole run.
 */
export const FILL = 0.98;

/** The deck's text styles in a content box `width` px wide: the same type, lines as long as the box. */
function stylesAt(width: number) {
  return {
    body: { fontSize: size.body, line: size.body * lineHeight.body, width },
    bullet: { fontSize: size.body, line: size.body * lineHeight.body, width: width - bulletIndent - bulletPad },
    heading: { fontSize: size.heading, line: size.heading * lineHeight.heading, width },
    divider: { fontSize: size.divider, line: size.divider * lineHeight.heading, width },
    lead: { fontSize: size.lead, line: size.lead * lineHeight.body, width: Math.min(divider.textWidth, width) },
    small: { fontSize: size.small, line: size.small * lineHeight.body, width },
    callout: {
      fontSize: size.body,
      line: size.body * lineHeight.body,
      width: width - callout.rule - 2 * callout.padX,
    },
    /** The key takeaways: a little smaller, so five full sentences share one slide. */
    takeaway: {
      fontSize: size.takeaway,
      line: size.takeaway * lineHeight.body,
      width: width - bulletIndent - bulletPad,
    },
  } satisfies Record<string, TextStyle>;
}

type Styles = ReturnType<typeof stylesAt>;

/** Our slide's styles, and the last other room's (a plan on a template asks for its own often). */
const OURS = stylesAt(contentWidth);
let other: { width: number; styles: Styles } | undefined;

function stylesNow(): Styles {
  const width = roomWidth();
  if (width === contentWidth) return OURS;
  if (other?.width !== width) other = { width, styles: stylesAt(width) };
  return other.styles;
}

/**
 * The text styles of the room the plan lays out in now (measure.ts roomWidth: our content
 * box's, or a template's body area inside the plan's metrics). Each is read when used, never
 * kept across plans, so one module serves every room.
 */
export const styles: Styles = Object.defineProperties(
  {} as Styles,
  Object.fromEntries(
    (Object.keys(OURS) as (keyof Styles)[]).map((name) => [name, { enumerable: true, get: () => stylesNow()[name] }]),
  ),
);

export interface Segment {
  text: string;
  /** Strong emphasis: the sans bold. */
  bold?: boolean;
  /** Emphasis: the sans italic. */
  italic?: boolean;
  /** A link's text (see countLines). */
  link?: boolean;
}

/** The face a segment is drawn in: headings (and the title) in the serif bold, else the sans. */
export function faceOf(segment: Segment, headingFont = false): Face {
  if (headingFont) return 'heading';
  return segment.bold ? 'bold' : segment.italic ? 'italic' : 'regular';
}

/** White space that collapses and where a line may break (not a no-break space). */
const BREAKING_SPACE = /([ \t\n\r\f]+)/u;

/** A word between break opportunities: its width in px, and the space after it. */
interface Word {
  width: number;
  space: number;
  /** Its parts by face (a word may change face mid-way: "**term**:"). */
  parts: { text: string; face: Face }[];
  /** Whether any of it is a link's text. */
  link: boolean;
}

function wordsOf(segments: readonly Segment[], fontSize: number, headingFont: boolean): Word[] {
  const words: Word[] = [];
  // Whether the next text continues the last word (no white space since it).
  let joined = false;
  for (const seg of segments) {
    const face = faceOf(seg, headingFont);
    const space = textWidth(' ', face);
    const parts = seg.text.split(BREAKING_SPACE);
    parts.forEach((part, i) => {
      if (part === '') return;
      const last = words.at(-1);
      if (i % 2 === 1) {
        // White space (split puts it at odd indices), collapsed to one space in its face.
        if (last) last.space = space * fontSize;
        joined = false;
        return;
      }
      const width = measureWord(part, face, i > 0, i < parts.length - 1) * fontSize;
      const link = seg.link === true;
      if (joined && last) {
        last.width += width;
        last.parts.push({ text: part, face });
        last.link ||= link;
      } else {
        words.push({ width, space: 0, parts: [{ text: part, face }], link });
      }
      joined = true;
    });
  }
  return words;
}

/** Width of a word in em in running text (see measure.ts wordWidth); a long one unkerned. */
function measureWord(word: string, face: Face, spaceBefore: boolean, spaceAfter: boolean): number {
  if (word.length > LONG_WORD) return unkerned(word, face);
  return wordWidth(word, face, spaceBefore, spaceAfter);
}

/**
 * Words longer than this (run-on strings, URLs) are measured character by character, without
 * kerning: they are cut by binary search, which measures many long prefixes once each, and
 * mostly wrap anywhere, where Chromium breaks between characters too.
 */
const LONG_WORD = 64;

/** Number of lines a run of text segments takes in the given style. */
export function countLines(segments: readonly Segment[], style: TextStyle, headingFont = false): number {
  const room = style.width * FILL;
  let lines = 1;
  let x = 0;
  for (const word of wordsOf(segments, style.fontSize, headingFont)) {
    if (x > 0 && x + word.width > room) {
      lines++;
      x = 0;
    }
    if (word.width > room) {
      // An unbroken word longer than a line wraps anywhere: as many characters on each line as fit.
      for (const { text, face } of word.parts) {
        for (const ch of text) {
          const w = charEm(ch.codePointAt(0) as number, face) * style.fontSize;
          if (x > 0 && x + w > room) {
            lines++;
            x = 0;
          }
          x += w;
        }
      }
      // A link cut so ends its last line in a PPTX (measure.ts cutLinksEndLines).
      if (word.link && cutLinksEndLines()) x = room;
    } else {
      x += word.width;
    }
    x += word.space;
  }
  return lines;
}

/**
 * Width in px of text on one line at a font size, measured in a face, white space included as
 * it is written. A number instead of a face is the advance of a Latin character in em: the
 * old per-character estimate, kept for callers that name no face.
 */
export function advance(text: string, fontSize: number, face: Face | number = 'regular'): number {
  if (typeof face === 'string') return textWidth(text, face) * fontSize;
  let em = 0;
  for (const ch of text) em += charAdvance(ch.codePointAt(0) as number, face);
  return em * fontSize;
}

/** Width in px of segments on one line (collapsed white space), as countLines measures them. */
export function lineWidth(segments: readonly Segment[], fontSize: number, headingFont = false): number {
  const words = wordsOf(segments, fontSize, headingFont);
  return words.reduce((px, word, i) => px + word.width + (i < words.length - 1 ? word.space : 0), 0);
}

/** Height in px of a text block in the style, plus the space after it. */
export function textHeight(segments: readonly Segment[], style: TextStyle, after = 0, headingFont = false): number {
  return countLines(segments, style, headingFont) * style.line + after;
}

/** What a continuation slide's heading adds to the first slide's (and to its measured height). */
export const CONTINUED = ' (continued)';

/** Height of a slide heading (`##`), including its rule and the gap under it. */
export function headingHeight(text: string): number {
  return textHeight([{ text }], styles.heading, headingRule.gap + headingRule.width + gap.afterHeading, true);
}

/** Height available for content under the slide heading, with a safety margin. */
export const SAFETY = 12;

/** Segments of rich text (bold for strong emphasis, italic for emphasis). */
export function segmentsOf(runs: readonly Run[]): Segment[] {
  return runs.map((run) => segmentOf(run));
}

/** One run as a segment, optionally with other text (a piece of the run) in its style. */
export function segmentOf(run: Run, text = run.text): Segment {
  const emphasis = run.type === 'text' ? run.emphasis : undefined;
  return {
    text,
    bold: emphasis === 'strong',
    italic: emphasis === 'em',
    ...(run.type === 'link' ? { link: true } : {}),
  };
}

/**
 * A heading's lines, balanced: as many lines as countLines gives, each as short as it can
 * be (the narrowest measure at which the words still take that many lines, found by
 * bisection), so no line ends up holding a lone word the others left over. A " (continued)"
 * stays with the word before it. The plan decides these breaks once; the HTML deck keeps the
 * words of a line together and the PPTX breaks its title at them. Undefined when a word is
 * wider than a line (it wraps anywhere, and there is nothing to balance).
 */
export function balancedLines(text: string, style: TextStyle, headingFont = true): string[] | undefined {
  const glued = text.replace(/ \(continued\)$/u, `${NBSP}(continued)`);
  const words = wordsOf([{ text: glued }], style.fontSize, headingFont);
  const room = style.width * FILL;
  if (words.length === 0 || words.some((w) => w.width > room)) return undefined;
  const breaks = (measure: number): number[] => {
    const starts = [0];
    let x = 0;
    words.forEach((word, i) => {
      if (x > 0 && x + word.width > measure) {
        starts.push(i);
        x = 0;
      }
      x += word.width + word.space;
    });
    return starts;
  };
  const lines = breaks(room).length;
  let lo = Math.max(...words.map((w) => w.width));
  let hi = room;
  if (breaks(lo).length <= lines) hi = lo;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (breaks(mid).length <= lines) hi = mid;
    else lo = mid;
  }
  const starts = breaks(hi);
  return starts.map((start, k) =>
    words
      .slice(start, starts[k + 1] ?? words.length)
      .map((w) => w.parts.map((p) => p.text).join(''))
      .join(' ')
      .replace(NBSP_CONTINUED, ' (continued)'),
  );
}

const NBSP = '\u00a0';
const NBSP_CONTINUED = /\u00a0\(continued\)$/u;
