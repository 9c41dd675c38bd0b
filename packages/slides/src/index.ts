export { FACE_SETS, type FaceSetName, HTML_METRICS, type Metrics, NAMED_FACES } from './layout/faces.js';
export { DECK_FACES, type DeckFace, deckCharacters } from './layout/fonts.js';
export { CHART_FENCE, chartPlugin, chartSvg } from './markdown/chart.js';
export { BriefingMarp, engineOptions } from './markdown/engine.js';
export { escapeMarkdown, inlineMarkdown, noteComment, stripJoiners } from './markdown/escape.js';
export { deckMarkdown } from './markdown/markdown.js';
export { THEME_NAME, themeCss } from './markdown/theme.js';
export {
  EDITORIAL,
  type EditorialFinding,
  type EditorialRule,
  editorialCheck,
  formatFinding,
  PRINT_PHRASES,
  printReference,
  RULES as EDITORIAL_RULES,
  wordCount,
} from './plan/editorial/index.js';
export { type PptxOptions, PptxTemplateError, planPptx, renderPptx } from './pptx/index.js';
export { layoutName } from './pptx/masters.js';
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
