// `npm run bench:briefings`: many briefings in one workspace, built by turbo as `npm run build`
// builds them. Makes a fresh clone of the workspace with 50 briefings (variations of the
// packaged one: each a different number of its sections, its own short title), a real
// turborepo-remote-cache server on 127.0.0.1, and prints the wall time and peak memory (the
// whole process tree's resident memory, sampled) of: a cold build of every briefing, a no-op
// rebuild, one briefing changed, a renderer changed, and a second clean clone against the
// warm remote cache; beside them one briefing's build on its own. It takes minutes: a script,
// not a test, and it never fails on a number. `--count N` makes N briefings instead of 50.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmtMs, gitClone, lastRunTasks, startRemoteCache, workspaceClone } from '@briefing/testkit';
import { main } from 'briefing';

const at = process.argv.indexOf('--count');
const count = at > 0 ? Number(process.argv[at + 1]) : 50;
if (!(Number.isInteger(count) && count > 0)) throw new Error('--count takes a whole number above 0');
const ids = Array.from({ length: count }, (_, i) => `b${String(i + 1).padStart(2, '0')}`);
/** The briefing the bench changes. */
const changed = ids[Math.floor(count / 2)] as string;

/** Every process in the tree under `root` (turbo starts its tasks from threads, so /proc's ppid, not task/children). */
function tree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone while we looked.
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(parents.get(found[i] as number) ?? []));
  return found;
}

/** The resident memory of a process tree, in bytes. */
function treeRss(root: number): number {
  let sum = 0;
  for (const pid of tree(root)) {
    try {
      sum += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // Gone while we looked.
    }
  }
  return sum;
}

const env = (extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TURBO_'))),
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  ...extra,
});

/** Run a command to its end; its wall time and the peak resident memory of its process tree. */
function timed(cwd: string, command: string, args: string[], extra: Record<string, string> = {}) {
  return new Promise<{ ms: number; peak: number }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: env(extra), stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const sample = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 200);
    child.on('exit', (code) => {
      clearInterval(sample);
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, peak });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr}`));
    });
  });
}

const rows: { what: string; ms: number; peak: number; note: string }[] = [];
function row(what: string, result: { ms: number; peak: number }, note = '') {
  rows.push({ what, ...result, note });
  console.log(
    `${what.padEnd(44)} ${fmtMs(result.ms).padStart(10)} ${`${(result.peak / 2 ** 20).toFixed(0)} MB`.padStart(9)}  ${note}`,
  );
}

/** What one turbo run did: tasks run and tasks restored (local or remote), of those that do work. */
function counts(cwd: string): string {
  const tasks = lastRunTasks(cwd).filter((t) => t.command !== '<NONEXISTENT>');
  const ran = tasks.filter((t) => t.cache.status === 'MISS').length;
  const remote = tasks.filter((t) => t.cache.status === 'HIT' && t.cache.source === 'REMOTE').length;
  return `${ran} run, ${tasks.length - ran - remote} local hits, ${remote} remote hits of ${tasks.length} tasks`;
}

const work = mkdtempSync(join(tmpdir(), 'briefing-bench-many-'));
const a = workspaceClone(join(work, 'a'));
const quietIo = (cwd: string) => ({
  cwd,
  env: {},
  stdout: () => {},
  stderr: (t: string) => process.stderr.write(t),
  isTTY: false,
});
for (const [i, id] of ids.entries()) {
  if ((await main(['new', id], quietIo(a))) !== 0) throw new Error(`briefing new ${id} failed`);
  writeFileSync(
    join(a, 'reports', id, 'src', 'report.ts'),
    `import { assertReport, type Report, type ReportInput, reportInput as packaged } from '@briefing/content';

/** Briefing ${id} of the bench: the packaged briefing's first ${3 + (i % 6)} sections under its own short title. */
const base: ReportInput = structuredClone(packaged);
export const reportInput = {
  ...base,
  meta: { ...base.meta, shortTitle: 'Bench briefing ${id}' },
  sections: base.sections.slice(0, ${3 + (i % 6)}),
} satisfies ReportInput;

export const report: Report = assertReport(reportInput);
`,
  );
}
const git = (cwd: string, ...args: string[]) =>
  timed(cwd, 'git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args]);
await git(a, 'add', '-A');
await git(a, 'commit', '-qm', `${count} briefings`);

const cache = await startRemoteCache(join(work, 'cache'));
const turbo = (cwd: string, extra: Record<string, string> = {}) =>
  timed(cwd, join(cwd, 'node_modules/.bin/turbo'), ['run', 'build', 'artifacts', '--summarize'], extra);
try {
  console.log(`${count} briefings and the packaged one, in ${work}; turbo's remote cache at ${cache.env.TURBO_API}\n`);
  console.log(`${'what'.padEnd(44)} ${'wall'.padStart(10)} ${'peak'.padStart(9)}  turbo's summary`);
  const cold = await turbo(a, cache.env);
  row(`cold build of all (${count} + packaged)`, cold, counts(a));
  row('no-op rebuild', await turbo(a, cache.env), counts(a));

  // The second clone is of the committed briefings, so it comes before the changes below.
  const b = gitClone(a, join(work, 'b'));
  const fresh = await turbo(b, cache.env);
  row(
    'fresh clone, warm remote cache',
    fresh,
    `${counts(b)}; ${((fresh.ms / cold.ms) * 100).toFixed(1)}% of the cold build (aim 15%)`,
  );

  const single = await timed(a, process.execPath, [
    join(a, 'packages/cli/bin/briefing.js'),
    'build',
    '--report',
    changed,
    '--quiet',
  ]);
  row(`one briefing, briefing build --report ${changed}`, single, 'outside turbo, for the ratio below');

  const source = join(a, 'reports', changed, 'src/report.ts');
  writeFileSync(
    source,
    readFileSync(source, 'utf8').replace(`'Bench briefing ${changed}'`, `'Bench briefing ${changed}, changed'`),
  );
  const one = await turbo(a, cache.env);
  row('one briefing changed', one, `${counts(a)}; ${(one.ms / single.ms).toFixed(2)}x its build alone (aim 1.5x)`);

  appendFileSync(join(a, 'packages/pdf/src/index.ts'), '\n// the bench changed a renderer\n');
  row('a renderer changed (packages/pdf)', await turbo(a, cache.env), counts(a));
} finally {
  await cache.stop();
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
}
