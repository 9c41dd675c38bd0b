import { ledeRestatements } from '@briefing/content';
import { formatMatrix } from '@briefing/inspect';
import { defineCommand } from '../edge/command.js';
import { EXIT } from '../edge/errors.js';
import { chooseReport } from '../edge/workspace.js';
import { realRenderers, runCheck } from '../outputs/check-run.js';

const checkHelp = `Usage: briefing check [options]

Build the PDF briefing, the HTML deck and slides.pptx into a temp folder, read them back,
and show whether every section, list item, figure and table cell of the report appears in
each (with the PDF page and slide numbers where found), whether the PDF bookmarks, the PDF
table of contents and both decks' agendas list the same sections, and whether every slide
of slides.pptx has speaker notes. A section's lede that restates the text under it (shares
half its content words) is a warning on stderr, which does not change the exit code:
  warning: sections[3].lede restates sections[3].blocks[0].text

Options:
  -i, --input <file>  report JSON to check (default: the packaged report)
  -r, --report <id>   the workspace's briefing reports/<id> (see briefing list)
      --json          print the result as JSON
  -h, --help          show this help

Exit codes: 0 everything present; 1 invalid report or something missing; 2 usage or I/O error.
`;

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'prove every section, item, figure and table cell is in both outputs',
  help: checkHelp,
  options: { input: { type: 'string', short: 'i' }, report: { type: 'string', short: 'r' }, json: { type: 'boolean' } },
  deps: realRenderers,
  async run(values, _positionals, io, renderers) {
    const { report } = await chooseReport('check', values, io);
    // Wording, not coverage: a lede that says again what its first paragraph says is worth
    // an editor's look, but it loses nothing, so it warns and leaves the exit code alone.
    for (const r of ledeRestatements(report)) io.stderr(`warning: ${r.path} restates ${r.restates}\n`);
    const result = await runCheck(report, renderers);
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(formatMatrix(result));
    return result.ok ? EXIT.ok : EXIT.invalid;
  },
});

/** `briefing check`; tests pass faulty renderers as the third argument to prove it fails. */
export const check = checkCommand.run;
