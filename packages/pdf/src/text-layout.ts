import type { Font } from 'fontkit';
import type { FaceName } from './fonts.js';

/** How a piece of text looks. */
export interface Style {
  face: FaceName;
  size: number;
  color: string;
}

/** Where a piece of text leads: a web address or a named destination in this PDF. */
export type LinkTarget = { kind: 'uri'; href: string; label: string } | { kind: 'dest'; name: string; label: string };

/** Styled input text: the renderer turns rich text runs into pieces. */
export interface Piece {
  text: string;
  style: Style;
  link?: LinkTarget | undefined;
}

/** A run of one style on one line, at `x` from the line start. */
export interface Fragment {
  text: string;
  style: Style;
  link?: LinkTarget | undefined;
  x: number;
  width: number;
}

export interface Line {
  fragments: Fragment[];
  width: number;
}

/**
 * Text widths, shaped once per face and string and kept for the life of the process: the
 * same measurement pdfkit makes when it draws (it shapes word by word, as here).
 */
export class Measurer {
  private readonly caches = new Map<FaceName, Map<string, number>>();
  constructor(private readonly fonts: Record<FaceName, Font>) {}

  /** Width in points of `text` (no spaces inside) at `size`. */
  width(face: FaceName, size: number, text: string): number {
    let cache = this.caches.get(face);
    if (!cache) {
      cache = new Map();
      this.caches.set(face, cache);
    }
    let w = cache.get(text);
    if (w === undefined) {
      const font = this.fonts[face];
      w = (font.layout(text).advanceWidth * 1000) / font.unitsPerEm;
      if (cache.size > 100_000) cache.clear();
      cache.set(text, w);
    }
    return (w * size) / 1000;
  }

  /** Width of a string that may contain spaces, measured the way pdfkit lays it out. */
  string(face: FaceName, size: number, text: string): number {
    let total = 0;
    for (const part of text.split(/(?<= )/u)) if (part) total += this.width(face, size, part);
    return total;
  }
}

interface Part {
  text: string;
  style: Style;
  link?: LinkTarget | undefined;
  width: number;
}
/** An unbreakable word (possibly in several styles: "**China**,") and the glue after it. */
interface Word {
  parts: Part[];
  width: number;
  /** The space that follows the word, or null at a break without space (after a hyphen). */
  space: Part | null;
}

/** A break is allowed after a hyphen or dash inside a word ("cyber-|enabled"), and at a zero-width space. */
const SOFT_BREAK = /(?<=[\p{L}\p{N}][-\u2010\u2013\u2014/])(?=[\p{L}\p{N}])|\u200B/u;

function words(pieces: Piece[], m: Measurer): Word[] {
  const out: Word[] = [];
  let current: Part[] = [];
  const flush = (space: Part | null) => {
    if (current.length > 0) {
      out.push({ parts: current, width: current.reduce((a, p) => a + p.width, 0), space });
      current = [];
    } else if (space && out.length > 0) {
      const last = out[out.length - 1]!;
      if (!last.space) last.space = space;
    }
  };
  for (const piece of pieces) {
    // Every white space but the no-break ones is a break opportunity, folded to one space.
    const tokens = piece.text.split(/([^\S\u00A0\u202F]+)/u);
    tokens.forEach((token, i) => {
      if (i % 2 === 1) {
        flush({
          text: ' ',
          style: piece.style,
          link: piece.link,
          width: m.width(piece.style.face, piece.style.size, ' '),
        });
        return;
      }
      if (!token) return;
      const chunks = token.split(SOFT_BREAK);
      chunks.forEach((chunk, j) => {
        if (chunk) {
          current.push({
            text: chunk,
            style: piece.style,
            link: piece.link,
            width: m.width(piece.style.face, piece.style.size, chunk),
          });
        }
        if (j < chunks.length - 1) flush(null);
      });
    });
  }
  flush(null);
  return out;
}

/** Split a word wider than a line into pieces that fit, character by character. */
function breakWord(word: Word, width: number, m: Measurer): Word[] {
  const out: Word[] = [];
  let parts: Part[] = [];
  let used = 0;
  for (const part of word.parts) {
    let text = '';
    for (const char of part.text) {
      const w = m.width(part.style.face, part.style.size, text + char);
      if (used + w > width && (text || parts.length > 0)) {
        if (text) parts.push({ ...part, text, width: m.width(part.style.face, part.style.size, text) });
        out.push({ parts, width: parts.reduce((a, p) => a + p.width, 0), space: null });
        parts = [];
        used = 0;
        text = char;
      } else {
        text += char;
      }
    }
    if (text) {
      const w = m.width(part.style.face, part.style.size, text);
      parts.push({ ...part, text, width: w });
      used += w;
    }
  }
  if (parts.length > 0) out.push({ parts, width: used, space: word.space });
  return out;
}

/**
 * Break styled text into lines no wider than `width` (ragged right). Breaks at spaces, after
 * hyphens and dashes inside words, and, for a word wider than the line, between characters.
 * `firstIndent` narrows the first line (a bold lead-in drawn by the caller, a hanging label).
 */
export function wrap(pieces: Piece[], width: number, m: Measurer): Line[] {
  const lines: Line[] = [];
  let parts: Part[] = [];
  let lineWidth = 0;
  let pendingSpace: Part | null = null;
  const endLine = () => {
    lines.push(assemble(parts));
    parts = [];
    lineWidth = 0;
    pendingSpace = null;
  };
  const queue = words(pieces, m);
  for (let i = 0; i < queue.length; i++) {
    const word = queue[i]!;
    const spaceWidth = parts.length > 0 && pendingSpace ? pendingSpace.width : 0;
    if (parts.length > 0 && lineWidth + spaceWidth + word.width > width + 0.01) {
      endLine();
    }
    if (parts.length === 0 && word.width > width + 0.01) {
      const pieces2 = breakWord(word, width, m);
      queue.splice(i, 1, ...pieces2);
      i--;
      continue;
    }
    if (parts.length > 0 && pendingSpace) {
      parts.push(pendingSpace);
      lineWidth += pendingSpace.width;
    }
    parts.push(...word.parts);
    lineWidth += word.width;
    pendingSpace = word.space;
  }
  if (parts.length > 0 || lines.length === 0) endLine();
  return lines;
}

function assemble(parts: Part[]): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  for (const part of parts) {
    const last = fragments[fragments.length - 1];
    if (last && last.style === part.style && last.link === part.link) {
      last.text += part.text;
      last.width += part.width;
    } else {
      fragments.push({ text: part.text, style: part.style, link: part.link, x, width: part.width });
    }
    x += part.width;
  }
  for (const f of fragments) f.text = f.text.replace(/\u200B/gu, '');
  return { fragments, width: x };
}
