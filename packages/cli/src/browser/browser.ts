import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CliError, EXIT } from '../edge/errors.js';

/** Executable names looked up on PATH, in order of preference. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Where Debian's chromium package installs the browser. */
export const FIXED_PATHS: readonly string[] = ['/usr/bin/chromium'];

/** Why `path` is no browser to run, or undefined when it is an executable file. */
function notExecutable(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return 'is not a file';
    accessSync(path, constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : 'is not executable';
  }
}

const isExecutable = (path: string) => notExecutable(path) === undefined;

/**
 * Find a Chromium to drive: CHROME_PATH when it is set, then /usr/bin/chromium, then
 * chromium, chromium-browser or google-chrome on PATH. Never a downloaded browser; undefined
 * when there is none (the caller says so in one line). A CHROME_PATH that names no executable
 * is an error (exit 2, naming it), never passed over for another browser: whoever set it
 * meant that one.
 */
export function findBrowser(
  env: Record<string, string | undefined>,
  { fixedPaths = FIXED_PATHS }: { fixedPaths?: readonly string[] } = {},
): string | undefined {
  if (env.CHROME_PATH) {
    const why = notExecutable(env.CHROME_PATH);
    if (why === undefined) return env.CHROME_PATH;
    throw new CliError(
      `briefing: CHROME_PATH is ${JSON.stringify(env.CHROME_PATH)}, which ${why}: point it at a Chrome or Chromium binary, or unset it to use /usr/bin/chromium or one on PATH`,
      EXIT.usage,
    );
  }
  const candidates: string[] = [...fixedPaths];
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of BROWSER_NAMES) for (const dir of dirs) candidates.push(join(dir, name));
  return candidates.find(isExecutable);
}

/** Launch flags: root needs --no-sandbox (CI runs as root); nothing phones home or updates. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Seconds the browser may take to start, and to answer each request, unless BRIEFING_BROWSER_TIMEOUT says otherwise. */
export const DEFAULT_BROWSER_TIMEOUT = 60;

/** The longest BRIEFING_BROWSER_TIMEOUT: a day (Node's timers stop at about 24.8 days). */
const MAX_BROWSER_TIMEOUT = 86_400;

/**
 * How long the browser may take, in seconds: BRIEFING_BROWSER_TIMEOUT (a number above 0, up to
 * a day; fractions allowed), else 60. Anything else is a usage error (exit 2) naming it.
 */
export function browserTimeout(env: Record<string, string | undefined>): number {
  const raw = env.BRIEFING_BROWSER_TIMEOUT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_BROWSER_TIMEOUT;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(seconds > 0 && seconds <= MAX_BROWSER_TIMEOUT))
    throw new CliError(
      `briefing: BRIEFING_BROWSER_TIMEOUT must be a number of seconds above 0 and at most ${MAX_BROWSER_TIMEOUT}, not ${JSON.stringify(raw)}`,
      EXIT.usage,
    );
  return seconds;
}
