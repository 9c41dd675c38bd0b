// The PDF thread's side (pdf-thread.ts): render each report it is sent and send the bytes back.
import { parentPort } from 'node:worker_threads';
import type { Report } from '@briefing/content';
import { type PdfOptions, renderPdf } from '@briefing/pdf';

/** What PdfThread posts: a report it has validated (see PdfThread.render for why it is not checked again). */
type Request = { id: number; report: Report; options: PdfOptions };

parentPort?.on('message', async ({ id, report, options }: Request) => {
  try {
    const data = await renderPdf(report, options);
    parentPort?.postMessage({ id, data }, [data.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).message });
  }
});
