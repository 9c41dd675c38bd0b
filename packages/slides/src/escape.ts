import { type RichText, toRuns } from '@briefing/content';

/**
 * Author text as literal Markdown. CommonMark lets every ASCII punctuation character be
 * backslash-escaped, so escaping all of them leaves nothing for Markdown, Marp or HTML to
 * interpret: `# x`, `---`, `<script>`, `<!-- _class: x -->`, `1.`, `>`, `|`, `$`, `*`, `\`
 * all stay text. White space is folded to single spaces (line breaks are white space in the
 * report model, and a line break in Marp would be a `<br>` or end the block).
 */
export function escapeMarkdown(text: string): string {
  return wellFormed(text)
    .replace(/\s+/gu, ' ')
    .replace(/[!-/:-@[-`{-~]/gu, (c) => `\\${c}`);
}

/** Lone UTF-16 surrogates (possible in JSON, invalid text) become U+FFFD instead of crashing Marp's slugger. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A link destination that Markdown reads back exactly: the few characters that would end it are percent-encoded. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s()<>\\`]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Rich text as inline Markdown: emphasis and links kept, every character of the text literal. */
export function inlineMarkdown(text: RichText): string {
  const out = toRuns(text)
    .map((run) => {
      if (run.type === 'link') {
        const inner = escapeMarkdown(run.text).trim();
        return edge(run.text, 'start') + `[${inner}](${escapeUrl(run.href)})` + edge(run.text, 'end');
      }
      if (!run.emphasis) return escapeMarkdown(run.text);
      // Emphasis delimiters must touch the text: keep surrounding white space outside them.
      const inner = escapeMarkdown(run.text).trim();
      const mark = run.emphasis === 'strong' ? '**' : '*';
      return edge(run.text, 'start') + mark + inner + mark + edge(run.text, 'end');
    })
    .join('');
  return out.replace(/ {2,}/g, ' ').trim();
}

function edge(text: string, side: 'start' | 'end'): string {
  return (side === 'start' ? /^\s/u : /\s$/u).test(text) ? ' ' : '';
}

/** Word joiner: invisible, not white space, breaks up sequences Marp would act on inside a comment. */
const WJ = '\u2060';

/**
 * A speaker-note paragraph inside `<!-- ... -->`. Notes are shown as plain text (never parsed
 * as Markdown), but the comment itself must survive: `-->` would end it early, and a note
 * that reads like `key: value` would be taken as a Marp directive. A word joiner (invisible)
 * defuses both without changing what the presenter reads.
 */
export function noteComment(text: string): string {
  let note = wellFormed(text).replace(/\s+/gu, ' ').trim();
  note = note.replace(/--/g, `-${WJ}-`).replace(/-(?=>)/g, `-${WJ}`);
  if (/^[^\s:]+\s*:/u.test(note)) note = WJ + note;
  if (note.startsWith('>') || note.startsWith('-')) note = WJ + note;
  return `<!-- ${note} -->`;
}

/** Strip the invisible joiners noteComment adds (for comparing note text with the report). */
export function stripJoiners(text: string): string {
  return text.replaceAll(WJ, '');
}

/** A YAML single-quoted scalar: nothing inside is an escape, a quote is doubled. */
export function yamlString(text: string): string {
  return `'${wellFormed(text).replace(/\s+/gu, ' ').replaceAll("'", "''")}'`;
}
