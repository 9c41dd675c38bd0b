import { resolve } from 'node:path';
import { reportJsonSchema, reportToJson } from '@briefing/content';
import { defineCommand } from '../command.js';
import { CliError, EXIT } from '../errors.js';
import { loadReport, writeAtomic } from '../io.js';

const exportHelp = `Usage: briefing export (--json | --schema) [options]

Print the report as JSON, or the JSON Schema every report is checked against.

Options:
      --json            the report as JSON (validated first)
      --schema          the JSON Schema (draft 2020-12)
  -i, --input <file>    report JSON to export (default: the packaged report)
  -o, --out <file>      write to a file (atomically) instead of standard output
  -h, --help            show this help

Exit codes: 0 ok; 1 invalid report; 2 usage or I/O error.
`;

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'print the report as JSON, or its JSON Schema',
  help: exportHelp,
  options: {
    json: { type: 'boolean' },
    schema: { type: 'boolean' },
    input: { type: 'string', short: 'i' },
    out: { type: 'string', short: 'o' },
  },
  async run(values, _positionals, io) {
    if (Boolean(values.json) === Boolean(values.schema)) {
      throw new CliError('briefing export: give exactly one of --json or --schema (see briefing export --help)');
    }
    let text: string;
    if (values.schema) {
      if (values.input !== undefined) throw new CliError('briefing export: --input goes with --json, not --schema');
      text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    } else {
      const { report } = await loadReport(values.input, io.cwd);
      text = reportToJson(report);
    }
    const { out } = values;
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
  },
});
