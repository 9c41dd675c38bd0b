export { IGNORABLE, normaliseText, unsupportedCharacters } from './coverage.js';
export { geometry, type PageGeometry, type Paper } from './geometry.js';
export { SOURCES_ID } from './parts.js';
export { type PdfOptions, renderPdf } from './render.js';
