import { assertReport } from '@briefing/content';

export interface PdfOptions {
  /** Paper size; A4 by default. */
  paper?: 'a4' | 'letter';
}

/** Render a report into a PDF briefing. Pure: no file I/O; validates the report first. (stub) */
export async function renderPdf(input: unknown, _options: PdfOptions = {}): Promise<Uint8Array> {
  assertReport(input);
  throw new Error('renderPdf: not implemented yet');
}
