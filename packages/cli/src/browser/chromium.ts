// Chromium as a child process of this one, for the deck's PDF and picture PPTX. It is started
// here rather than by puppeteer's launcher, which keeps to itself what a clear failure and a
// clean stop need: the browser's exit code and stderr (a browser that failed to start was
// reported as "Target closed"), its start-up (its waits added up to twice the protocol
// timeout: two minutes for a browser that never answered) and the folder Chromium makes in
// TMPDIR for itself (an org.chromium.Chromium.* folder, left behind by every kill). Here the
// profile and, when the path is short enough, Chromium's TMPDIR are one folder of ours,
// removed however the session ends; the browser leads a process group of its own, killed
// whole; and puppeteer only speaks DevTools to it, over the process's pipes.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import puppeteer, { type Browser, ProtocolError, TimeoutError } from 'puppeteer-core';
import { CliError, EXIT } from '../edge/errors.js';
import type { Env } from '../edge/io.js';
import { groupRunning } from '../edge/processes.js';
import { processTempDir } from '../edge/temp.js';
import { CHROMIUM_ARGS } from './browser.js';
import { PipeTransport, Tail } from './chromium-pipe.js';
import { shortTemp, socketFolder, TMPDIR_MAX } from './chromium-temp.js';

/** A POSIX locale name for a BCP 47 tag: en-GB → en_GB.UTF-8. */
export function localeOf(lang: string): string {
  const [language, region] = lang.split('-');
  return `${language}${region && /^[A-Za-z]{2}$/.test(region) ? `_${region.toUpperCase()}` : ''}.UTF-8`;
}

/**
 * Whether `work` settled, either way, within `ms`. The timer keeps the process alive while it
 * runs, so an await on a browser that will never answer cannot leave the event loop empty
 * (Node then exits 13, "unsettled top-level await", with nothing said and nothing cleaned up).
 */
export async function settled(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolveExpired) => {
    timer = setTimeout(() => resolveExpired(false), ms);
  });
  try {
    return await Promise.race([work.then(...both(true)), expired]);
  } finally {
    clearTimeout(timer);
  }
}
const both = <T>(value: T) => [() => value, () => value] as const;

/** A promise that rejects when `signal` aborts, and a way to stop listening. */
export function whenAborted(signal: AbortSignal | undefined): { aborted: Promise<never>; dispose: () => void } {
  let dispose = () => {};
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    const onAbort = () => reject(new Error('stopped'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    dispose = () => signal.removeEventListener('abort', onAbort);
  });
  aborted.catch(() => undefined);
  return { aborted, dispose };
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** What a conversion still waiting on the browser gets when the browser is closed under it. */
export class BrowserClosed extends Error {
  constructor() {
    super('the browser was closed');
    this.name = 'BrowserClosed';
  }
}

/** What a browser that did not answer in time is told as: exit 2, saying what to do. */
export function timedOut(path: string, ms: number): CliError {
  return new CliError(
    `briefing: Chromium (${path}) did not answer within ${seconds(ms)}; check CHROME_PATH (it must name a working Chrome or Chromium), or raise BRIEFING_BROWSER_TIMEOUT (in seconds, 60 by default) on a slow machine`,
    EXIT.usage,
  );
}

/** Whether puppeteer gave up waiting: a page operation's timeout, or a request's protocol timeout. */
export function isTimeout(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof ProtocolError && /timed out/.test(error.message));
}

export interface ChromiumOptions {
  /** BCP 47 language of the deck: Chromium's `--lang` and locale, set at start. */
  lang: string;
  /** How long Chromium may take to start, and to answer each request, in milliseconds. */
  timeout: number;
  /** Stops the start: the browser is killed and its folder removed. */
  signal?: AbortSignal | undefined;
  /** The environment Chromium starts in (the command's `io.env`), under the locale set for `lang`. */
  env: Env;
}

type Exit = { code: number | null; signal: NodeJS.Signals | null } | { error: Error };

/**
 * One Chromium process and its folder. `browser` is puppeteer's handle on it; `lost` rejects
 * with the reason if the browser exits before `close()`; `close()` kills it and removes the
 * folder, and always settles within about two seconds.
 */
export class Chromium {
  readonly lost: Promise<never>;
  #exit: Exit | undefined;
  #exited: Promise<void>;
  #closing: Promise<void> | undefined;
  #browser: Browser | undefined;
  readonly #tail = new Tail();

  private constructor(
    readonly path: string,
    readonly dir: string,
    private readonly child: ChildProcess,
    /** Chromium's TMPDIR when it is not `dir` (see shortTemp). */
    private readonly temp?: string,
  ) {
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => this.#tail.add(chunk));
    this.#exited = new Promise<void>((resolveExited) => {
      child.once('exit', (code, signal) => {
        this.#exit ??= { code, signal };
        // What the browser started and left behind goes with it (its group outlives it).
        this.#killGroup();
        resolveExited();
      });
      child.once('error', (error) => {
        this.#exit ??= { error };
        resolveExited();
      });
    });
    this.lost = this.#exited.then(async () => {
      // Its last words come down the pipe just after it has gone.
      await settled(new Promise((r) => child.stderr?.once('close', r)), 200);
      throw this.#closing ? new BrowserClosed() : this.#exitError();
    });
    this.lost.catch(() => undefined);
  }

  /** Start Chromium at `path` and connect to it; rejects with a CliError (exit 2) if it exits or does not answer in time. */
  static async start(path: string, options: ChromiumOptions): Promise<Chromium> {
    const dir = resolve(processTempDir('chromium'));
    const profile = join(dir, 'profile');
    const locale = localeOf(options.lang);
    const temp = dir.length <= TMPDIR_MAX ? undefined : shortTemp();
    let chromium: Chromium;
    try {
      mkdirSync(profile);
      // puppeteer's own flags (tagged PDF, outline, hidden scrollbars, sRGB...), so the output is
      // what its launcher made, plus ours; DevTools over the pipes, never a TCP port.
      const args = [
        ...puppeteer.defaultArgs({
          headless: true,
          args: [...CHROMIUM_ARGS, `--lang=${options.lang}`],
          userDataDir: profile,
        }),
        '--remote-debugging-pipe',
      ];
      const child = spawn(path, args, {
        // A process group of its own: killed whole, and out of reach of the terminal's
        // Ctrl+C, which is this process's to handle.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
        env: {
          ...options.env,
          LC_ALL: locale,
          LANG: locale,
          LANGUAGE: options.lang.replace('-', '_'),
          // Chromium's own temp folder (its process-singleton socket, its temp files) goes in
          // ours, or a short one of ours when the socket's path would not fit in ours (Chromium
          // aborts on one that does not).
          ...(dir.length <= TMPDIR_MAX ? { TMPDIR: dir } : temp ? { TMPDIR: temp } : {}),
        },
      });
      chromium = new Chromium(path, dir, child, temp);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (temp) rmSync(temp, { recursive: true, force: true });
      throw new CliError(`briefing: cannot start Chromium (${path}): ${(error as Error).message}`, EXIT.usage);
    }
    const { aborted, dispose } = whenAborted(options.signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut(path, options.timeout)), options.timeout);
    });
    try {
      const [write, read] = [chromium.child.stdio[3], chromium.child.stdio[4]] as [Writable, Readable];
      const connecting = puppeteer.connect({
        transport: new PipeTransport(write, read),
        protocolTimeout: options.timeout,
      });
      connecting.catch(() => undefined);
      chromium.#browser = await Promise.race([connecting, chromium.lost, aborted, late]);
      return chromium;
    } catch (error) {
      if (options.signal?.aborted) {
        await chromium.close();
        throw error;
      }
      // "Target closed" from the pipe may come before the exit: the exit says more.
      const exited = await chromium.exitError();
      await chromium.close();
      throw exited ?? (isTimeout(error) ? timedOut(path, options.timeout) : error);
    } finally {
      clearTimeout(timer);
      dispose();
    }
  }

  get browser(): Browser {
    if (!this.#browser) throw new Error('Chromium has not started');
    return this.#browser;
  }

  /** Whether the browser is still running (and not being closed). */
  get running(): boolean {
    return this.#exit === undefined && this.#closing === undefined;
  }

  /**
   * Why the browser ended, if it exited by itself (waiting up to `ms` for that). Asked after a
   * request failed with "Target closed": the browser's end of the pipe closed, so it is on its
   * way out, but a loaded machine may tell this process of the exit a good while later (300 ms
   * was once too short under a full test run, and the report said "Target closed" rather than
   * the exit code and the browser's last lines). The wait ends as soon as the exit is known, and
   * is only ever made on the way to an error.
   */
  async exitError(ms = 2000): Promise<CliError | undefined> {
    if (this.#closing) return undefined;
    if (!this.#exit && !(await settled(this.#exited, ms))) return undefined;
    await settled(this.lost, ms);
    return this.#closing ? undefined : this.#exitError();
  }

  #exitError(): CliError {
    const exit = this.#exit;
    const how =
      !exit || 'error' in exit
        ? `could not be started (${exit?.error.message ?? 'unknown error'})`
        : exit.signal
          ? `was killed by ${exit.signal}`
          : `exited with code ${exit.code}`;
    const lines = this.#tail.lines();
    return new CliError(
      `briefing: Chromium (${this.path}) ${how} before the conversion was done; ${
        lines.length ? `the last lines it wrote:\n${lines.map((l) => `  ${l}`).join('\n')}` : 'it wrote nothing'
      }`,
      EXIT.usage,
    );
  }

  /** Kill the browser and everything it started at once (a stop request cannot wait). */
  kill(): void {
    if (this.#exit === undefined) this.#killGroup();
  }

  #killGroup(): void {
    const { pid } = this.child;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }

  /** Kill the browser, wait (briefly) for it to be gone, and remove its profile and temp folder. Never throws. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.kill();
      await settled(
        Promise.resolve().then(() => this.#browser?.disconnect()),
        200,
      );
      await settled(this.#exited, 2000);
      // What it started, killed with its group, may still be on its way out (a loaded machine
      // runs it later): wait for that too, briefly, so that none of it runs once we have gone.
      const group = this.child.pid;
      for (const end = Date.now() + 1000; group !== undefined && groupRunning(group) && Date.now() < end; )
        await new Promise((r) => setTimeout(r, 10));
      try {
        const socket = socketFolder(join(this.dir, 'profile'));
        if (socket) rmSync(socket, { recursive: true, force: true });
        if (this.temp) rmSync(this.temp, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
        rmSync(this.dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
      } catch {
        // Removed by the next build (removeStaleTemp) once this process has gone.
      }
    })();
    return this.#closing;
  }
}
