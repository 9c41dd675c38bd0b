import { Marp, type MarpOptions } from '@marp-team/marp-core';
import { chartPlugin } from './chart.js';
import { noteOfComment } from './escape.js';
import { THEME_NAME, themeCss } from './theme.js';

/**
 * Engine options every output uses (in-process render, the marp-cli HTML deck, PDF and PPTX):
 * raw HTML off, emoji shortcodes and images off, math off. Author text is escaped before it
 * reaches Marp; these settings make sure nothing that slipped through is interpreted either.
 */
export const engineOptions = {
  html: false,
  math: false,
  emoji: { shortcode: false, unicode: false },
  minifyCSS: false,
} satisfies MarpOptions;

interface CommentToken {
  type: string;
  content: string;
}

/** Minimal shape of the markdown-it instance the notes plugin touches. */
interface CoreRulerLike {
  core: { ruler: { after: (name: string, rule: string, fn: (state: { tokens: CommentToken[] }) => void) => void } };
}

/**
 * markdown-it plugin: a speaker note written by noteComment reaches the presenter without its
 * note mark. It runs after block parsing, when Marpit has already decided (from the marked
 * text, which YAML reads as a comment) that the note is no directive; only what is shown changes.
 */
export function notesPlugin(md: CoreRulerLike): void {
  md.core.ruler.after('block', 'briefing_notes', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'marpit_comment') continue;
      const note = noteOfComment(token.content);
      if (note !== undefined) token.content = note;
    }
  });
}

/**
 * The Marp engine of the deck: marp-core with the fixed options, the briefing theme and the
 * chart plugin. marp-cli loads this module (`@briefing/slides/engine`) as its `--engine`
 * (default export) for the HTML deck the CLI makes, and the CLI renders the slides' PDF and
 * PPTX with it in Chromium, so every output comes from the same engine and theme.
 */
export class BriefingMarp extends Marp {
  constructor(options: MarpOptions = {}) {
    super({ ...options, ...engineOptions, emoji: { ...options.emoji, ...engineOptions.emoji } });
    this.use(chartPlugin);
    this.use(notesPlugin);
    // The theme is read from its CSS once per process: with the embedded faces that CSS is
    // about 500 kB, and reading it took half of each render (about 44 ms of 82). Every engine
    // reads it with the same options (engineOptions), so each can share the one read.
    theme ??= this.themeSet.add(themeCss());
    if (this.themeSet.get(THEME_NAME) !== theme) this.themeSet.addTheme(theme);
    this.themeSet.default = theme;
  }
}

/** The briefing theme as the first engine read it (see BriefingMarp). */
let theme: ReturnType<Marp['themeSet']['add']> | undefined;

export default BriefingMarp;
