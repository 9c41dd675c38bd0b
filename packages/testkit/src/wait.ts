// Waiting in tests for something a real process, server or watcher does in its own time.

export interface WaitOptions {
  /** How long to wait before giving up, in ms. */
  ms?: number;
  /** How often to look, in ms. */
  every?: number;
  /** What to print under the time-out, e.g. what the process wrote so far. */
  log?: () => string;
}

/**
 * Look with `probe` until it gives a value (anything but `undefined` or `false`) and return
 * that value; after `ms` throw "timed out waiting for <what>", with `log()` under it.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { ms = 30_000, every = 50, log }: WaitOptions = {},
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= end) {
      const printed = log?.();
      throw new Error(`timed out waiting for ${what}${printed ? `\n${printed}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}
