/** Exit codes of every `briefing` command, documented in the README and in `--help`. */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** The content is invalid, or a check found something missing. */
  invalid: 1,
  /** Usage error, unreadable input, I/O failure, or no browser for a browser format that was asked for. */
  usage: 2,
  /** Stopped by Ctrl+C (SIGINT): 128 + 2, as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as plain lines (no stack trace) with a given exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.usage) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
