// The PDF briefing rendered on a thread of its own, for watch: the slides' HTML (marp-cli, on
// the main thread) and the PDF are made side by side after a save instead of one after the
// other. The thread loads the renderer and its fonts once and keeps them.
import { Worker } from 'node:worker_threads';
import type { Report } from '@briefing/content';
import type { PdfOptions } from '@briefing/pdf';

type Reply = { id: number; data: Uint8Array } | { id: number; error: string };

/**
 * The thread, running the sibling module: JavaScript once built; from source (tests, `npx
 * briefing` before a build) TypeScript, which the thread loads through tsx's loader, registered
 * on the thread first (a thread does not get the hooks the process registered).
 */
function spawn(): Worker {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return new Worker(new URL('./pdf-worker.js', self));
  const code = [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};`,
    'register();',
    `await import(${JSON.stringify(new URL('./pdf-worker.ts', self).href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

/** Renders PDFs on one worker thread, started on the first render and ended by `close()`. */
export class PdfThread {
  #worker: Worker | undefined;
  #next = 0;
  readonly #waiting = new Map<number, { resolve: (data: Uint8Array) => void; reject: (error: Error) => void }>();

  /**
   * renderPdf on the thread (the same module, so the same bytes). The report crosses the
   * thread by structured clone and is not validated again there: the thread is not a trust
   * boundary (only this process posts to it, a report this process has validated), and a
   * structured clone of plain JSON data (a Report holds only objects, arrays, strings, numbers
   * and booleans) is the same value, so checking it twice would cost a schema pass per save
   * and prove nothing new.
   */
  render(report: Report, options: PdfOptions): Promise<Uint8Array> {
    const worker = this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, report, options });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = spawn();
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.data);
    });
    const fail = (error: Error) => {
      for (const { reject } of this.#waiting.values()) reject(error);
      this.#waiting.clear();
      this.#worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the PDF thread stopped (exit ${code})`)));
    this.#worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }
}
