import { ReportValidationError } from '@briefing/content';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { exportCommand } from './commands/export.js';
import { listCommand } from './commands/list.js';
import { newCommand } from './commands/new.js';
import { validateCommand } from './commands/validate.js';
import { watchCommand } from './commands/watch.js';
import type { Command } from './edge/command.js';
import { CliError, EXIT, type ExitCode } from './edge/errors.js';
import type { Io } from './edge/io.js';

/** Every command, in the order `briefing --help` lists them; each brings its name, summary and help. */
const COMMANDS: readonly Command<unknown>[] = [
  buildCommand,
  checkCommand,
  exportCommand,
  watchCommand,
  validateCommand,
  newCommand,
  listCommand,
];
const commands = new Map(COMMANDS.map((c) => [c.name, c]));

/** The command of that name; only a real one, so `toString` or `__proto__` is an unknown command. */
function commandNamed(name: string | undefined): Command<unknown> | undefined {
  return name === undefined ? undefined : commands.get(name);
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: briefing <command> [options]

Publish the briefings of the workspace (the packaged one in @briefing/content, and each
reports/<id>/: see "briefing list") as slide decks and PDF briefings.

Commands:
${lines.join('\n')}

Exit codes: 0 ok; 1 invalid content or failed check; 2 usage, input, I/O or browser;
70 internal error (a bug: please report it); 130/143 stopped by Ctrl+C/SIGTERM.
Run "briefing <command> --help" for a command's options.
`;
}

/**
 * What a terminal would act on rather than show: C0 controls but line feed and tab (an ESC
 * starts a colour or title sequence, a CR overwrites the line), DEL, C1 controls, the bidi
 * controls (they reorder the rest of the line) and unpaired surrogates.
 */
const TERMINAL_UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]|\p{Bidi_Control}/gu;

/**
 * Text as the terminal may receive it: every unsafe character written as `\u001b`-style text.
 * Inside a JSON string that is the same escape JSON uses, so JSON output stays the same value.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Io commands get: everything they print passes through `terminalSafe`, whatever it echoes. */
function safeIo(io: Io): Io {
  return {
    ...io,
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
  };
}

/** Run the CLI in-process and return its exit code. Never throws, never exits. */
export async function main(argv: string[], rawIo: Io): Promise<ExitCode> {
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  const helpFor = name === 'help' ? commandNamed(rest[0]) : undefined;
  if (helpFor) {
    io.stdout(helpFor.help);
    return EXIT.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commandNamed(name);
  if (!command) {
    io.stderr(`briefing: unknown command "${name}". Commands: ${[...commands.keys()].join(', ')}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A stop request ends any command at once; the outputs stay as they were.
    if (io.signal?.aborted) {
      const reason = String(io.signal.reason);
      io.stderr(
        `briefing ${name}: stopped (${reason === 'SIGTERM' ? 'SIGTERM' : 'Ctrl+C'}); outputs left as they were\n`,
      );
      return reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
    }
    return failure(name, error, io);
  }
}

/** Whether `error` is one Node raises for a failed system call (ENOENT, EACCES, ENOSPC...). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const e = error as NodeJS.ErrnoException | null;
  return e instanceof Error && typeof e.code === 'string' && typeof e.syscall === 'string';
}

/**
 * A command's failure, told by its cause (errors.ts): the report's problems (1), a CliError's
 * own line and code (usage, input, I/O, browser), a failed system call nothing caught (I/O, 2),
 * and anything else as what it is, a bug in briefing: exit 70, asking for a report, with the
 * stack only under BRIEFING_DEBUG.
 */
export function failure(name: string, error: unknown, io: Pick<Io, 'env' | 'stderr'>): ExitCode {
  if (error instanceof ReportValidationError) {
    io.stderr(`${error.message}\n`);
    return EXIT.invalid;
  }
  if (error instanceof CliError) {
    io.stderr(`${error.message}\n`);
    return error.exitCode;
  }
  if (isSystemError(error)) {
    io.stderr(`briefing ${name}: ${error.message}\n`);
    return EXIT.usage;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  io.stderr(`briefing ${name}: internal error, please report it: ${e.message}\n`);
  if (io.env.BRIEFING_DEBUG) io.stderr(`${e.stack}\n`);
  else io.stderr('(run again with BRIEFING_DEBUG=1 to see where it happened)\n');
  return EXIT.internal;
}
