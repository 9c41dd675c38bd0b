import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineCommand } from '../edge/command.js';
import { CliError, EXIT } from '../edge/errors.js';
import { shownPath } from '../edge/io.js';
import { idProblem, packageName, REPORTS_DIR, workspaceRoot } from '../edge/workspace.js';
import { packageJson, reportTs, tsconfigJson } from './scaffold.js';

const newHelp = `Usage: briefing new <id>

Make a new briefing in the workspace: reports/<id>/, the package @briefing/report-<id>,
with package.json, tsconfig.json and src/report.ts, a typed report that validates and
builds as it is and says what to fill in. The workspace lists reports/* already, so
nothing else needs editing, and these work on it at once:

  briefing build --report <id>    its outputs into reports/<id>/out
  briefing check --report <id>    (and watch, export)
  npm run build                    every briefing, each one its own cached turbo task

Run "npm install" once afterwards: it links @briefing/report-<id> so other packages can
import it by name, and records it in package-lock.json, which "npm ci" (and so CI) needs.
briefing new does not run it for you: it may reach the registry, and it rewrites the lock
file, which you will want to see and commit yourself.

An id is lower-case letters, digits and single hyphens, starting with a letter, at most
50 characters (for example weekly-2026-48). An id that is taken is refused.

Options:
  -h, --help    show this help

Exit codes: 0 made; 2 a bad or taken id, no workspace here, or a folder that cannot be written.
`;

/** The versions a new briefing depends on: the workspace's own content and briefing packages. */
function versions(): { content: string; cli: string } {
  const require = createRequire(import.meta.url);
  return {
    content: (require('@briefing/content/package.json') as { version: string }).version,
    cli: (require('briefing/package.json') as { version: string }).version,
  };
}

export const newCommand = defineCommand({
  name: 'new',
  summary: 'make a new briefing, reports/<id>, a workspace package',
  help: newHelp,
  options: {},
  positionals: 1,
  async run(_values, positionals, io) {
    const id = positionals[0];
    if (id === undefined) throw new CliError('briefing new: give the new briefing an id (see briefing new --help)');
    const problem = idProblem(id);
    if (problem) throw new CliError(`briefing new: "${id}" ${problem}`);
    const root = workspaceRoot(io.cwd, 'new');
    const dir = join(root, REPORTS_DIR, id);
    const shown = shownPath(io, dir);
    const files: [string, string][] = [
      ['package.json', packageJson(id, versions())],
      ['tsconfig.json', tsconfigJson()],
      [join('src', 'report.ts'), reportTs(id, new Date().toISOString().slice(0, 10))],
    ];
    // Written into a stage beside the folder, then renamed to it: the briefing appears whole
    // or not at all, and a folder that is already there (taken) makes the rename fail
    // rather than be written into.
    const stage = join(root, REPORTS_DIR, `.${id}.${process.pid}.new.tmp`);
    const taken = () =>
      new CliError(`briefing new: ${shown} is taken; choose another id (see briefing list)`, EXIT.usage);
    // (rename would replace an empty folder of that name: that is taken too.)
    if (await lstat(dir).catch(() => undefined)) throw taken();
    try {
      await mkdir(join(stage, 'src'), { recursive: true });
      for (const [name, text] of files) await writeFile(join(stage, name), text, { flag: 'wx' });
      await rename(stage, dir);
    } catch (error) {
      await rm(stage, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') throw taken();
      throw new CliError(`briefing new: cannot write ${shown}: ${(error as Error).message}`, EXIT.usage);
    }
    const name = packageName(id);
    io.stdout(`made ${shown}, the package ${name}:\n`);
    for (const [file] of files) io.stdout(`  ${join(shown, file)}\n`);
    io.stdout(`next:
  npm install                          link ${name} by name and record it in package-lock.json (commit it)
  npx briefing watch --report ${id}   write ${shownPath(io, join(dirname(dir), id, 'src', 'report.ts'))} with a live preview
  npx briefing build --report ${id}   its outputs into ${shownPath(io, join(dir, 'out'))} (npm run build makes every briefing)
`);
    return EXIT.ok;
  },
});
