export {
  type CoverageResult,
  checkCoverage,
  compact,
  type Expectation,
  expectations,
  type Found,
  type Row,
  tocPattern,
} from './coverage.js';
export { type DeckFacts, readDeckHtml, type SlideFacts } from './deck.js';
export { checkOutputs, formatMatrix } from './matrix.js';
export {
  destinationPage,
  documentText,
  findInOrder,
  joinItems,
  normalise,
  OPS,
  openPdf,
  type PageText,
  type PdfDoc,
  type PdfFacts,
  type PhraseFound,
  readPages,
  readPdf,
  type StructNode,
  structTrees,
  type TextItem,
  walk,
} from './pdf.js';
