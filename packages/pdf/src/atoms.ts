// A paragraph as the line breaker sees it: words measured as drawn, and the atoms between
// the places a line may end (spaces, hyphens the author wrote, hyphenation points).

import type { FaceName } from './fonts.js';
import { hyphenPoints, MIN_WORD } from './hyphenate.js';
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

/** An atom of the line breaker, and the text it stands for: `part.text` from `from` to `to`. */
export interface TextAtom extends Atom {
  part: Part;
  from: number;
  to: number;
  space: Part | null;
  /**
   * A break between characters of a word wider than the line: a hyphen is drawn at the line
   * end (an artifact, as at a hyphenation point), so readers see the word continues and text
   * extraction joins it whole.
   */
  forced?: boolean;
}

/** A word's hyphenation points and the widths that go with them, in points at 1 pt type. */
interface Syllables {
  points: number[];
  /** Width of the word up to each point, and from each point on (shaped alone). */
  prefix: number[];
  rest: number[];
  hyphen: number;
}
/** Syllables per language (and limits), face and word, kept for the life of the process. */
type SyllableTable = Map<FaceName, Map<string, Syllables | null>>;
const syllableTables = new Map<string, SyllableTable>();

function syllableTable(lang: string, limits: boolean): SyllableTable {
  const key = `${lang} ${limits}`;
  let table = syllableTables.get(key);
  if (!table) {
    table = new Map();
    syllableTables.set(key, table);
  }
  return table;
}

/** The syllables of a part of a word, or null if it takes no hyphen. */
function syllables(part: Part, lang: string, table: SyllableTable, m: Measurer): Syllables | null {
  const limits = switches.hyphenLimits;
  if (limits && part.text.length < MIN_WORD) return null;
  const { face } = part.style;
  let cache = table.get(face);
  if (!cache) {
    cache = new Map();
    table.set(face, cache);
  }
  let known = cache.get(part.text);
  if (known === undefined) {
    const { text } = part;
    const points = hyphenPoints(text, lang, limits);
    const unit = (t: string) => m.width(face, 1, t);
    known =
      points.length === 0
        ? null
        : {
            points,
            prefix: points.map((k) => unit(text.slice(0, k))),
            rest: points.map((k) => unit(text.slice(k))),
            hyphen: unit('-'),
          };
    if (cache.size > 50_000) cache.clear();
    cache.set(text, known);
  }
  return known;
}

/**
 * A word's atoms: one per part, or one per syllable where a part may be hyphenated (author
 * prose, in a language with patterns, not a name, figure or link, and not one half of a
 * compound the author hyphenated). Syllable widths are differences of the shaped prefixes,
 * so they add up to the word as drawn whole.
 */
function wordAtoms(
  out: TextAtom[],
  word: Word,
  kind: BreakKind,
  compound: boolean,
  m: Measurer,
  table: SyllableTable | null,
): void {
  const lang = m.lang;
  const lastPart = word.parts.length - 1;
  for (let i = 0; i <= lastPart; i++) {
    const part = word.parts[i]!;
    const after: BreakKind = i === lastPart ? kind : 'none';
    const glue = after === 'space' ? (word.space?.width ?? 0) : 0;
    const space = after === 'space' ? word.space : null;
    const s = table && lang && part.hyphenate && !part.link && !compound ? syllables(part, lang, table, m) : null;
    const length = part.text.length;
    if (!s) {
      out.push({
        part,
        from: 0,
        to: length,
        width: part.width,
        kind: after,
        glue,
        hyphen: 0,
        restCorrection: 0,
        space,
      });
      continue;
    }
    const size = part.style.size;
    let from = 0;
    let before = 0;
    s.points.forEach((to, k) => {
      const upTo = s.prefix[k]! * size;
      out.push({
        part,
        from,
        to,
        width: upTo - before,
        kind: 'hyphen',
        glue: 0,
        hyphen: s.hyphen * size,
        restCorrection: s.rest[k]! * size - (part.width - upTo),
        space: null,
      });
      from = to;
      before = upTo;
    });
    out.push({
      part,
      from,
      to: length,
      width: part.width - before,
      kind: after,
      glue,
      hyphen: 0,
      restCorrection: 0,
      space,
    });
  }
}

/**
 * A word wider than the line, as atoms that each fit it with the break mark (a hyphen) after
 * them: cut between characters, each atom a slice of its part, so the pieces of one part are
 * drawn as one word (a Span whose ActualText is the part's text, as a hyphenated word's).
 */
function forcedAtoms(out: TextAtom[], word: Word, kind: BreakKind, width: number, m: Measurer): void {
  const lastPart = word.parts.length - 1;
  let used = 0;
  word.parts.forEach((part, i) => {
    const { face, size } = part.style;
    const mark = m.width(face, size, '-');
    let from = 0;
    let to = 0;
    for (const char of part.text) {
      const w = m.width(face, size, part.text.slice(from, to + char.length));
      // Cut before this character when it would not fit with the mark; never leave a line empty.
      if (used + w + mark > width && (to > from || used > 0)) {
        if (to > from) {
          out.push(slice(part, from, to, m, 'soft', mark));
        } else {
          // The cut falls where a part begins: the mark goes after the previous part.
          const previous = out[out.length - 1]!;
          previous.kind = 'soft';
          previous.forced = true;
          previous.hyphen = mark;
        }
        out[out.length - 1]!.forced = true;
        used = 0;
        from = to;
      }
      to += char.length;
    }
    const atom = slice(part, from, to, m, i === lastPart ? kind : 'none', 0);
    if (i === lastPart && kind === 'space') {
      atom.glue = word.space?.width ?? 0;
      atom.space = word.space;
    }
    out.push(atom);
    used += atom.width;
  });
}

/** The atom for `part.text` from `from` to `to`, measured as drawn alone. */
function slice(part: Part, from: number, to: number, m: Measurer, kind: BreakKind, hyphen: number): TextAtom {
  const whole = from === 0 && to === part.text.length;
  const width = whole ? part.width : m.width(part.style.face, part.style.size, part.text.slice(from, to));
  return { part, from, to, width, kind, glue: 0, hyphen, restCorrection: 0, space: null };
}

/** The paragraph as atoms; a word that cannot fit the line even hyphenated is broken between characters. */
export function atomsOf(pieces: Piece[], width: number, m: Measurer): TextAtom[] {
  const out: TextAtom[] = [];
  const list = words(pieces, m);
  const table = switches.hyphenate && m.lang ? syllableTable(m.lang, switches.hyphenLimits) : null;
  list.forEach((word, i) => {
    const kind: BreakKind = i === list.length - 1 ? 'end' : word.space ? 'space' : 'soft';
    const compound = kind === 'soft' || (i > 0 && !list[i - 1]!.space);
    const start = out.length;
    wordAtoms(out, word, kind, compound, m, table);
    let run = 0;
    for (let k = start; k < out.length; k++) {
      const a = out[k]!;
      run += a.width;
      if (run > width + 0.01) {
        out.length = start;
        forcedAtoms(out, word, kind, width, m);
        return;
      }
      if (a.kind !== 'none') run = a.restCorrection;
    }
  });
  return out;
}
