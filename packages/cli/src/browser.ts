import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Executable names looked up on PATH, in order of preference. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Where Debian's chromium package installs the browser. */
export const FIXED_PATHS: readonly string[] = ['/usr/bin/chromium'];

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Find a Chromium to drive: CHROME_PATH when it points at an executable, then
 * /usr/bin/chromium, then chromium, chromium-browser or google-chrome on PATH.
 * Never a downloaded browser; undefined when there is none (the caller says so in one line).
 */
export function findBrowser(
  env: Record<string, string | undefined>,
  { fixedPaths = FIXED_PATHS }: { fixedPaths?: readonly string[] } = {},
): string | undefined {
  const candidates: string[] = [];
  if (env.CHROME_PATH) candidates.push(env.CHROME_PATH);
  candidates.push(...fixedPaths);
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
