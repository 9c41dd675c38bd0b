import { parseArgs } from 'node:util';
import { CliError, EXIT } from './errors.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parse a command's arguments strictly: an unknown flag or a missing value is a usage error (exit 2). */
export function parseCommandArgs(
  command: string,
  argv: string[],
  options: OptionSpec,
  allowPositionals: number,
): ParsedArgs {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: allowPositionals > 0,
    });
    if (parsed.positionals.length > allowPositionals) {
      throw new CliError(
        `briefing ${command}: unexpected argument "${parsed.positionals[allowPositionals]}" (see briefing ${command} --help)`,
      );
    }
    return parsed;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const message = (error as Error).message.split('\n')[0];
    throw new CliError(`briefing ${command}: ${message} (see briefing ${command} --help)`, EXIT.usage);
  }
}
