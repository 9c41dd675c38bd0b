import { defineCommand } from '../edge/command.js';
import { EXIT } from '../edge/errors.js';

import { chooseReport } from '../edge/workspace.js';
import { realRenderers } from '../outputs/check-run.js';
import { deckOf } from '../outputs/outputs.js';

const checkHelp = `Usage: briefing check [options]

Build the PDF briefing, the HTML deck and slides.pptx into a temp folder, read them back,
and show whether every section, list item, figure and table cell of the report appears in
each (with the PDF page and slide numbers where found), whether the PDF bookmarks, the PDF
table of contents and both decks' agendas list the same sections, and whether every slide
of slides.pptx has speaker notes.

It also reads the deck as a presenter would and warns, on stderr, about its editorial
problems, each with the report field to edit, the slide and the rule (the README's
"The editorial check" gives each rule and its threshold):
  warning: sections[2].blocks[1].items[3].onScreen: 15 words on screen (at most 12) [slide 9, on-screen-length]
Rules: restates, on-screen-length, list-split, half-empty, continuation-order, print-reference.
Warnings leave the exit code alone unless --strict.

Options:
  -i, --input <file>  report JSON to check (default: the packaged report)
  -r, --report <id>   the workspace's briefing reports/<id> (see briefing list)
      --strict        fail (exit 1) on any editorial warning
      --json          print the result as JSON (the warnings under "editorial")
  -h, --help          show this help

Exit codes: 0 everything present; 1 invalid report, something missing, or (--strict) an
editorial warning; 2 usage or I/O error.
`;

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'prove every section, item, figure and table cell is in both outputs',
  help: checkHelp,
  options: {
    input: { type: 'string', short: 'i' },
    report: { type: 'string', short: 'r' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
  },
  deps: realRenderers,
  async run(values, _positionals, io, renderers) {
    const { report } = await chooseReport('check', values, io);
    // The readers and the deck's planner load with the check, not with the CLI.
    const [{ formatMatrix }, { editorialCheck, formatFinding }, { runCheck }] = await Promise.all([
      import('@briefing/inspect'),
      import('@briefing/slides'),
      import('../outputs/check-run.js'),
    ]);
    // One plan of the deck for the editorial rules and the HTML deck the check reads back.
    const deck = deckOf(report);
    // Writing, not coverage: a line too long to speak to or a half-empty slide loses nothing,
    // so it warns and leaves the exit code alone, unless the author asks for --strict (CI does).
    const editorial = editorialCheck(report, await deck.plan());
    const level = values.strict ? 'error' : 'warning';
    for (const f of editorial) io.stderr(`${level}: ${formatFinding(f)}\n`);
    if (editorial.length > 0) {
      const slides = new Set(editorial.map((f) => f.slide)).size;
      const count = `${editorial.length} editorial ${editorial.length === 1 ? 'warning' : 'warnings'}`;
      io.stderr(
        `${count} on ${slides} ${slides === 1 ? 'slide' : 'slides'}${values.strict ? ' (--strict: failing)' : ''}\n`,
      );
    }
    const result = await runCheck(report, renderers, deck);
    if (values.json) io.stdout(`${JSON.stringify({ ...result, editorial }, null, 2)}\n`);
    else io.stdout(formatMatrix(result));
    return result.ok && !(values.strict && editorial.length > 0) ? EXIT.ok : EXIT.invalid;
  },
});

/** `briefing check`; tests pass faulty renderers as the third argument to prove it fails. */
export const check = checkCommand.run;
