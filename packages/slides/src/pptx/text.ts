import { type Run, xmlSafe } from '@briefing/content';
import type { TextProps } from './pptxgenjs.js';
import { color } from './units.js';

// The XML-safe cleaner is content's (one rule for every writer); build.ts takes it from here.
export { xmlSafe };

/**
 * White space as the HTML deck shows it: a run of spaces, tabs and line breaks is one space
 * (CSS collapses it; PowerPoint would keep every space, and a line break would start a new
 * paragraph). No-break spaces stay: they keep a date or a name on one line in both.
 */
export const collapse = (text: string) => xmlSafe(text).replace(/[ \t\n\r\f]+/gu, ' ');

/** The type of a text box: face, size (pt), colour, language; bold for the heading faces. */
export interface Type {
  fontFace: string;
  fontSize: number;
  color: string;
  lang: string;
  bold?: boolean;
}

/**
 * Rich-text runs as pptxgenjs text runs: strong emphasis bold in the accent colour (as the
 * theme's `strong`), emphasis italic, links live (underlined, in the link colour, with the
 * address as their target).
 *
 * A link is written a run a word, each with its space after it and the same address.
 * LibreOffice reads a linked run as one text field, and never breaks a field at its spaces:
 * one that does not fit the rest of a line moves whole to the next, and one wider than a
 * line is cut anywhere and ends its line, so a table cell or text box took more lines than
 * the plan counted and printed over what lies under it. Cut at the spaces the plan breaks
 * at, every field is one of the plan's words, and the line counts hold; PowerPoint shows the
 * runs as one link.
 */
export function textRuns(runs: readonly Run[], type: Type): TextProps[] {
  return runs
    .map((run) => ({ run, text: collapse(run.text) }))
    .filter(({ text }) => text !== '')
    .flatMap(({ run, text }): TextProps[] => {
      const base = { ...type };
      if (run.type === 'link') {
        const options: TextProps['options'] = {
          ...base,
          color: color.link,
          underline: { style: 'sng' },
          hyperlink: { url: xmlSafe(run.href) },
        };
        return (text.match(LINK_WORDS) ?? []).map((word) => ({ text: word, options: { ...options } }));
      }
      if (run.emphasis === 'strong') return [{ text, options: { ...base, bold: true, color: color.accent } }];
      if (run.emphasis === 'em') return [{ text, options: { ...base, italic: true } }];
      return [{ text, options: base }];
    });
}

/** A link's words, each with the (collapsed) space after it; a space it starts with on its own. */
const LINK_WORDS = /[^ ]+ ?| /gu;

/** A paragraph's runs with the white space at its ends removed, as CSS drops it at a line's start and end. */
export function trimmed(runs: TextProps[]): TextProps[] {
  const out = runs.map((r) => ({ ...r }));
  const first = out[0];
  if (first?.text !== undefined) first.text = first.text.replace(/^ +/u, '');
  const last = out.at(-1);
  if (last?.text !== undefined) last.text = last.text.replace(/ +$/u, '');
  return out.filter((r) => r.text !== '');
}

/** The plain text of runs, as the paragraph shows it. */
export const plain = (runs: readonly TextProps[]) => runs.map((r) => r.text ?? '').join('');
