import { type RichText, type Run, toRuns } from '@briefing/content';

/**
 * Author text as literal Markdown. CommonMark lets every ASCII punctuation character be
 * backslash-escaped, so escaping all of them leaves nothing for Markdown, Marp or HTML to
 * interpret: `# x`, `---`, `<script>`, `<!-- _class: x -->`, `1.`, `>`, `|`, `$`, `*`, `\`
 * all stay text. White space is folded to single spaces (line breaks are white space in the
 * report model, and a line break in Marp would be a `<br>` or end the block); the no-break
 * spaces stay, as they keep a date or a name on one line.
 */
export function escapeMarkdown(text: string): string {
  return wellFormed(text)
    .replace(/[^\S\u00a0\u2007\u202f]+/gu, ' ')
    .replace(/[!-/:-@[-`{-~]/gu, (c) => `\\${c}`);
}

/** Lone UTF-16 surrogates (possible in JSON, invalid text) become U+FFFD instead of crashing Marp's slugger. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * A link destination that Markdown reads back as the very href the schema gave it (its
 * canonical spelling, see Href): markdown-it still reads `&amp;` in a destination as an entity
 * and parentheses as its bounds, so `&`, `(`, `)` and a backslash are backslash-escaped, which it
 * undoes to the character itself. White space, `<`, `>` and backticks would end or break the
 * destination; no valid href holds them, and they are %-encoded for any other string.
 */
export function escapeUrl(url: string): string {
  return url
    .replace(/[\s<>`]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[&()\\]/gu, (c) => `\\${c}`);
}

/** Possibly punctuation to a CommonMark parser (symbols count in newer versions of the spec). */
const PUNCT_OR_SPACE = /[\s\p{P}\p{S}]/u;
/** Certainly white space or punctuation to any CommonMark parser. */
const SURELY_PUNCT_OR_SPACE = /[\s\p{P}!-/:-@[-`{-~]/u;
/** First and last code points (not UTF-16 units: an emoji is one symbol). */
const firstChar = (s: string): string => String.fromCodePoint(s.codePointAt(0) ?? 32);
const lastChar = (s: string): string | undefined => Array.from(s).at(-1);

/**
 * Rich text as inline Markdown: emphasis and links kept, every character of the text literal.
 * CommonMark only opens emphasis before punctuation when the delimiter follows white space or
 * punctuation (and likewise for closing); where that rule would leave `**` showing, the run
 * is written without emphasis: the words stay exact, only the weight is lost.
 */
export function inlineMarkdown(text: RichText): string {
  // Neighbouring runs with the same emphasis are one run (their delimiters would otherwise merge).
  const runs: Run[] = [];
  for (const run of toRuns(text)) {
    const last = runs.at(-1);
    if (last?.type === 'text' && run.type === 'text' && last.emphasis === run.emphasis) last.text += run.text;
    else runs.push({ ...run });
  }
  const parts = runs.map((run) => ({ run, inner: escapeMarkdown(run.text) }));
  let out = '';
  parts.forEach(({ run, inner }, i) => {
    if (run.type === 'link') {
      out += `${edge(run.text, 'start')}[${inner.trim()}](${escapeUrl(run.href)})${edge(run.text, 'end')}`;
      return;
    }
    if (!run.emphasis) {
      out += inner;
      return;
    }
    const core = inner.trim();
    const before = lastChar(`${out}${edge(run.text, 'start')}`);
    const nextRun = parts[i + 1];
    const after = edge(run.text, 'end') || (nextRun ? firstChar(nextRun.inner) : '');
    const canOpen =
      before !== '*' &&
      (!PUNCT_OR_SPACE.test(firstChar(core)) || before === undefined || SURELY_PUNCT_OR_SPACE.test(before));
    const canClose = !PUNCT_OR_SPACE.test(lastChar(core) ?? '') || after === '' || SURELY_PUNCT_OR_SPACE.test(after);
    const mark = canOpen && canClose ? (run.emphasis === 'strong' ? '**' : '*') : '';
    out += `${edge(run.text, 'start')}${mark}${core}${mark}${edge(run.text, 'end')}`;
  });
  return out.replace(/ {2,}/g, ' ').trim();
}

function edge(text: string, side: 'start' | 'end'): string {
  return (side === 'start' ? /^\s/u : /\s$/u).test(text) ? ' ' : '';
}

/** Word joiner: invisible, not white space, breaks up sequences Marp would act on inside a comment. */
const WJ = '\u2060';

/**
 * How every speaker-note comment begins. Marpit reads each HTML comment as YAML and applies
 * whatever parses to a mapping as directives; a note is one line (white space is folded), and
 * a line that starts with `#` is a YAML comment to its end, so the whole note parses to
 * nothing and can never be a directive, whatever the author wrote (flow or block mappings,
 * sequences, anchors, tags, `key: value`). Marpit's loose-YAML pass only touches lines that
 * start with a directive name, and its "magic comments" (prettier-ignore...) must match the
 * whole text, so the mark defuses those too. The deck's engine removes the mark again
 * (see `notesPlugin` in engine.ts), so presenters never see it.
 */
export const NOTE_MARK = '#';

/**
 * A speaker-note paragraph inside `<!-- ... -->`, kept as plain text: the note mark makes it
 * a YAML comment (never a directive), and a word joiner (invisible) after every `-` that
 * precedes `-` or `>` keeps `-->` from ending the comment early.
 */
export function noteComment(text: string): string {
  const note = wellFormed(text)
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/-(?=[->])/g, `-${WJ}`);
  return `<!-- ${NOTE_MARK} ${note} -->`;
}

/** The note a comment carries when it is one of noteComment's, else undefined. */
export function noteOfComment(content: string): string | undefined {
  if (content === NOTE_MARK) return '';
  return content.startsWith(`${NOTE_MARK} `) ? content.slice(NOTE_MARK.length + 1) : undefined;
}

/** Strip the invisible joiners noteComment adds (for comparing note text with the report). */
export function stripJoiners(text: string): string {
  return text.replaceAll(WJ, '');
}

/** A YAML single-quoted scalar: nothing inside is an escape, a quote is doubled. */
export function yamlString(text: string): string {
  return `'${wellFormed(text).replace(/\s+/gu, ' ').replaceAll("'", "''")}'`;
}
