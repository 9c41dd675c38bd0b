import { parseArgs } from 'node:util';
import { CliError, EXIT, type ExitCode } from './errors.js';
import type { Io } from './io.js';

/** One option of a command, as node:util parseArgs takes it (one value each; the last one given wins). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed value of each option: a string or a boolean by its `type`, undefined when not given. */
export type OptionValues<O extends OptionSpecs> = {
  -readonly [K in keyof O]: (O[K]['type'] extends 'boolean' ? boolean : string) | undefined;
};

export interface CommandSpec<O extends OptionSpecs, D> {
  name: string;
  /** One line for `briefing --help`. */
  summary: string;
  /** The whole text of `briefing <name> --help`. */
  help: string;
  /** The command's options; `-h, --help` is every command's and is handled here. */
  options: O;
  /** How many positional arguments it takes (default none). */
  positionals?: number;
  /** What the command reaches outside the process for, when a test does not swap it. */
  deps?: D;
  run(values: OptionValues<O>, positionals: string[], io: Io, deps: D): Promise<ExitCode>;
}

export interface Command<D = undefined> {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /**
   * Parse `argv` strictly, print the help for `--help`, else run: an unknown flag is exit 2.
   * `deps` (tests only) replaces what the command reaches outside the process for.
   */
  run(argv: readonly string[], io: Io, deps?: D): Promise<ExitCode>;
}

/**
 * A command from its options and what it does with them: the option values reach `run`
 * typed by the options' `type` (`string | undefined`, `boolean | undefined`), with no casts.
 * Parsing is strict: an unknown flag, a missing value or one positional too many is a usage
 * error naming the command (exit 2).
 */
export function defineCommand<const O extends OptionSpecs, D = undefined>(spec: CommandSpec<O, D>): Command<D> {
  const allowed = spec.positionals ?? 0;
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    run: async (argv, io, deps) => {
      const { values, positionals } = parseCommandArgs(spec.name, argv, spec.options, allowed);
      if (values.help === true) {
        io.stdout(spec.help);
        return EXIT.ok;
      }
      delete values.help;
      // parseArgs gives exactly the options it was given, each typed by its `type`.
      return await spec.run(values as OptionValues<O>, positionals, io, (deps ?? spec.deps) as D);
    },
  };
}

function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: OptionSpecs,
  allowPositionals: number,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const usage = `(see briefing ${command} --help)`;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: allowPositionals > 0,
    });
  } catch (error) {
    throw new CliError(`briefing ${command}: ${(error as Error).message.split('\n')[0]} ${usage}`, EXIT.usage);
  }
  if (parsed.positionals.length > allowPositionals) {
    throw new CliError(`briefing ${command}: unexpected argument "${parsed.positionals[allowPositionals]}" ${usage}`);
  }
  return {
    values: { ...parsed.values } as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
  };
}
