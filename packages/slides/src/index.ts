export { CHART_FENCE, chartPlugin, chartSvg } from './chart.js';
export { BriefingMarp, engineOptions } from './engine.js';
export { escapeMarkdown, inlineMarkdown, noteComment, stripJoiners } from './escape.js';
export { DECK_FACES, type DeckFace, deckCharacters } from './fonts.js';
export { deckMarkdown } from './markdown.js';
export { type PptxOptions, renderPptx } from './pptx/index.js';
export {
  type BulletItem,
  type DeckOptions,
  type DeckPlan,
  type DeckSlide,
  planDeck,
  renderDeck,
  type SlideElement,
  type SlideKind,
  STRUCTURAL,
  type TitleParts,
  WORDS_PER_MINUTE,
} from './render.js';
export { THEME_NAME, themeCss } from './theme.js';
