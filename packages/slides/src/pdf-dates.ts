import { PDFDocument } from 'pdf-lib';

/**
 * A PDF with its Info dates (CreationDate, ModDate) fixed to `date` (YYYY-MM-DD, midnight UTC)
 * and everything else kept: marp-cli stamps the conversion time, which would make two
 * builds of the same deck differ. Pure: bytes in, bytes out.
 */
export async function fixPdfDates(pdf: Uint8Array, date: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const when = new Date(`${date}T00:00:00Z`);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return await doc.save({ useObjectStreams: true, updateFieldAppearances: false });
}
