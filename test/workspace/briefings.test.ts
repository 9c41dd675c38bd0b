// Many briefings in one workspace, on fresh clones: `briefing new` makes a briefing that
// builds, checks and exports; turbo builds each briefing as its own task, rebuilds only the
// one that changed (all of them when a renderer changes) and restores them byte for byte from
// a real turborepo-remote-cache server into a second clean clone. What turbo did is read from
// its own run summary (--summarize) and plan (--dry=json). The briefings are the template's,
// a page or two each, and their slides' PDF (Chromium) is left out, so that both clones build
// in seconds; the packaged briefing's outputs are built and restored in full.
import { execFile } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  doesWork,
  gitClone,
  lastRunTasks,
  plannedTasks,
  type RemoteCache,
  runCli,
  startRemoteCache,
  type TurboTask,
  turbo,
  workspaceClone,
} from '@briefing/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const IDS = ['alpha', 'beta'];
/** The formats the test briefings build: all but the slides' PDF, which needs Chromium. */
const FORMATS = 'pdf,md,html,pptx';
/** What a turbo run may take: the first builds every package (on two busy cores, a minute or more). */
const BUILD_MS = 600_000;
const PACKAGED = ['briefing.pdf', 'slides.html', 'slides.md', 'slides.pdf', 'slides.pptx'];

let work: string;
let a: string;
let cache: RemoteCache;

/**
 * `briefing <args>` in the clone at `cwd`, in this process (the CLI is loaded already; a
 * process each would cost seconds): its exit code and what it printed. Turbo's tasks run the
 * clone's own `briefing` as processes.
 */
const briefing = (cwd: string, args: string[]) => runCli(args, { cwd, env: {} });

const byId = (tasks: TurboTask[]) => new Map(tasks.map((t) => [t.taskId, t]));
const reportTask = (id: string, task: string) => `@briefing/report-${id}#${task}`;

/** Every file under `dir`, by its path there, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    names.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name))]),
  );
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'briefing-many-'));
  a = workspaceClone(join(work, 'a'));
  cache = await startRemoteCache(join(work, 'cache'));
});

afterAll(async () => {
  await cache?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('many briefings in one workspace', () => {
  it('briefing new makes a briefing package; a bad or taken id is refused and writes nothing', async () => {
    for (const id of IDS) {
      const made = await briefing(a, ['new', id]);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toContain(`@briefing/report-${id}`);
      expect(made.stdout).toContain('npm install');
      const pkg = JSON.parse(readFileSync(join(a, 'reports', id, 'package.json'), 'utf8'));
      expect(pkg.name).toBe(`@briefing/report-${id}`);
      expect(existsSync(join(a, 'reports', id, 'src/report.ts'))).toBe(true);
      // Tiny briefings: no Chromium in the test's builds (see the top of the file).
      pkg.scripts.artifacts = `${pkg.scripts.artifacts} --format ${FORMATS}`;
      writeFileSync(join(a, 'reports', id, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    }
    const taken = await briefing(a, ['new', 'alpha']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('reports/alpha is taken');
    const bad = await briefing(a, ['new', '../alpha']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a briefing id');
    expect(readdirSync(join(a, 'reports')).sort()).toEqual(IDS);
    await run('git', ['add', '-A'], { cwd: a });
    await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'two briefings'], {
      cwd: a,
    });
  });

  it('builds every briefing, each its own turbo task, and the packaged one into out/ as before', {
    timeout: BUILD_MS,
  }, async () => {
    await turbo(a, ['run', 'build', 'artifacts', '--summarize'], cache.env);
    const tasks = byId(lastRunTasks(a));
    for (const id of IDS) {
      expect(tasks.get(reportTask(id, 'artifacts'))?.cache.status).toBe('MISS');
      expect(readdirSync(join(a, 'reports', id, 'out')).sort()).toEqual([
        'briefing.pdf',
        'slides.html',
        'slides.md',
        'slides.pptx',
      ]);
    }
    // The packaged briefing: the same five outputs in the root's out/, and nothing else there,
    // those that need no browser the same bytes as the packaged report built directly.
    expect(readdirSync(join(a, 'out')).sort()).toEqual(PACKAGED);
    const direct = join(work, 'direct');
    expect((await runCli(['build', '--format', 'pdf,md,pptx', '--out', direct, '--quiet'], { env: {} })).code).toBe(0);
    for (const file of ['briefing.pdf', 'slides.md', 'slides.pptx'])
      expect(readFileSync(join(a, 'out', file)).equals(readFileSync(join(direct, file))), file).toBe(true);
  });

  it("checks and exports a new briefing by its id, the export the same as its package's report.json", async () => {
    const checked = await briefing(a, ['check', '--report', 'alpha']);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toContain('All present: 1 sections');
    const exported = await briefing(a, ['export', '--report', 'alpha', '--json']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(readFileSync(join(a, 'reports/alpha/dist/report.json'), 'utf8'));
    expect(JSON.parse(exported.stdout).meta.title).toContain('alpha');
    const listed = await briefing(a, ['list', '--json']);
    const rows = JSON.parse(listed.stdout) as { id: string | null; lastBuild: string | null }[];
    expect(rows.map((r) => r.id)).toEqual([null, ...IDS]);
    expect(rows.every((r) => r.lastBuild !== null)).toBe(true);
  });

  it("runs the README's example: another program reads two briefings' content, typed", async () => {
    // What npm install makes for a new workspace: its link by name.
    symlinkSync('../../reports/alpha', join(a, 'node_modules/@briefing/report-alpha'));
    const readme = readFileSync(join(a, 'README.md'), 'utf8');
    const example = /<!-- example: takeaways.ts -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const dir = join(a, 'example');
    mkdirSync(dir);
    writeFileSync(join(dir, 'takeaways.ts'), (example as string).replaceAll('weekly-2026-48', 'alpha'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['*.ts'] }),
    );
    await run(join(a, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: a });
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, 'takeaways.ts')], { cwd: a });
    const listed = JSON.parse(stdout) as { id: string; title: string; takeaways: string[] }[];
    expect(listed.map((b) => b.id)).toEqual(['packaged', 'alpha']);
    expect(listed[1]?.takeaways).toEqual(['The one thing a reader should remember, as a sentence.']);
    expect(listed[0]?.takeaways.length).toBeGreaterThan(2);
    rmSync(dir, { recursive: true });
  });

  it('restores every briefing from the remote cache into a second clean clone, byte for byte', {
    timeout: BUILD_MS,
  }, async () => {
    const b = gitClone(a, join(work, 'b'));
    await turbo(b, ['run', 'build', 'artifacts', '--summarize'], cache.env);
    const tasks = lastRunTasks(b).filter(doesWork);
    const outputsTasks = tasks.filter((t) => t.task === 'artifacts' && t.package.startsWith('@briefing/report-'));
    expect(outputsTasks.map((t) => t.package).sort()).toEqual(IDS.map((id) => `@briefing/report-${id}`));
    // Every task that does work is a remote hit: the briefings', the packaged one's, the packages' builds.
    expect(
      tasks.filter((t) => !(t.cache.status === 'HIT' && t.cache.source === 'REMOTE')).map((t) => t.taskId),
    ).toEqual([]);
    for (const dir of [...IDS.map((id) => `reports/${id}/out`), ...IDS.map((id) => `reports/${id}/dist`), 'out']) {
      const built = filesOf(join(a, dir));
      const restored = filesOf(join(b, dir));
      expect([...restored.keys()].sort(), dir).toEqual([...built.keys()].sort());
      for (const [name, bytes] of built) expect(restored.get(name)?.equals(bytes), `${dir}/${name}`).toBe(true);
    }
  });

  it('rebuilds only the briefing that changed, every briefing when a renderer changes, nothing when nothing did', {
    timeout: BUILD_MS,
  }, async () => {
    const nothing = (await plannedTasks(a, ['build', 'artifacts'])).filter(doesWork);
    expect(nothing.filter((t) => t.cache.status !== 'HIT').map((t) => t.taskId)).toEqual([]);

    const source = join(a, 'reports/alpha/src/report.ts');
    const before = readFileSync(source, 'utf8');
    writeFileSync(source, before.replace('Background', 'Background and context'));
    await turbo(a, ['run', 'build', 'artifacts', '--summarize']);
    const tasks = lastRunTasks(a).filter(doesWork);
    expect(
      tasks
        .filter((t) => t.cache.status === 'MISS')
        .map((t) => t.taskId)
        .sort(),
    ).toEqual([reportTask('alpha', 'artifacts'), reportTask('alpha', 'build')]);
    expect(tasks.length).toBeGreaterThan(IDS.length * 2 + 5);

    appendFileSync(join(a, 'packages/pdf/src/index.ts'), '\n// a renderer changed\n');
    const renderer = byId(await plannedTasks(a, ['build', 'artifacts']));
    for (const id of IDS) expect(renderer.get(reportTask(id, 'artifacts'))?.cache.status, id).toBe('MISS');
    expect(renderer.get('briefing#artifacts')?.cache.status).toBe('MISS');
  });
});
