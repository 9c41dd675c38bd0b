export { IGNORABLE, normaliseText, unsupportedCharacters } from './coverage.js';
export { geometry, type PageGeometry, type Paper } from './geometry.js';
export { type PdfOptions, renderPdf, SOURCES_ID } from './render.js';
