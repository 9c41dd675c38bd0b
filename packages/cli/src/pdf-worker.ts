// The PDF thread's side (pdf-thread.ts): render each report it is sent and send the bytes back.
import { parentPort } from 'node:worker_threads';
import { renderPdf } from '@briefing/pdf';

parentPort?.on('message', async ({ id, report, options }) => {
  try {
    const data = await renderPdf(report, options);
    parentPort?.postMessage({ id, data }, [data.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).message });
  }
});
