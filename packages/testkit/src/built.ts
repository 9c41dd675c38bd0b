// How tests start `briefing` as a process of its own. The compiled CLI starts in about half
// the CPU time of the TypeScript sources through tsx, and the process tests start it dozens
// of times, so they run dist whenever dist is known to be built from the sources as they are
// now: for every package the CLI runs, the stamp its build wrote in dist names the sources as
// they are (scripts/source-stamp.mjs); a dist with no stamp (built some other way) counts when
// no file under src is newer than the newest under dist. An edit since the last `npm run
// build` sends every process test back to the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { STAMP, sourceStamp } from '../scripts/source-stamp.mjs';

/** The packages whose dist a compiled `briefing` loads. */
const RUNTIME = ['content', 'pdf', 'slides', 'inspect', 'cli'];

/** The newest modification time of any file under `dir`; 0 when there is none. */
function newest(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return 0;
  }
  let latest = 0;
  for (const name of names) {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

/** The stamp in a package's dist; undefined when it has none. */
function stampOf(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, STAMP), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Whether every runtime package's dist was built from its src as it is now: by the stamp in
 * dist, or, with no stamp, by the files' times (dist at least as new as everything in src).
 */
export function builtIsCurrent(root: string, packages: readonly string[] = RUNTIME): boolean {
  return packages.every((name) => {
    const dir = join(root, 'packages', name);
    const stamp = stampOf(dir);
    if (stamp !== undefined) return stamp === sourceStamp(dir);
    const built = newest(join(dir, 'dist'));
    return built > 0 && newest(join(dir, 'src')) <= built;
  });
}

let current: boolean | undefined;

/**
 * Node's arguments that run `briefing` (arguments to it follow): the compiled bin when dist
 * is current, the sources through tsx otherwise. Decided once per test process. tsx by its
 * resolved location, so that a process started in a folder of its own (a test's temp folder,
 * where no node_modules is) finds it.
 */
export function cliArgs(root: string): string[] {
  current ??= builtIsCurrent(root);
  return current
    ? [join(root, 'packages/cli/dist/bin.js')]
    : ['--conditions=@briefing/source', '--import', import.meta.resolve('tsx'), join(root, 'packages/cli/src/bin.ts')];
}

/** Whether `cliArgs` runs the compiled CLI. */
export function runsBuilt(root: string): boolean {
  current ??= builtIsCurrent(root);
  return current;
}
