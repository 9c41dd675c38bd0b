// The report's TypeScript module loaded on a thread of its own, for watch: a module that never
// finishes loading (a loop, an await that never settles) holds up that thread only, so the
// preview keeps answering and Ctrl+C keeps working, and the load is given up after a while.
import { Worker } from 'node:worker_threads';
import type { Problem } from '@briefing/content';

/** What loading a module gave: its `reportInput`, or why there is none. */
export type Loaded = { ok: true; reportInput: unknown } | { ok: false; message: string; problems?: Problem[] };

type Reply =
  | { ready: true }
  | { id: number; reportInput: unknown }
  | { id: number; message: string; problems?: Problem[] };

/** How long a module may take to load before it is given up, in ms (the packaged report takes about 0.2 s). */
export const LOAD_TIMEOUT_MS = 10_000;

/**
 * The thread's code. tsx loads the TypeScript source afresh on every call, so each save is
 * seen. A thread does not get the loader hooks the process registered, and needs none: tsx's
 * `tsImport` brings its own.
 */
const threadCode = (tsx: string) => `
import { parentPort } from 'node:worker_threads';
import { tsImport } from ${JSON.stringify(tsx)};
parentPort.on('message', async ({ id, href, parent }) => {
  try {
    const mod = await tsImport(href, parent);
    parentPort.postMessage({ id, reportInput: mod.reportInput });
  } catch (error) {
    const problems = Array.isArray(error?.problems) ? error.problems : undefined;
    try {
      parentPort.postMessage({ id, message: String(error?.message ?? error), problems });
    } catch {
      parentPort.postMessage({ id, message: String(error?.message ?? error) });
    }
  }
});
parentPort.postMessage({ ready: true });
`;

/**
 * Loads report modules on one worker thread, started on the first load. A load that has not
 * finished after `timeoutMs` ends the thread (a loop cannot be interrupted any other way)
 * and fails; the next load starts a new one. `close()` ends the thread and fails a load in
 * progress, and any later one, at once.
 */
export class ModuleThread {
  #worker: Worker | undefined;
  /** Resolves once the thread has started (tsx loaded): a load's time is counted from then. */
  #ready: Promise<void> = Promise.resolve();
  #next = 0;
  #waiting: { id: number; settle: (loaded: Loaded) => void } | undefined;
  #closed = false;

  constructor(readonly timeoutMs = LOAD_TIMEOUT_MS) {}

  /** The module at `href` (a file URL), imported as if from `parent`; one load at a time. */
  load(href: string, parent: string): Promise<Loaded> {
    if (this.#closed) return Promise.resolve({ ok: false, message: 'stopped' });
    this.#waiting?.settle({ ok: false, message: 'a newer load was started' });
    const worker = this.#start();
    const id = this.#next++;
    return new Promise<Loaded>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      this.#waiting = {
        id,
        settle: (loaded) => {
          clearTimeout(timer);
          this.#waiting = undefined;
          resolve(loaded);
        },
      };
      worker.postMessage({ id, href, parent });
      void this.#ready.then(() => {
        if (this.#waiting?.id !== id) return;
        timer = setTimeout(() => {
          void this.#end({
            ok: false,
            message: `the report module did not finish loading within ${this.timeoutMs / 1000} s`,
          });
        }, this.timeoutMs);
      });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const tsx = import.meta.resolve('tsx/esm/api');
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(threadCode(tsx))}`));
    worker.unref();
    let started!: () => void;
    this.#ready = new Promise((resolve) => {
      started = resolve;
    });
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return started();
      if (reply.id !== this.#waiting?.id) return;
      this.#waiting.settle(
        'message' in reply
          ? { ok: false, message: reply.message, ...(reply.problems ? { problems: reply.problems } : {}) }
          : { ok: true, reportInput: reply.reportInput },
      );
    });
    // The module ended its thread (process.exit), or the thread failed: this load fails, the next starts another.
    const lost = (why: string) => {
      started();
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#waiting?.settle({ ok: false, message: why });
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`the report module ended its thread (exit code ${code})`));
    this.#worker = worker;
    return worker;
  }

  /** End the thread, failing a load in progress with `loaded`. */
  #end(loaded: Loaded): Promise<number | undefined> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#waiting?.settle(loaded);
    return worker ? worker.terminate() : Promise.resolve(undefined);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#end({ ok: false, message: 'stopped' });
  }
}
