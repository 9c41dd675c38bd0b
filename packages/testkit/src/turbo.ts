// Turbo and a real remote cache for the tests and the bench that build many briefings: turbo
// run in a workspace clone (workspace.ts) with a clean environment, what it did read from its
// own run summary (`--summarize`) or plan (`--dry=json`), never from its log lines, and the
// self-hosted turborepo-remote-cache server on 127.0.0.1 with its local storage.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './cli.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);

/** One task of a turbo run or plan, as its summary gives it. */
export interface TurboTask {
  taskId: string;
  package: string;
  task: string;
  /** The package script it runs; \`<NONEXISTENT>\` for a package without one (nothing to do, nothing cached). */
  command: string;
  cache: { status: 'HIT' | 'MISS'; source?: 'LOCAL' | 'REMOTE'; local: boolean; remote: boolean };
  outputs?: string[];
}

/** A remote cache's settings, as turbo reads them from the environment. */
export interface RemoteCache {
  env: { TURBO_API: string; TURBO_TOKEN: string; TURBO_TEAM: string };
  stop(): Promise<void>;
}

/**
 * The environment turbo runs in: this process's, less every TURBO_ variable (a remote cache
 * or cache folder of the developer's own must not leak into a test), with telemetry and the
 * update check off, plus `env`.
 */
function turboEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TURBO_')));
  return {
    ...clean,
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    DO_NOT_TRACK: '1',
    ...env,
  };
}

/** `turbo <args>` in `cwd` (a workspace), to its end; what it printed. Fails when turbo does. */
export async function turbo(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(join(cwd, 'node_modules/.bin/turbo'), args, {
    cwd,
    env: turboEnv(env),
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/** Whether a task runs anything: turbo plans a task for every package, also those without the script. */
export const doesWork = (task: TurboTask) => task.command !== '<NONEXISTENT>';

/** The tasks a `turbo run` with `--summarize` just did, from the newest summary in `.turbo/runs`. */
export function lastRunTasks(cwd: string): TurboTask[] {
  const dir = join(cwd, '.turbo', 'runs');
  const newest = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)[0];
  if (!newest) throw new Error(`no run summary in ${dir}`);
  return (JSON.parse(readFileSync(join(dir, newest.n), 'utf8')) as { tasks: TurboTask[] }).tasks;
}

/** The tasks `turbo run <args> --dry=json` plans, each with whether the cache has it. */
export async function plannedTasks(cwd: string, args: string[], env: Record<string, string> = {}) {
  return (JSON.parse(await turbo(cwd, ['run', ...args, '--dry=json'], env)) as { tasks: TurboTask[] }).tasks;
}

/**
 * A real turborepo-remote-cache server (the npm package, as the README tells a team to run it),
 * bound to 127.0.0.1 on a free port, storing into `storage`; resolves once it listens.
 */
export async function startRemoteCache(storage: string, root: string = repoRoot): Promise<RemoteCache> {
  const token = `briefing-test-${process.pid}`;
  const child: ChildProcess = spawn(process.execPath, [join(root, 'node_modules/turborepo-remote-cache/dist/cli.js')], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: storage,
      TURBO_TOKEN: token,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await waitFor(
    'turborepo-remote-cache to listen',
    () => {
      if (child.exitCode !== null) throw new Error(`turborepo-remote-cache exited:\n${log}`);
      return /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1];
    },
    { log: () => log },
  );
  return {
    env: { TURBO_API: `http://127.0.0.1:${port}`, TURBO_TOKEN: token, TURBO_TEAM: 'team_briefing' },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
