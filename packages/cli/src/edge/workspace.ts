// The briefings of a workspace: the packaged one (@briefing/content's report, built into out/)
// and one workspace package per further briefing, `reports/<id>/` named
// `@briefing/report-<id>`, whose typed report is `src/report.ts` and whose outputs go into
// its own `out/`. The commands find the workspace from the folder they run in, so
// `briefing build --report <id>` works the same from the root, from the briefing's own folder
// (where turbo runs its task) or from anywhere below.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Report, ReportValidationError } from '@briefing/content';
import { CliError, EXIT } from './errors.js';
import { type Io, loadReport, shownPath, validateReport } from './io.js';

/** Where the further briefings live, from the workspace's root. */
export const REPORTS_DIR = 'reports';

/** The longest id: the package name `@briefing/report-<id>` stays short enough to type. */
export const MAX_ID = 50;

/**
 * A briefing's id: lower-case letters and digits in words joined by single hyphens, starting
 * with a letter. It names a folder, a package and a URL path on any file system, so nothing
 * else is let in (an allow-list: no dots, slashes, capitals or white space to get wrong).
 */
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Why `id` is not a briefing id, or undefined when it is one. */
export function idProblem(id: string): string | undefined {
  if (id.length > MAX_ID) return `is longer than ${MAX_ID} characters`;
  if (!ID.test(id))
    return 'is not a briefing id: use lower-case letters, digits and single hyphens, starting with a letter (for example weekly-2026-48)';
  return undefined;
}

/** The package name of the briefing `id`. */
export const packageName = (id: string) => `@briefing/report-${id}`;

/**
 * The workspace's root: the nearest folder, from `cwd` up, whose package.json lists workspaces
 * (npm's mark of a workspace root), or a usage error saying where one is needed.
 */
export function workspaceRoot(cwd: string, command: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if (Array.isArray(JSON.parse(readFileSync(file, 'utf8')).workspaces)) return dir;
      } catch {
        // Not JSON: not the root; look further up.
      }
    }
    if (dirname(dir) === dir)
      throw new CliError(
        `briefing ${command}: no briefing workspace here or above ${cwd} (a folder whose package.json lists workspaces, reports/<id>/ among them)`,
        EXIT.usage,
      );
  }
}

/** One further briefing of the workspace, as its folder shows it. */
export interface Briefing {
  id: string;
  dir: string;
  /** Its typed report, the module `briefing` loads. */
  source: string;
  /** Its own output folder, where its turbo task writes. */
  out: string;
}

const briefingAt = (root: string, id: string): Briefing => {
  const dir = join(root, REPORTS_DIR, id);
  return { id, dir, source: join(dir, 'src', 'report.ts'), out: join(dir, 'out') };
};

/** Every further briefing of the workspace at `root`, by id: each folder of reports/ with a report module. */
export function briefingsOf(root: string): Briefing[] {
  const dir = join(root, REPORTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && idProblem(e.name) === undefined)
    .map((e) => briefingAt(root, e.name))
    .filter((b) => existsSync(b.source))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The briefing `id` of the workspace `cwd` is in, or a usage error naming the ones there are. */
export function findBriefing(cwd: string, id: string, command: string): Briefing {
  const problem = idProblem(id);
  if (problem) throw new CliError(`briefing ${command}: --report "${id}" ${problem}`, EXIT.usage);
  const root = workspaceRoot(cwd, command);
  const briefing = briefingAt(root, id);
  if (existsSync(briefing.source)) return briefing;
  const there = briefingsOf(root).map((b) => b.id);
  throw new CliError(
    `briefing ${command}: no briefing "${id}" in ${join(root, REPORTS_DIR)} (${there.length ? `briefings: ${there.join(', ')}` : 'none yet'}; make one with: briefing new ${id})`,
    EXIT.usage,
  );
}

/**
 * The briefing's report: its module loaded through tsx (so a new or edited report.ts needs no
 * build first), its `reportInput` validated here like any input. A module that does not load
 * is an input error (2); one that throws its own validation error, or exports a report that
 * fails, is an invalid report (1) with every problem by path.
 */
export async function loadBriefing(briefing: Briefing, shown: string): Promise<Report> {
  const { tsImport } = await import('tsx/esm/api');
  let mod: { reportInput?: unknown };
  try {
    mod = await tsImport(pathToFileURL(briefing.source).href, import.meta.url);
  } catch (error) {
    const problems = (error as { problems?: unknown }).problems;
    if (Array.isArray(problems)) throw new ReportValidationError(problems, shown);
    const message = String((error as Error)?.message ?? error).split('\n')[0];
    throw new CliError(`cannot load ${shown}: ${message}`, EXIT.usage);
  }
  if (!('reportInput' in mod))
    throw new CliError(`${shown} exports no reportInput (the report as written, checked by briefing)`, EXIT.usage);
  const result = validateReport(mod.reportInput);
  if (!result.ok) throw new ReportValidationError(result.problems, shown);
  return result.report;
}

/** The newest time a file in `dir` was written, or undefined when it has none. */
export function lastBuilt(dir: string): Date | undefined {
  let newest = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const stats = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stats?.isFile()) newest = Math.max(newest, stats.mtimeMs);
  }
  return newest > 0 ? new Date(newest) : undefined;
}

/**
 * The report a command works on: `--report <id>`'s briefing, `--input`'s JSON file, or the
 * packaged report; never two of them (a usage error). `briefing` is set for `--report`, whose
 * outputs go into the briefing's own out/ unless `--out` says otherwise.
 */
export async function chooseReport(
  command: string,
  values: { input?: string | undefined; report?: string | undefined },
  io: Pick<Io, 'cwd' | 'env' | 'signal'>,
): Promise<{ report: Report; from: string; briefing?: Briefing }> {
  if (values.report === undefined) return await loadReport(values.input, io.cwd, io.signal);
  if (values.input !== undefined)
    throw new CliError(`briefing ${command}: give --input or --report, not both`, EXIT.usage);
  const briefing = findBriefing(io.cwd, values.report, command);
  const report = await loadBriefing(briefing, shownPath(io, briefing.source));
  return { report, from: packageName(briefing.id), briefing };
}
