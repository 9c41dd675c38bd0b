import { firstSentenceEnd, type Run } from '@briefing/content';
import { countLines, type Segment, segmentOf, type TextStyle } from './layout.js';

// Rich text cut to fit: into pieces of a number of lines (layout.ts measures them), or after
// its first sentence.

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
    for (const m of run.text.matchAll(/[^ \t\n\r\f]+[ \t\n\r\f]*|[ \t\n\r\f]+/gu)) toks.push({ run, text: m[0] });
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
      const cut = fittingPrefix(tok, (t) => fits([t], limitNow()));
      pieces.push(merge([{ run: tok.run, text: tok.text.slice(0, cut) }]));
      tok = { run: tok.run, text: tok.text.slice(cut) };
    }
    current.push(tok);
  }
  flush();
  return pieces;

  function seg(t: Tok): Segment {
    return segmentOf(t.run, t.text);
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
 * Length (in UTF-16 units, never inside a surrogate pair) of the longest prefix of a token that
 * still fits (by binary search: the lines a prefix takes grow with its length); at least one
 * character.
 */
function fittingPrefix<T extends { text: string }>(tok: T, fits: (t: T) => boolean): number {
  const ends: number[] = [];
  let end = 0;
  for (const ch of tok.text) {
    end += ch.length;
    ends.push(end);
  }
  let lo = 0; // ends[lo] is known to fit, or is the one-character minimum
  let hi = ends.length - 1; // the whole token does not fit
  while (lo < hi - 1) {
    const mid = (lo + hi) >> 1;
    if (fits({ ...tok, text: tok.text.slice(0, ends[mid]) })) lo = mid;
    else hi = mid;
  }
  return ends[lo] as number;
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
