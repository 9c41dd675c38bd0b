import { resolve } from 'node:path';
import { reportStats } from '@briefing/content';
import { defineCommand } from '../edge/command.js';
import { CliError, EXIT } from '../edge/errors.js';
import { readJson, validateReport } from '../edge/io.js';

const validateHelp = `Usage: briefing validate <report.json>
       briefing validate --input <report.json>

Check a report the way build does before it writes anything: the schema, then every
character each output would draw (including dates and numbers written in meta.lang).

  exit 0  valid: prints one summary line (sections, list items, figures, table cells, words)
  exit 1  invalid: prints every problem with the path of the broken field
  exit 2  the file is missing or unreadable, is not UTF-8 (saved as UTF-16, say), or is not JSON

The file may be a pipe or a FIFO (briefing validate /dev/stdin); Ctrl+C stops the wait.

Options:
  -i, --input <file>  the report to check, as every command takes it (or give it as the argument)
  -h, --help          show this help
`;

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check a report JSON file against the schema',
  help: validateHelp,
  options: { input: { type: 'string', short: 'i' } },
  positionals: 1,
  async run(values, positionals, io) {
    const [given] = positionals;
    if (given !== undefined && values.input !== undefined && given !== values.input)
      throw new CliError(
        `briefing validate: two files, "${values.input}" (--input) and "${given}": give one (see briefing validate --help)`,
      );
    const file = values.input ?? given;
    if (file === undefined)
      throw new CliError(
        'briefing validate: which file? Usage: briefing validate <report.json> (or --input <report.json>)',
      );
    const result = validateReport(await readJson(resolve(io.cwd, file), file, io.signal));
    if (!result.ok) {
      const n = result.problems.length;
      io.stderr(`${file}: invalid report, ${n} problem${n === 1 ? '' : 's'}:\n`);
      for (const p of result.problems) io.stderr(`  ${p.path}: ${p.message}\n`);
      return EXIT.invalid;
    }
    const s = reportStats(result.report);
    io.stdout(
      `${file}: valid report, ${s.sections} sections, ${s.items} list items, ${s.figures} figures, ${s.cells} table cells, ${s.words} words\n`,
    );
    return EXIT.ok;
  },
});
