import { Marp, type MarpOptions } from '@marp-team/marp-core';
import { chartPlugin } from './chart.js';
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

/**
 * The Marp engine of the deck: marp-core with the fixed options, the briefing theme and the
 * chart plugin. marp-cli loads this module as its `--engine` (default export) for the HTML
 * deck, and the CLI renders the slides' PDF and PPTX with it in Chromium, so every output
 * comes from the same engine and theme.
 */
export class BriefingMarp extends Marp {
  constructor(options: MarpOptions = {}) {
    super({ ...options, ...engineOptions, emoji: { ...options.emoji, ...engineOptions.emoji } });
    this.use(chartPlugin);
    this.themeSet.add(themeCss());
    this.themeSet.default = this.themeSet.get(THEME_NAME);
  }
}

export default BriefingMarp;
