// Where Chromium keeps its temp files: a folder of ours, so that a killed Chromium leaves
// nothing in the system's temp folder.
import { mkdtempSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The longest TMPDIR for Chromium: its socket goes in `<TMPDIR>/<product>.XXXXXX/SingletonSocket`
 * (about 45 characters for Chromium, more for other builds) and a socket's path holds 107 bytes.
 */
export const TMPDIR_MAX = 107 - 55;

/**
 * The folder of a profile's process-singleton socket when Chromium made it in the system's
 * temp folder (a TMPDIR of ours was too long): named by the profile's SingletonSocket link, and
 * only if it lies directly in that temp folder and holds nothing but the socket and its cookie.
 */
export function socketFolder(profile: string): string | undefined {
  try {
    const folder = dirname(readlinkSync(join(profile, 'SingletonSocket')));
    if (dirname(folder) !== resolve(tmpdir())) return undefined;
    const ours = readdirSync(folder).every((name) => name === 'SingletonSocket' || name === 'SingletonCookie');
    return ours ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** Where shortTemp makes its folders. */
export const SHORT_ROOT = '/tmp';

/**
 * The temp folders whose builds are gone are removed from the build's temp folder (removeStaleTemp);
 * a short one in /tmp is not there when the build's temp folder is deeper, so a build killed
 * with SIGKILL left it behind for good (an empty folder named after its process). Whether
 * /tmp must be swept too: when the build's own temp folder is another.
 */
export const sweepShortRoot = (): boolean => resolve(tmpdir()) !== SHORT_ROOT;

/**
 * A temp folder for Chromium when ours is too deep for its socket: a short one of ours in the
 * system's /tmp, so that what Chromium leaves in its TMPDIR when killed (its socket folder, its
 * `.org.chromium.Chromium.*` files) is still inside a folder we remove. Undefined when /tmp
 * will not have it; Chromium then uses the system temp folder as it would.
 */
export function shortTemp(): string | undefined {
  try {
    return mkdtempSync(join(SHORT_ROOT, `briefing-chromium-${process.pid}-t`));
  } catch {
    return undefined;
  }
}
