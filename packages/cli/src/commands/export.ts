import { resolve } from 'node:path';
import { reportJsonSchema, reportToJson } from '@briefing/content';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { type Io, loadReport, writeAtomic } from '../io.js';

export const exportHelp = `Usage: briefing export (--json | --schema) [options]

Print the report as JSON, or the JSON Schema every report is checked against.

Options:
      --json            the report as JSON (validated first)
      --schema          the JSON Schema (draft 2020-12)
  -i, --input <file>    report JSON to export (default: the packaged report)
  -o, --out <file>      write to a file (atomically) instead of standard output
  -h, --help            show this help

Exit codes: 0 ok; 1 invalid report; 2 usage or I/O error.
`;

export async function exportCommand(argv: string[], io: Io): Promise<ExitCode> {
  const { values } = parseCommandArgs(
    'export',
    argv,
    {
      json: { type: 'boolean' },
      schema: { type: 'boolean' },
      input: { type: 'string', short: 'i' },
      out: { type: 'string', short: 'o' },
    },
    0,
  );
  if (values.help) {
    io.stdout(exportHelp);
    return EXIT.ok;
  }
  if (Boolean(values.json) === Boolean(values.schema)) {
    throw new CliError('briefing export: give exactly one of --json or --schema (see briefing export --help)');
  }
  let text: string;
  if (values.schema) {
    if (values.input !== undefined) throw new CliError('briefing export: --input goes with --json, not --schema');
    text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
  } else {
    const { report } = await loadReport(values.input as string | undefined, io.cwd);
    text = reportToJson(report);
  }
  const out = values.out as string | undefined;
  if (out === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, out);
  try {
    await writeAtomic(path, text);
  } catch (error) {
    throw new CliError(`briefing export: cannot write ${out}: ${(error as Error).message}`);
  }
  io.stderr(`wrote ${out}\n`);
  return EXIT.ok;
}
