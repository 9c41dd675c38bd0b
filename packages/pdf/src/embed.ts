// The faces as a pdfkit document embeds them: registered by name, with their shaping results
// shared across renders.
import type { PDFDoc } from './draw.js';
import { FACE_NAMES, type FaceName, faces } from './fonts.js';

/** The parts of pdfkit's font object (its EmbeddedFont, 0.20) this module reaches. */
interface EmbeddedFont {
  layoutCache?: object;
}

const layoutCaches: Partial<Record<FaceName, object>> = {};

/** pdfkit's font object for `face`, which `doc.font` makes the current font. */
const embedded = (doc: PDFDoc, face: FaceName) => (doc.font(face) as unknown as { _font: EmbeddedFont })._font;

/** Register every face of the PDF with `doc` under its face name. */
export function registerFaces(doc: PDFDoc) {
  const fonts = faces();
  for (const face of FACE_NAMES) {
    doc.registerFont(face, fonts[face] as unknown as string);
    // pdfkit shapes every word again for each document; its shaping results depend only on
    // the font and the text, so one cache per face serves every render in the process.
    const font = embedded(doc, face);
    // Bounded, for long-running processes (watch mode) that render many different reports.
    const cache = layoutCaches[face];
    if (!cache || Object.keys(cache).length > 50_000) layoutCaches[face] = Object.create(null) as object;
    font.layoutCache = layoutCaches[face];
  }
}
