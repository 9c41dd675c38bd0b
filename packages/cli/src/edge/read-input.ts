// Reading a report from whatever its path names: a file, a pipe (`/dev/stdin`), a FIFO, a
// terminal or a device. Nothing here waits in a way a stop request cannot end: a FIFO is
// opened without waiting for a writer and read as a pipe of the event loop, a terminal as a
// terminal, and everything else in chunks, so Ctrl+C and SIGTERM stop a command waiting for
// its input as they stop any other. (A blocking open or read holds one of Node's threads,
// and the process cannot exit until that thread returns: `process.exit` itself waits.) An
// endless input stops at a size cap instead of filling the memory.

import { close, constants, createReadStream, fstat, open, type Stats } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { isatty, ReadStream as TtyReadStream } from 'node:tty';
import { promisify } from 'node:util';
import { CliError, EXIT } from './errors.js';

/** Far more than any report (the briefing is 24 KB; a report at every schema limit is rarer than that). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const openFd = promisify(open);
const statFd = promisify(fstat);

/** Why a path could not be read, in words, from the error's code. */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    // What opening a socket (or a device with nothing behind it) gives.
    case 'ENXIO':
      return 'is a socket or a device with nothing behind it, not a file';
    case 'EAGAIN':
      return 'a device with nothing to read';
    default:
      return code ?? (error as Error).message;
  }
}

/** A stream over an open file descriptor that reads without holding a thread. */
function streamOf(fd: number, stats: Stats): Readable {
  if (stats.isFIFO()) return new Socket({ fd, readable: true, writable: false });
  if (isatty(fd)) return new TtyReadStream(fd);
  return createReadStream('', { fd, highWaterMark: 64 * 1024 });
}

/**
 * Every byte of `path`, or a CliError (exit 2) saying in one line why not: missing, a folder,
 * unreadable, or more than `maxBytes`. A stop request (`signal`) ends the wait at once and
 * rejects with its reason.
 */
export async function readInput(
  path: string,
  shown: string,
  options: { signal?: AbortSignal | undefined; maxBytes?: number } = {},
): Promise<Uint8Array> {
  const { signal, maxBytes = MAX_INPUT_BYTES } = options;
  const fail = (reason: string) => new CliError(`cannot read ${shown}: ${reason}`, EXIT.usage);
  signal?.throwIfAborted();
  let fd: number;
  let stats: Stats;
  try {
    // O_NONBLOCK: opening a FIFO returns at once, writer or not (it changes nothing for a file).
    fd = await openFd(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw fail(why(error));
  }
  try {
    stats = await statFd(fd);
  } catch (error) {
    close(fd, () => undefined);
    throw fail(why(error));
  }
  const tooBig = fail(`larger than ${maxBytes / 1024 / 1024} MB, far more than any report; is it the right file?`);
  if (stats.isDirectory() || (stats.isFile() && stats.size > maxBytes)) {
    close(fd, () => undefined);
    throw stats.isDirectory() ? fail('is a folder') : tooBig;
  }
  const stream = streamOf(fd, stats);
  return await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // Closes the descriptor: a FIFO's or a terminal's read ends with it.
      stream.destroy();
      if (error === undefined) resolve(Buffer.concat(chunks, size));
      else reject(error);
    };
    const onAbort = () => settle(signal?.reason);
    // A stop requested while the file was being opened has already fired its event.
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) settle(tooBig);
      else chunks.push(chunk);
    });
    stream.on('end', () => settle());
    stream.on('error', (error) => settle(fail(why(error))));
  });
}
