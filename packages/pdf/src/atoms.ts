// A paragraph as the line breaker sees it: words measured as drawn, and the atoms between
// the places a line may end (spaces, hyphens the author wrote, hyphenation points).
import { hyphenPoints } from './hyphenate.js';
import { type Atom, type BreakKind, switches } from './linebreak.js';
import type { LinkTarget, Measurer, Piece, Style } from './text-layout.js';

export interface Part {
  text: string;
  style: Style;
  link?: LinkTarget | undefined;
  width: number;
  hyphenate?: boolean | undefined;
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
            hyphenate: piece.hyphenate,
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

/** An atom of the line breaker, and the text it stands for: `part.text` from `from` to `to`. */
export interface TextAtom extends Atom {
  part: Part;
  from: number;
  to: number;
  space: Part | null;
}

/**
 * A word's atoms: one per part, or one per syllable where a part may be hyphenated (author
 * prose, in a language with patterns, not a name, figure or link, and not one half of a
 * compound the author hyphenated). Syllable widths are differences of the shaped prefixes,
 * so they add up to the word as drawn whole.
 */
function wordAtoms(word: Word, kind: BreakKind, compound: boolean, m: Measurer, hyphenate: boolean): TextAtom[] {
  const out: TextAtom[] = [];
  const lang = m.lang;
  word.parts.forEach((part, i) => {
    const after: BreakKind = i === word.parts.length - 1 ? kind : 'none';
    const glue = after === 'space' ? (word.space?.width ?? 0) : 0;
    const space = after === 'space' ? word.space : null;
    const points =
      hyphenate && lang && part.hyphenate && !part.link && !compound
        ? hyphenPoints(part.text, lang, switches.hyphenLimits)
        : [];
    if (points.length === 0) {
      out.push({
        part,
        from: 0,
        to: part.text.length,
        width: part.width,
        kind: after,
        glue,
        hyphen: 0,
        restCorrection: 0,
        space,
      });
      return;
    }
    const { face, size } = part.style;
    const prefix = (k: number) => (k === part.text.length ? part.width : m.width(face, size, part.text.slice(0, k)));
    const bounds = [0, ...points, part.text.length];
    for (let k = 0; k < bounds.length - 1; k++) {
      const from = bounds[k]!;
      const to = bounds[k + 1]!;
      const last = to === part.text.length;
      out.push({
        part,
        from,
        to,
        width: prefix(to) - prefix(from),
        kind: last ? after : 'hyphen',
        glue: last ? glue : 0,
        hyphen: last ? 0 : m.width(face, size, '-'),
        restCorrection: last ? 0 : m.width(face, size, part.text.slice(to)) - (part.width - prefix(to)),
        space: last ? space : null,
      });
    }
  });
  return out;
}

/** The paragraph as atoms; a word that cannot fit the line even hyphenated is broken between characters. */
export function atomsOf(pieces: Piece[], width: number, m: Measurer): TextAtom[] {
  const out: TextAtom[] = [];
  const list = words(pieces, m);
  list.forEach((word, i) => {
    const kind: BreakKind = i === list.length - 1 ? 'end' : word.space ? 'space' : 'soft';
    const compound = kind === 'soft' || (i > 0 && !list[i - 1]!.space);
    const atoms = wordAtoms(word, kind, compound, m, switches.hyphenate);
    let run = 0;
    let fits = true;
    for (const a of atoms) {
      run += a.width;
      if (run > width + 0.01) fits = false;
      if (a.kind !== 'none') run = a.restCorrection;
    }
    if (fits) out.push(...atoms);
    else {
      const pieces = breakWord(word, width, m);
      pieces.forEach((piece, j) => {
        out.push(...wordAtoms(piece, j === pieces.length - 1 ? kind : 'soft', true, m, false));
      });
    }
  });
  return out;
}
