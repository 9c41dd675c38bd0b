import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { reportJsonSchema, reportToJson } from '@briefing/content';
import { defineCommand } from '../edge/command.js';
import { CliError, EXIT } from '../edge/errors.js';
import { shownPath, writeAtomic } from '../edge/io.js';
import { chooseReport } from '../edge/workspace.js';
import { replaceableFile, writableFolder } from '../outputs/targets.js';

const exportHelp = `Usage: briefing export (--json | --schema) [options]

Print the report as JSON, or the JSON Schema every report is checked against.

Options:
      --json            the report as JSON (validated first)
      --schema          the JSON Schema (draft 2020-12)
  -i, --input <file>    report JSON to export (default: the packaged report)
  -r, --report <id>     the workspace's briefing reports/<id> (see briefing list)
  -o, --out <file>      write to a file (atomically) instead of standard output; with
                        --json, the schema is written beside it as report.schema.json,
                        the file its "$schema" names, so editors complete and check it.
                        Only a file or a new name, never a device, a FIFO or a socket,
                        and never in / or a system folder
      --force           with --json --out: replace a report.schema.json beside the
                        report that is not this schema (without it, that is an error)
  -h, --help            show this help

Exit codes: 0 ok; 1 invalid report; 2 usage or I/O error.
`;

/** Where an exported report's "$schema" points, relative to the report (reportToJson's default). */
const SCHEMA_FILE = 'report.schema.json';

/** Whether a file holds exactly `text`: 'absent', 'same' or 'differs' (sizes compared before bytes). */
async function sameText(path: string, text: string): Promise<'absent' | 'same' | 'differs'> {
  const stats = await stat(path).catch(() => undefined);
  if (stats === undefined) return 'absent';
  if (stats.size !== Buffer.byteLength(text)) return 'differs';
  return (await readFile(path, 'utf8')) === text ? 'same' : 'differs';
}

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'print the report as JSON, or its JSON Schema',
  help: exportHelp,
  options: {
    json: { type: 'boolean' },
    schema: { type: 'boolean' },
    input: { type: 'string', short: 'i' },
    report: { type: 'string', short: 'r' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    if (Boolean(values.json) === Boolean(values.schema)) {
      throw new CliError('briefing export: give exactly one of --json or --schema (see briefing export --help)');
    }
    let text: string;
    const schemaText = () => `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (values.schema) {
      if (values.input !== undefined || values.report !== undefined)
        throw new CliError(
          `briefing export: --${values.input !== undefined ? 'input' : 'report'} goes with --json, not --schema`,
        );
      text = schemaText();
    } else {
      const { report } = await chooseReport('export', values, io);
      text = reportToJson(report, `./${SCHEMA_FILE}`);
    }
    const { out } = values;
    if (values.force && (values.schema || out === undefined))
      throw new CliError(
        'briefing export: --force goes with --json --out (it lets the schema beside the report be replaced)',
      );
    if (out === undefined) {
      io.stdout(text);
      return EXIT.ok;
    }
    const who = 'briefing export';
    // Only a file or a new name, in a folder of the user's (targets.ts): a device, a FIFO, a
    // socket or a system folder is refused before anything is written.
    const path = resolve(io.cwd, out);
    const target = await replaceableFile(path, out, who);
    await writableFolder(dirname(target), target === path ? dirname(out) : shownPath(io, dirname(target)), who);
    const write = async (file: string, shown: string, data: string) => {
      try {
        await writeAtomic(file, data);
      } catch (error) {
        throw new CliError(`briefing export: cannot write ${shown}: ${(error as Error).message}`);
      }
    };
    if (!values.json) {
      await write(target, out, text);
      io.stderr(`wrote ${out}\n`);
      return EXIT.ok;
    }
    // The report names its schema by a relative path (reportToJson's "$schema"): write the
    // schema there too, so that the reference resolves wherever the report is written.
    const schemaShown = join(dirname(out), SCHEMA_FILE);
    const schemaTarget = await replaceableFile(join(dirname(path), SCHEMA_FILE), schemaShown, who);
    if (schemaTarget === target)
      throw new CliError(
        `briefing export: ${out} is where the report's schema goes (its "$schema"); name the report otherwise`,
      );
    await writableFolder(dirname(schemaTarget), shownPath(io, dirname(schemaTarget)), who);
    // A schema file already there is replaced only when asked: it may be another version's, or the user's own.
    const schema = schemaText();
    const there = await sameText(schemaTarget, schema);
    if (there === 'differs' && !values.force)
      throw new CliError(
        `briefing export: ${schemaShown} is already there and is not this schema; not replacing it (add --force to replace it, or export into another folder)`,
      );
    await write(target, out, text);
    if (there === 'same') {
      io.stderr(`wrote ${out}; beside it, ${schemaShown} already holds its schema (its "$schema")\n`);
      return EXIT.ok;
    }
    await write(schemaTarget, schemaShown, schema);
    io.stderr(
      `wrote ${out} and, beside it, ${schemaShown} (its "$schema"${there === 'differs' ? ', replacing the file that was there' : ''})\n`,
    );
    return EXIT.ok;
  },
});
