// Where briefing may write. Only regular files and new names, in a folder the user named
// that is not one of the system's own: a write is a temp file renamed over its target, and a
// rename over a device, a FIFO or a socket replaces it (as root, `--out /dev/null` left a
// regular file where the null device was). Paths are judged by what they really are, links
// followed, so a link is no way around either rule.

import type { Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { CliError, EXIT } from '../edge/errors.js';

/**
 * The system's own folders, by real path: a folder briefing never writes into, nor makes a
 * folder in. (With a merged /usr, /bin and /lib are links whose real paths are here too.)
 */
const SYSTEM_FOLDERS = new Set([
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/lib32',
  '/usr/lib64',
  '/usr/libexec',
  '/usr/local/bin',
  '/usr/local/sbin',
  '/usr/sbin',
  '/var',
  '/var/lib',
  '/var/log',
]);

/** Whether a real path is the root of its file system tree or one of the system's folders. */
export function isSystemFolder(real: string): boolean {
  return parse(real).root === real || SYSTEM_FOLDERS.has(real);
}

/** What a file system entry is, in words. */
export function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * The real path of `path`, whose end may not exist yet: its nearest existing folder resolved
 * (links followed), the rest added back. `made` is that existing folder when part is missing.
 */
async function realPathOf(path: string): Promise<{ real: string; made?: string }> {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      const real = await realpath(at);
      return missing.length === 0 ? { real } : { real: join(real, ...missing.reverse()), made: real };
    } catch (error) {
      const up = dirname(at);
      if (code(error) !== 'ENOENT' || up === at) throw error;
      missing.push(basename(at));
      at = up;
    }
  }
}

/** A refusal: one line, exit 2. `who` is the command's prefix ("briefing build"). */
const refuse = (who: string, message: string) => new CliError(`${who}: ${message}`, EXIT.usage);

/** Errors of the checks themselves (a path through a file, say): one line, exit 2. */
async function checked<T>(who: string, shown: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CliError) throw error;
    const why = code(error) === 'ENOTDIR' ? 'a part of the path is not a folder' : (error as Error).message;
    throw refuse(who, `cannot write into ${shown}: ${why}`);
  }
}

/**
 * Check a folder briefing is to write into (build's `--out`, the folder of export's file):
 * a folder or not there yet, neither it nor the folder it would be made in a system folder.
 * Returns its real path; a CliError (exit 2) says why not.
 */
export async function writableFolder(dir: string, shown: string, who: string): Promise<string> {
  return checked(who, shown, async () => {
    const { real, made } = await realPathOf(dir);
    if (isSystemFolder(real))
      throw refuse(who, `refusing to write into ${shown}: ${real} is a system folder; name a folder of your own`);
    if (made !== undefined && isSystemFolder(made))
      throw refuse(
        who,
        `refusing to make ${shown} inside ${made}, a system folder; make the folder yourself first if you mean it`,
      );
    if (made === undefined) {
      const stats = await stat(real);
      if (!stats.isDirectory()) throw refuse(who, `cannot write into ${shown}: it is ${kindOf(stats)}, not a folder`);
    }
    return real;
  });
}

/**
 * Check a file briefing is to replace (export's `--out`): not there yet, or a regular file.
 * Returns the path to write: a link's target, so that the link stays a link. A device, a
 * FIFO, a socket, a folder or a link to any of those (or to nothing) is refused.
 */
export async function replaceableFile(path: string, shown: string, who: string): Promise<string> {
  return checked(who, shown, async () => {
    let stats: Stats;
    try {
      stats = await lstat(path);
    } catch (error) {
      if (code(error) === 'ENOENT') return path;
      throw error;
    }
    if (stats.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (target === undefined) throw refuse(who, `refusing to write ${shown}: it is a symbolic link to nothing`);
      stats = target;
    }
    if (!stats.isFile())
      throw refuse(who, `refusing to write ${shown}: it is ${kindOf(stats)}, not a file; briefing writes only files`);
    return realpath(path);
  });
}

/**
 * Why an output's name in a folder cannot be replaced by a rename, or undefined when it can:
 * nothing is there, or a file, or a link (the rename replaces the link, never its target).
 */
export async function unreplaceable(path: string): Promise<string | undefined> {
  const stats = await lstat(path).catch((error: unknown) => {
    if (code(error) === 'ENOENT') return undefined;
    throw error;
  });
  if (stats === undefined || stats.isFile() || stats.isSymbolicLink()) return undefined;
  return `it is ${kindOf(stats)}, not a file; briefing replaces only files (remove it, or choose another folder)`;
}
