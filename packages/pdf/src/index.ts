export { type Face, PDF_FACES, ttfCharacters } from './fonts.js';
export { geometry, type PageGeometry, type Paper } from './geometry.js';
export { SOURCES_ID } from './parts.js';
export { type PdfOptions, renderPdf } from './render.js';
