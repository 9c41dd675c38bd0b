/** Find a Chromium to drive: CHROME_PATH, then /usr/bin/chromium, chromium-browser, google-chrome. (stub) */
export function findBrowser(_env: Record<string, string | undefined>): string | undefined {
  return undefined;
}
