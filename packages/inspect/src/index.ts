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
export { type Fact, factsOffScreen, sectionFacts, sectionSlides, textFacts } from './facts.js';
export { checkOutputs, formatMatrix } from './matrix.js';
export { OPS, openPdf, type PdfDoc, type PdfFacts, readPdf } from './pdf.js';
export {
  destinationPage,
  documentText,
  findInOrder,
  joinItems,
  normalise,
  type PageText,
  type PhraseFound,
  readPages,
  type StructNode,
  structTrees,
  type TextItem,
  walk,
} from './pdf-pages.js';
export {
  formatNumberCode,
  type PptxChart,
  type PptxFacts,
  type PptxShape,
  type PptxSlideFacts,
  readPptx,
} from './pptx.js';
export { all, first, paragraphs, parseXml, type XmlNode } from './xml.js';
