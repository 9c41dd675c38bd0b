import { dirname, join, resolve } from 'node:path';
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
  -o, --out <file>      write to a file (atomically) instead of standard output; with
                        --json, the schema is written beside it as report.schema.json,
                        the file its "$schema" names, so editors complete and check it
  -h, --help            show this help

Exit codes: 0 ok; 1 invalid report; 2 usage or I/O error.
`;

/** Where an exported report's "$schema" points, relative to the report (reportToJson's default). */
const SCHEMA_FILE = 'report.schema.json';

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
    const schemaText = () => `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (values.schema) {
      if (values.input !== undefined) throw new CliError('briefing export: --input goes with --json, not --schema');
      text = schemaText();
    } else {
      const { report } = await loadReport(values.input, io.cwd, io.signal);
      text = reportToJson(report, `./${SCHEMA_FILE}`);
    }
    const { out } = values;
    if (out === undefined) {
      io.stdout(text);
      return EXIT.ok;
    }
    const path = resolve(io.cwd, out);
    // The report names its schema by a relative path (reportToJson's "$schema"): write the
    // schema there too, so that the reference resolves wherever the report is written.
    const schemaPath = values.json ? join(dirname(path), SCHEMA_FILE) : undefined;
    if (schemaPath === path)
      throw new CliError(
        `briefing export: ${out} is where the report's schema goes (its "$schema"); name the report otherwise`,
      );
    const write = async (file: string, shown: string, data: string) => {
      try {
        await writeAtomic(file, data);
      } catch (error) {
        throw new CliError(`briefing export: cannot write ${shown}: ${(error as Error).message}`);
      }
    };
    await write(path, out, text);
    if (schemaPath === undefined) {
      io.stderr(`wrote ${out}\n`);
      return EXIT.ok;
    }
    const schemaShown = join(dirname(out), SCHEMA_FILE);
    await write(schemaPath, schemaShown, schemaText());
    io.stderr(`wrote ${out} and, beside it, ${schemaShown} (its "$schema")\n`);
    return EXIT.ok;
  },
});
