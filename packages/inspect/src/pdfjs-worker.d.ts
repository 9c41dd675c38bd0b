// pdfjs-dist ships no types for its worker module, which pdfjs.ts loads only for its side effect.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
