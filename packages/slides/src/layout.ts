import { firstSentenceEnd, type Run } from '@briefing/content';
import { bulletIndent, charAdvance, charWidth, contentWidth, gap, lineHeight, size } from './metrics.js';

/**
 * The measured rule that keeps content on the slide. Text is laid out greedily, word by
 * word, with a per-character advance chosen for the embedded fonts (and for the fallback fonts
 * of characters they lack, see metrics.ts); words longer than a line break anywhere (the theme
 * sets `overflow-wrap: anywhere`). Every slide's blocks must
 * fit the height left under its heading, or they move to a continuation slide.
 */
export interface TextStyle {
  fontSize: number;
  /** Line box height in px. */
  line: number;
  /** Available line width in px. */
  width: number;
}

export const styles = {
  body: { fontSize: size.body, line: size.body * lineHeight.body, width: contentWidth },
  bullet: { fontSize: size.body, line: size.body * lineHeight.body, width: contentWidth - bulletIndent - 4 },
  heading: { fontSize: size.heading, line: size.heading * lineHeight.heading, width: contentWidth },
  divider: { fontSize: size.divider, line: size.divider * lineHeight.heading, width: contentWidth },
  lead: { fontSize: size.lead, line: size.lead * lineHeight.body, width: 980 },
  small: { fontSize: size.small, line: size.small * lineHeight.body, width: contentWidth },
  callout: { fontSize: size.body, line: size.body * lineHeight.body, width: contentWidth - 50 },
  /** The key takeaways: a little smaller, so five full sentences share one slide. */
  takeaway: { fontSize: size.takeaway, line: size.takeaway * lineHeight.body, width: contentWidth - bulletIndent - 4 },
} satisfies Record<string, TextStyle>;

export interface Segment {
  text: string;
  bold?: boolean;
}

/** Number of lines a run of text segments takes in the given style. */
export function countLines(segments: readonly Segment[], style: TextStyle, headingFont = false): number {
  const words: { width: number; space: number }[] = [];
  for (const seg of segments) {
    const latin = headingFont ? charWidth.heading : seg.bold ? charWidth.bold : charWidth.regular;
    const parts = seg.text.split(/(\s+)/u);
    for (const part of parts) {
      if (part === '') continue;
      if (/^\s+$/u.test(part)) {
        const last = words.at(-1);
        if (last) last.space = style.fontSize * latin;
        continue;
      }
      words.push({ width: advance(part, style.fontSize, latin), space: 0 });
    }
  }
  let lines = 1;
  let x = 0;
  for (const word of words) {
    if (x > 0 && x + word.width > style.width) {
      lines++;
      x = 0;
    }
    if (word.width > style.width) {
      // An unbroken word longer than a line wraps anywhere.
      const extra = Math.ceil(word.width / style.width) - 1;
      lines += extra;
      x = word.width - extra * style.width;
    } else {
      x += word.width;
    }
    x += word.space;
  }
  return lines;
}

/** Width in px of text at a font size, given the advance of a Latin character in em. */
export function advance(text: string, fontSize: number, latin: number): number {
  let em = 0;
  for (const ch of text) em += charAdvance(ch.codePointAt(0) as number, latin);
  return em * fontSize;
}

/** Height in px of a text block in the style, plus the space after it. */
export function textHeight(segments: readonly Segment[], style: TextStyle, after = 0, headingFont = false): number {
  return countLines(segments, style, headingFont) * style.line + after;
}

/** Height of a slide heading (`##`), including its rule and the gap under it. */
export function headingHeight(text: string): number {
  return textHeight([{ text }], styles.heading, 14 + 2 + gap.afterHeading, true);
}

/** Height available for content under the slide heading, with a safety margin. */
export const SAFETY = 12;

/** Segments of rich text (bold for strong emphasis). */
export function segmentsOf(runs: readonly Run[]): Segment[] {
  return runs.map((run) => ({ text: run.text, bold: run.type === 'text' && run.emphasis === 'strong' }));
}

/**
 * Split runs into pieces that each fit in `maxLines` lines of `style` (the first piece may be
 * given less room). Splits at white space; a single word longer than the room is cut.
 */
export function splitRuns(
  runs: readonly Run[],
  style: TextStyle,
  firstMaxLines: number,
  maxLines: number,
  prefix: Segment[] = [],
): Run[][] {
  // Tokens: words with the run they belong to, white space kept with the preceding word.
  type Tok = { run: Run; text: string };
  const toks: Tok[] = [];
  for (const run of runs) {
    for (const m of run.text.matchAll(/\S+\s*|\s+/gu)) toks.push({ run, text: m[0] });
  }
  const pieces: Run[][] = [];
  let current: Tok[] = [];
  const fits = (candidate: Tok[], limit: number) =>
    countLines([...(pieces.length === 0 ? prefix : []), ...candidate.map((t) => seg(t))], style) <= limit;
  const limitNow = () => (pieces.length === 0 ? firstMaxLines : maxLines);
  const flush = () => {
    if (current.length > 0) pieces.push(merge(current));
    current = [];
  };
  for (let tok of toks) {
    if (fits([...current, tok], limitNow())) {
      current.push(tok);
      continue;
    }
    if (current.length > 0) flush();
    // A token that alone does not fit: cut it into pieces that do.
    while (!fits([tok], limitNow())) {
      const cut = fittingPrefix(
        tok.text,
        limitNow() * style.width - 2 * style.fontSize * charWidth.bold,
        style.fontSize,
      );
      pieces.push(merge([{ run: tok.run, text: tok.text.slice(0, cut) }]));
      tok = { run: tok.run, text: tok.text.slice(cut) };
    }
    current.push(tok);
  }
  flush();
  return pieces;

  function seg(t: Tok): Segment {
    return { text: t.text, bold: t.run.type === 'text' && t.run.emphasis === 'strong' };
  }
  function merge(list: Tok[]): Run[] {
    const out: Run[] = [];
    for (const t of list) {
      const last = out.at(-1);
      const source = t.run;
      if (last && sameRun(last, source)) {
        last.text += t.text;
      } else {
        out.push({ ...source, text: t.text });
      }
    }
    return out;
  }
}

/**
 * Length (in UTF-16 units, never inside a surrogate pair) of the longest prefix of `text` no
 * wider than `room` px in bold, the widest face; at least one character.
 */
function fittingPrefix(text: string, room: number, fontSize: number): number {
  let width = 0;
  let end = 0;
  for (const ch of text) {
    width += charAdvance(ch.codePointAt(0) as number, charWidth.bold) * fontSize;
    if (width > room && end > 0) break;
    end += ch.length;
  }
  return end;
}

function sameRun(a: Run, b: Run): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'link' && b.type === 'link') return a.href === b.href;
  return a.type === 'text' && b.type === 'text' && a.emphasis === b.emphasis;
}

/**
 * The first sentence of rich text (runs cut after the first sentence end), for concise bullets.
 * Returns the runs unchanged when there is only one sentence.
 */
export function firstSentence(runs: readonly Run[]): { runs: Run[]; cut: boolean } {
  const end = firstSentenceEnd(runs.map((r) => r.text).join(''));
  if (end === undefined) return { runs: [...runs], cut: false };
  const out: Run[] = [];
  let pos = 0;
  for (const run of runs) {
    if (pos >= end) break;
    const take = run.text.slice(0, end - pos);
    if (take.trim() !== '' || out.length > 0) out.push({ ...run, text: take });
    pos += run.text.length;
  }
  return { runs: out, cut: true };
}
