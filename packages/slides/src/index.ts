export { CHART_FENCE, chartPlugin, chartSvg } from './chart.js';
export { BriefingMarp, engineOptions } from './engine.js';
export { escapeMarkdown, inlineMarkdown, noteComment, stripJoiners } from './escape.js';
export { fixPdfDates } from './pdf-dates.js';
export { type PptxOptions, renderPptx } from './pptx/index.js';
export { type DeckOptions, type PlannedSlide, planDeck, renderDeck } from './render.js';
export { THEME_NAME, themeCss } from './theme.js';
