/**
 * Runs a job on request, never two at once: requests that arrive while a run is in
 * progress are coalesced into one more run after it. `idle()` resolves when nothing is
 * running or pending.
 */
export class Rebuilder {
  #running = false;
  #pending = false;
  #waiters: (() => void)[] = [];
  runs = 0;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  request(): void {
    if (this.#running) {
      this.#pending = true;
      return;
    }
    void this.#loop();
  }

  /** Whether a request came in while the current run was running: another run follows this one. */
  get pending(): boolean {
    return this.#pending;
  }

  idle(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async #loop(): Promise<void> {
    this.#running = true;
    try {
      do {
        this.#pending = false;
        this.runs++;
        try {
          await this.job();
        } catch (error) {
          // A failed run must not stop the watcher: report it and wait for the next save.
          this.onError(error);
        }
      } while (this.#pending);
    } finally {
      this.#running = false;
      for (const resolve of this.#waiters.splice(0)) resolve();
    }
  }
}
