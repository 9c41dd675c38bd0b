export { type PdfOptions, renderPdf } from './render.js';
