export { type DeckOptions, renderDeck, renderDeckHtml } from './render.js';
