// Reading and marking a PDF page's content stream, for the slides PDF's accessibility pass
// (slides-pdf-a11y/). Chromium's tagged PDF leaves some painting outside any marked-content
// sequence (the slide's page number, accent bars) and tags decoration as real content (slide
// backgrounds, list and table rules, heading underlines). PDF/UA wants both marked as
// artifacts. Marked-content operators change nothing that is drawn, so the stream is edited
// only by inserting `/Artifact BMC` … `EMC` around untagged graphics objects and by turning a
// decoration-only `BDC` into `/Artifact BMC`; every other byte stays where it was.

/** One operator with its operands: where it starts (its first operand) and ends in the stream. */
export interface ContentOp {
  op: string;
  /** The operands' source text, in order. */
  operands: string[];
  start: number;
  end: number;
}

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** A content stream the tokenizer does not take apart (an inline image, unbalanced syntax). */
export class UnreadableContent extends Error {}

function skipSpace(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i] as string;
    if (WHITESPACE.has(c)) i++;
    else if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else break;
  }
  return i;
}

function skipRegular(s: string, i: number): number {
  while (i < s.length && !WHITESPACE.has(s[i] as string) && !DELIMITERS.has(s[i] as string)) i++;
  return i;
}

/** The end of the PDF object that starts at `i` (a string, name, array, dictionary or word). */
function skipObject(s: string, i: number): number {
  const c = s[i];
  if (c === '(') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s[j];
      if (d === '\\') j++;
      else if (d === '(') depth++;
      else if (d === ')' && --depth === 0) return j + 1;
    }
    throw new UnreadableContent('an unterminated string');
  }
  if (c === '<' && s[i + 1] === '<') return skipUntil(s, i + 2, '>>');
  if (c === '<') {
    const end = s.indexOf('>', i);
    if (end < 0) throw new UnreadableContent('an unterminated hex string');
    return end + 1;
  }
  if (c === '[') return skipUntil(s, i + 1, ']');
  if (c === '/') return skipRegular(s, i + 1);
  if (c !== undefined && DELIMITERS.has(c)) throw new UnreadableContent(`an unexpected "${c}"`);
  return skipRegular(s, i);
}

function skipUntil(s: string, i: number, close: string): number {
  for (;;) {
    i = skipSpace(s, i);
    if (i >= s.length) throw new UnreadableContent(`no closing "${close}"`);
    if (s.startsWith(close, i)) return i + close.length;
    i = skipObject(s, i);
  }
}

/**
 * The operators of a content stream (its bytes as a Latin-1 string), in order. Throws
 * UnreadableContent for an inline image (its binary data is not PDF syntax) or broken syntax.
 */
export function readContent(s: string): ContentOp[] {
  const ops: ContentOp[] = [];
  let operands: { text: string; start: number }[] = [];
  let i = skipSpace(s, 0);
  while (i < s.length) {
    const start = i;
    const c = s[i] as string;
    const end = skipObject(s, i);
    const word = s.slice(start, end);
    const operand = DELIMITERS.has(c) || NUMBER.test(word) || word === 'true' || word === 'false' || word === 'null';
    if (operand) operands.push({ text: word, start });
    else {
      if (word === 'BI' || word === 'ID') throw new UnreadableContent('an inline image');
      ops.push({ op: word, operands: operands.map((o) => o.text), start: operands[0]?.start ?? start, end });
      operands = [];
    }
    i = skipSpace(s, end);
  }
  if (operands.length) throw new UnreadableContent('operands without an operator at the end');
  return ops;
}

const PATH_START = new Set(['m', 're']);
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const SHOW_TEXT = new Set(['Tj', 'TJ', "'", '"']);
/** Operators that draw something other than a path or text. */
const DRAW_OTHER = new Set(['Do', 'sh']);

export interface MarkedSequence {
  /** The BDC operator's index in the ops. */
  index: number;
  tag: string;
  mcid: number | undefined;
  /** Fills or strokes a path. */
  paints: boolean;
  /** Shows text or draws an image, form or shading: content, never decoration. */
  content: boolean;
  /** Holds another marked-content sequence. */
  nested: boolean;
}

export interface ContentAnalysis {
  /** Every BDC sequence with an MCID, in stream order. */
  sequences: MarkedSequence[];
  /** [start, end) of each graphics object that paints outside any marked content. */
  untagged: [number, number][];
}

/**
 * What a content stream marks and leaves unmarked: its MCID sequences (with whether each
 * paints only paths, i.e. is decoration) and the graphics objects painted outside any marked
 * content (text objects, painted paths, XObjects and shadings; clipping paths draw nothing).
 */
export function analyseContent(ops: readonly ContentOp[]): ContentAnalysis {
  const sequences: MarkedSequence[] = [];
  const open: (MarkedSequence | undefined)[] = [];
  const untagged: [number, number][] = [];
  let text: { start: number; shows: boolean; mixed: boolean } | undefined;
  let path: number | undefined;
  const mark = (what: 'paints' | 'content') => {
    for (const s of open) if (s) s[what] = true;
  };
  ops.forEach((o, index) => {
    const depth = open.length;
    switch (o.op) {
      case 'BDC':
      case 'BMC': {
        for (const s of open) if (s) s.nested = true;
        if (text) text.mixed = true;
        const mcid = o.op === 'BDC' ? /\/MCID\s+(\d+)/.exec(o.operands[1] ?? '')?.[1] : undefined;
        const sequence =
          o.op === 'BDC'
            ? {
                index,
                tag: o.operands[0] ?? '',
                mcid: mcid === undefined ? undefined : Number(mcid),
                paints: false,
                content: false,
                nested: false,
              }
            : undefined;
        if (sequence?.mcid !== undefined) sequences.push(sequence);
        open.push(sequence);
        return;
      }
      case 'EMC':
        if (text) text.mixed = true;
        open.pop();
        return;
      case 'BT':
        text = { start: o.start, shows: false, mixed: depth > 0 };
        return;
      case 'ET':
        if (text && !text.mixed && text.shows && depth === 0) untagged.push([text.start, o.end]);
        text = undefined;
        return;
    }
    if (SHOW_TEXT.has(o.op)) {
      mark('content');
      if (text) text.shows = true;
    } else if (DRAW_OTHER.has(o.op)) {
      mark('content');
      if (depth === 0) untagged.push([o.start, o.end]);
    } else if (PATH_START.has(o.op)) {
      path ??= depth === 0 ? o.start : -1;
    } else if (PATH_PAINT.has(o.op)) {
      if (o.op !== 'n') mark('paints');
      if (path !== undefined && path >= 0 && depth === 0 && o.op !== 'n') untagged.push([path, o.end]);
      path = undefined;
    }
  });
  return { sequences, untagged };
}

/**
 * The stream with each untagged graphics object wrapped in `/Artifact BMC … EMC` and each BDC
 * of `artifacts` (indices into `ops`) replaced by `/Artifact BMC`, every other byte kept.
 */
export function markArtifacts(
  s: string,
  ops: readonly ContentOp[],
  untagged: readonly [number, number][],
  artifacts: readonly number[],
): string {
  const edits: { at: number; end: number; text: string }[] = [];
  for (const [start, end] of untagged) {
    edits.push({ at: start, end: start, text: '/Artifact BMC\n' });
    edits.push({ at: end, end, text: '\nEMC\n' });
  }
  for (const index of artifacts) {
    const o = ops[index];
    if (o?.op !== 'BDC') throw new Error(`operator ${index} is not a BDC`);
    edits.push({ at: o.start, end: o.end, text: '/Artifact BMC' });
  }
  edits.sort((a, b) => a.at - b.at || a.end - b.end);
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += s.slice(from, e.at) + e.text;
    from = e.end;
  }
  return out + s.slice(from);
}
