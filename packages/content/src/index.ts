export { ADMITTED_TEXT, characterProblem, isAdmitted, isDrawn, langProblem } from './characters.js';
export { DRAWN, UNCASED } from './charset.js';
export {
  type BlockMap,
  type BlockText,
  blockFields,
  blockProse,
  blockTexts,
  dispatch,
  type Field,
  type FieldRole,
  type Finding,
  openingText,
  reportStats,
  richFields,
} from './fields.js';
export { canonicalHref, hrefProblem } from './href.js';
export { reportJsonSchema, reportToJson } from './json.js';
export { INVISIBLE, normalizeForMatch } from './normalize.js';
export { numberedTitle, type OutlineEntry, outline } from './outline.js';
export {
  assertReport,
  formatPath,
  type ParseResult,
  type Problem,
  parseReport,
  problemsOf,
  ReportValidationError,
} from './parse.js';
export { report, reportInput } from './report.js';
export { contentWords, ledeRestatements, type Restatement, restates, topicWords, words } from './restates.js';
export * from './schema.js';
export {
  chartAltText,
  chartDateLine,
  firstSentenceEnd,
  foldSpace,
  formatDate,
  formatDatumFigure,
  formatDatumShare,
  formatDatumValue,
  formatMonth,
  formatNumber,
  formatSharePercent,
  hasShareSeries,
  itemLead,
  plainText,
  SHARE_SERIES_TITLE,
  toRuns,
  valueSeriesTitle,
} from './text.js';
export { contrastRatio, type DesignTokens, luminance, tokens } from './tokens.js';
export { escapeXml, fixedDate, isoSeconds, xmlSafe, zipTime } from './xml.js';
