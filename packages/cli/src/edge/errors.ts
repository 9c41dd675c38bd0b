/**
 * Exit codes of every `briefing` command, documented in the README and in `--help`. A failure
 * is told by its cause, which says where to look:
 * - content: the report is invalid, or a check found something missing (1);
 * - usage: a bad command, flag or argument (2);
 * - input: a report file that cannot be read, is not UTF-8 or is not JSON (2);
 * - io: a file or folder that cannot be written, a busy output folder, the temp folder (2);
 * - browser: no browser for a browser format, or Chromium failed or did not answer (2);
 * - internal: a bug in briefing, an exception none of the above explains (70, "please report").
 */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** The content is invalid, or a check found something missing. */
  invalid: 1,
  /** Usage error, unreadable input, I/O failure, or no browser for a browser format that was asked for. */
  usage: 2,
  /** A bug in briefing (sysexits' EX_SOFTWARE): not the user's input, machine or browser. */
  internal: 70,
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
