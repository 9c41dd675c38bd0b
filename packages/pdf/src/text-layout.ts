import type { Font } from 'fontkit';
import { atomsOf, type Part, type TextAtom } from './atoms.js';
import type { FaceName } from './fonts.js';
import { breakLines } from './linebreak.js';

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
  /** The author's prose, which may be hyphenated; never set on headings, labels, names of things or links. */
  hyphenate?: boolean | undefined;
}

/** A run of one style on one line, at `x` from the line start. */
export interface Fragment {
  text: string;
  style: Style;
  link?: LinkTarget | undefined;
  x: number;
  width: number;
  /**
   * A piece of a word hyphenated (or cut) across lines: the whole word (what the PDF reads
   * as, its ActualText) and whether this piece starts it and ends it.
   */
  broken?: { word: string; first: boolean; last: boolean } | undefined;
}

export interface Line {
  fragments: Fragment[];
  /** The width of the line, the hyphen at its end included. */
  width: number;
  /**
   * The hyphen after the last fragment when the line ends inside a hyphenated word, or one
   * cut between characters because it is wider than the line: drawn as
   * decoration (an artifact), so the text reads as the whole word. Pagination avoids a page
   * break after such a line (a word is never broken across pages when it can be helped).
   */
  hyphen?: { style: Style; x: number; width: number } | undefined;
}

/**
 * Text widths, shaped once per face and string and kept for the life of the process: the
 * same measurement pdfkit makes when it draws (it shapes word by word, as here).
 */
export class Measurer {
  /**
   * @param lang the language text is hyphenated in (a BCP 47 tag, `meta.lang`); none, no
   * hyphenation. `in(lang)` gives a measurer for another language sharing these caches.
   */
  constructor(
    private readonly fonts: Record<FaceName, Font>,
    readonly lang?: string | undefined,
    private readonly caches = new Map<FaceName, Map<string, number>>(),
  ) {}

  /** The same measurements, hyphenating in `lang`. */
  in(lang: string): Measurer {
    return lang === this.lang ? this : new Measurer(this.fonts, lang, this.caches);
  }

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

/**
 * Break styled text into lines no wider than `width`, ragged right, choosing the breaks of
 * the whole paragraph at once (see linebreak.ts): at spaces, after hyphens and dashes inside
 * words, at hyphenation points of the author's prose in the measurer's language, and, for a
 * word wider than the line, between characters.
 */
export function wrap(pieces: Piece[], width: number, m: Measurer): Line[] {
  const atoms = atomsOf(pieces, width, m);
  if (atoms.length === 0) return [{ fragments: [], width: 0 }];
  // Ragged right: a line may fall short of the measure by three ems before it counts as loose.
  const em = Math.max(...pieces.map((p) => p.style.size));
  const ends = breakLines(atoms, { width, stretch: 3 * em });
  const lines: Line[] = [];
  let b = 0;
  for (const e of ends) {
    lines.push(lineOf(atoms, b, e, m));
    b = e + 1;
  }
  return lines;
}

type Placed = Part & { broken?: Fragment['broken'] };

/** The line of atoms `b` to `e`: each run of one part's atoms drawn as one piece of text. */
function lineOf(atoms: TextAtom[], b: number, e: number, m: Measurer): Line {
  const parts: Placed[] = [];
  for (let j = b; j <= e; j++) {
    const a = atoms[j]!;
    let k = j;
    while (k < e && atoms[k + 1]!.part === a.part) k++;
    const { part } = a;
    const to = atoms[k]!.to;
    if (a.from === 0 && to === part.text.length) parts.push(part);
    else {
      const text = part.text.slice(a.from, to);
      parts.push({
        text,
        style: part.style,
        link: part.link,
        width: m.width(part.style.face, part.style.size, text),
        broken: { word: part.text, first: a.from === 0, last: to === part.text.length },
      });
    }
    if (k < e && atoms[k]!.space) parts.push(atoms[k]!.space!);
    j = k;
  }
  const end = atoms[e]!;
  // A hyphenation point, or a word cut between characters: either way a hyphen marks the break.
  const marked = end.kind === 'hyphen' || (end.forced === true && e < atoms.length - 1);
  return assemble(parts, marked ? { style: end.part.style, width: end.hyphen } : undefined);
}

function assemble(parts: Placed[], hyphen?: { style: Style; width: number }): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  for (const part of parts) {
    const last = fragments[fragments.length - 1];
    if (last && !last.broken && !part.broken && last.style === part.style && last.link === part.link) {
      last.text += part.text;
      last.width += part.width;
    } else {
      fragments.push({
        text: part.text,
        style: part.style,
        link: part.link,
        x,
        width: part.width,
        broken: part.broken,
      });
    }
    x += part.width;
  }
  for (const f of fragments) f.text = f.text.replace(/\u200B/gu, '');
  if (!hyphen) return { fragments, width: x };
  return { fragments, width: x + hyphen.width, hyphen: { ...hyphen, x } };
}
