// What a Chromium process says: DevTools messages over its pipes (`--remote-debugging-pipe`),
// and the last lines it wrote, which tell why it ended.
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/** DevTools over the browser's pipes (`--remote-debugging-pipe`): fd 3 in, fd 4 out, messages ended by NUL. */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  #closed = false;
  #ended = false;
  #pending: Buffer[] = [];

  constructor(
    private readonly out: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.#read(chunk));
    input.on('close', () => this.#end());
    input.on('error', () => this.#end());
    // A write to a browser that has gone fails with EPIPE: the close above says so.
    out.on('error', () => this.#end());
  }

  send(message: string): void {
    if (!this.#closed) this.out.write(`${message}\0`);
  }

  close(): void {
    this.#closed = true;
  }

  #read(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end === -1) {
      this.#pending.push(chunk);
      return;
    }
    let start = 0;
    let message: Buffer = Buffer.concat([...this.#pending, chunk.subarray(0, end)]);
    this.#pending = [];
    for (;;) {
      this.onmessage?.(message.toString('utf8'));
      start = end + 1;
      end = chunk.indexOf(0, start);
      if (end === -1) break;
      message = chunk.subarray(start, end);
    }
    if (start < chunk.length) this.#pending.push(chunk.subarray(start));
  }

  /** The browser's end of the pipes has gone: puppeteer is told once, and its requests fail. */
  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#closed = true;
    this.onclose?.();
  }
}

/** The last lines a process wrote (stdout and stderr together), for telling why it ended. */
export class Tail {
  #lines: string[] = [];
  #partial = '';
  constructor(readonly keep = 8) {}
  add(chunk: Buffer): void {
    const lines = (this.#partial + chunk.toString('utf8')).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) this.#push(line);
  }
  lines(): string[] {
    return [...this.#lines, ...(this.#partial.trim() ? [this.#partial] : [])].slice(-this.keep);
  }
  #push(line: string): void {
    if (line.trim() === '') return;
    this.#lines.push(line.length > 300 ? `${line.slice(0, 300)}…` : line);
    if (this.#lines.length > this.keep) this.#lines.shift();
  }
}
