// `briefing/internal`: the CLI internals the repository's own tests, benchmarks and scripts
// drive directly (through @briefing/testkit, or by name), so nothing reaches into src/ by
// path. Re-exports only; not a public API.
export { CHROMIUM_ARGS, findBrowser } from './browser/browser.js';
export { TMPDIR_MAX } from './browser/chromium-temp.js';
export { type DeckHtmlOptions, deckEngineModule, renderDeckHtml } from './browser/deck-html.js';
export { deckCsp } from './browser/deck-page.js';
export { convertDeck, DeckBrowser, refusedLoad } from './browser/marp.js';
export { check } from './commands/check.js';
export { type Renderers, realRenderers, runCheck } from './outputs/check-run.js';
export { type Deck, deckOf } from './outputs/outputs.js';
