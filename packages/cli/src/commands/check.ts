import { formatMatrix } from '@briefing/inspect';
import { parseCommandArgs } from '../args.js';
import { type Renderers, realRenderers, runCheck } from '../check/run.js';
import { EXIT, type ExitCode } from '../errors.js';
import { type Io, loadReport } from '../io.js';

export const checkHelp = `Usage: briefing check [options]

Build the PDF briefing and the HTML deck into a temp folder, read them back, and show
whether every section, list item and figure of the report appears in both (with the
PDF page and slide number where found), and whether the PDF bookmarks, the PDF table
of contents and the slide agenda list the same sections.

Options:
  -i, --input <file>  report JSON to check (default: the packaged report)
      --json          print the result as JSON
  -h, --help          show this help

Exit codes: 0 everything present; 1 invalid report or something missing; 2 usage or I/O error.
`;

export async function check(argv: string[], io: Io, renderers: Renderers = realRenderers): Promise<ExitCode> {
  const { values } = parseCommandArgs(
    'check',
    argv,
    { input: { type: 'string', short: 'i' }, json: { type: 'boolean' } },
    0,
  );
  if (values.help) {
    io.stdout(checkHelp);
    return EXIT.ok;
  }
  const { report } = await loadReport(values.input as string | undefined, io.cwd);
  const result = await runCheck(report, renderers);
  if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(formatMatrix(result));
  return result.ok ? EXIT.ok : EXIT.invalid;
}
