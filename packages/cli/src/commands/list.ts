import { join } from 'node:path';
import { report as packaged } from '@briefing/content';
import { defineCommand } from '../edge/command.js';
import { EXIT } from '../edge/errors.js';
import { shownPath } from '../edge/io.js';
import { briefingsOf, lastBuilt, loadBriefing, packageName, workspaceRoot } from '../edge/workspace.js';

const listHelp = `Usage: briefing list [options]

List the workspace's briefings: the packaged one (@briefing/content, built into out/) and
each reports/<id>/ (@briefing/report-<id>, built into reports/<id>/out), with its title,
date and when its outputs were last written ("never" before its first build). A briefing
whose report does not validate is listed with its first problem.

Options:
      --json    print the list as JSON
  -h, --help    show this help

Exit codes: 0 listed (invalid briefings included); 2 no workspace here.
`;

interface Row {
  /** The id for --report; null for the packaged briefing, which needs none. */
  id: string | null;
  package: string;
  title: string | null;
  date: string | null;
  out: string;
  lastBuild: string | null;
  problem?: string;
}

/** A time as the table shows it: to the minute, in UTC, so that it reads the same on every machine. */
const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export const listCommand = defineCommand({
  name: 'list',
  summary: "list the workspace's briefings: title, date, last build",
  help: listHelp,
  options: { json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const root = workspaceRoot(io.cwd, 'list');
    const built = (dir: string) => lastBuilt(dir)?.toISOString() ?? null;
    const rows: Row[] = [
      {
        id: null,
        package: '@briefing/content',
        title: packaged.meta.title,
        date: packaged.meta.date,
        out: join(root, 'out'),
        lastBuild: built(join(root, 'out')),
      },
    ];
    for (const briefing of briefingsOf(root)) {
      const row: Row = {
        id: briefing.id,
        package: packageName(briefing.id),
        title: null,
        date: null,
        out: briefing.out,
        lastBuild: built(briefing.out),
      };
      try {
        const report = await loadBriefing(briefing, shownPath(io, briefing.source));
        row.title = report.meta.title;
        row.date = report.meta.date;
      } catch (error) {
        // Listed all the same: the list is where an author looks for what needs fixing.
        row.problem = (error as Error).message.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ');
      }
      rows.push(row);
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const cells = rows.map((r) => [
      r.id ?? '(packaged)',
      r.date ?? '-',
      r.lastBuild ? minute(r.lastBuild) : 'never',
      r.title ?? `invalid: ${r.problem}`,
    ]);
    const header = ['briefing', 'date', 'last build', 'title'];
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
    const line = (c: string[]) =>
      c
        .map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i] as number)))
        .join('  ')
        .trimEnd();
    io.stdout(`${[header, ...cells].map(line).join('\n')}\n`);
    io.stdout(
      `${rows.length - 1} briefing${rows.length === 2 ? '' : 's'} in ${shownPath(io, join(root, 'reports'))} besides the packaged one; build one with: briefing build --report <id>\n`,
    );
    return EXIT.ok;
  },
});
