// `briefing/internal`: the CLI internals the repository's own tests, benchmarks and scripts
// drive directly (through @briefing/testkit, or by name), so nothing reaches into src/ by
// path. Re-exports only; not a public API.
export { CHROMIUM_ARGS, findBrowser } from './browser.js';
export { type Renderers, realRenderers, runCheck } from './check/run.js';
export { check } from './commands/check.js';
export { type DeckHtmlOptions, deckEngineModule, renderDeckHtml } from './deck-html.js';
export { deckCsp } from './deck-page.js';
export { convertDeck, refusedLoad } from './marp.js';
