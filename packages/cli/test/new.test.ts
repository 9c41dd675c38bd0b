// `briefing new`, `briefing list` and `--report <id>`, in-process, in a workspace of the
// test's own: a folder whose package.json lists reports/* and whose node_modules is this
// checkout's, so a new briefing's report.ts finds @briefing/content as it would in the repo.
// (test/workspace/briefings.test.ts builds new briefings with turbo on fresh clones.)
import {
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
import { repoRoot, runCli } from '@briefing/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let root: string;
const cli = (args: string[], cwd = root) => runCli(args, { cwd, env: {} });
const source = (id: string) => join(root, 'reports', id, 'src', 'report.ts');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'briefing-new-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'w', private: true, workspaces: ['reports/*'] }));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('briefing new', () => {
  it('makes a package of package.json, tsconfig.json and a typed report that validates as it is', async () => {
    const made = await cli(['new', 'weekly-2026-48']);
    expect(made.code, made.stderr).toBe(0);
    const dir = join(root, 'reports', 'weekly-2026-48');
    expect(readdirSync(dir).sort()).toEqual(['package.json', 'src', 'tsconfig.json']);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('@briefing/report-weekly-2026-48');
    expect(pkg.exports['.'].default).toBe('./dist/report.js');
    expect(pkg.scripts.artifacts).toBe('briefing build --report weekly-2026-48');
    expect(made.stdout).toContain('npm install');
    // From a folder inside the workspace too, as turbo runs a briefing's scripts in its own folder.
    const exported = await cli(['export', '--report', 'weekly-2026-48', '--json'], join(dir, 'src'));
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout).meta.shortTitle).toBe('weekly-2026-48');
    // A template that says what to fill in, not filler text.
    expect(readFileSync(join(dir, 'src', 'report.ts'), 'utf8')).not.toMatch(/lorem|ipsum/i);
  });

  it("has a build script that replaces its dist's schema from an older build (content's schema changed)", async () => {
    await cli(['new', 'weekly']);
    const dir = join(root, 'reports', 'weekly');
    const script = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts.build as string;
    const exporting = script.split(' && ').find((c) => c.startsWith('briefing '));
    expect(exporting).toBeDefined();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'report.schema.json'), '{"title": "an older schema"}\n');
    const built = await cli((exporting as string).split(' ').slice(1), dir);
    expect(built.code, built.stderr).toBe(0);
    const schema = JSON.parse(readFileSync(join(dir, 'dist', 'report.schema.json'), 'utf8'));
    expect(schema.title).toBe('Briefing report');
    expect(JSON.parse(readFileSync(join(dir, 'dist', 'report.json'), 'utf8')).$schema).toBe('./report.schema.json');
  });

  it('refuses a bad id with exit 2 and writes nothing', async () => {
    const bad = ['Weekly', '1st', 'a--b', 'a_b', '../x', 'x/y', 'a-', 'a.b', 'é', `a${'b'.repeat(50)}`];
    for (const id of bad) {
      const result = await cli(['new', id]);
      expect(result.code, id).toBe(2);
      expect(result.stderr, id).toMatch(/is not a briefing id|is longer than 50/);
    }
    expect((await cli(['new'])).code).toBe(2);
    expect(existsSync(join(root, 'reports'))).toBe(false);
  });

  it('refuses a taken id, even an empty folder, and leaves it as it was', async () => {
    expect((await cli(['new', 'weekly'])).code).toBe(0);
    writeFileSync(source('weekly'), 'export const mine = 1;\n');
    const again = await cli(['new', 'weekly']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('reports/weekly is taken');
    expect(readFileSync(source('weekly'), 'utf8')).toBe('export const mine = 1;\n');
    mkdirSync(join(root, 'reports', 'empty'));
    expect((await cli(['new', 'empty'])).code).toBe(2);
    expect(readdirSync(join(root, 'reports', 'empty'))).toEqual([]);
    expect(readdirSync(join(root, 'reports')).sort()).toEqual(['empty', 'weekly']);
  });

  it('says where a workspace is needed when there is none', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'briefing-nowhere-'));
    try {
      const result = await cli(['new', 'weekly'], outside);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('no briefing workspace here or above');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('--report <id>', () => {
  it('builds a briefing into its own out/, and list shows it with its title, date and last build', async () => {
    await cli(['new', 'weekly']);
    const before = JSON.parse((await cli(['list', '--json'])).stdout);
    expect(before[1]).toMatchObject({ id: 'weekly', package: '@briefing/report-weekly', lastBuild: null });
    const built = await cli(['build', '--report', 'weekly', '--format', 'md,pdf', '--quiet']);
    expect(built.code, built.stderr).toBe(0);
    expect(readdirSync(join(root, 'reports', 'weekly', 'out')).sort()).toEqual(['briefing.pdf', 'slides.md']);
    expect(existsSync(join(root, 'out'))).toBe(false);
    const listed = await cli(['list']);
    expect(listed.stdout).toMatch(/^\(packaged\)\s+2026-11-25\s+never\s+Fraud Centres Next Door/m);
    expect(listed.stdout).toMatch(
      /^weekly\s+\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+The title of the weekly briefing/m,
    );
  });

  it('names the briefings there are for an unknown id, and refuses --report with --input', async () => {
    await cli(['new', 'weekly']);
    const unknown = await cli(['check', '--report', 'monthly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no briefing "monthly"');
    expect(unknown.stderr).toContain('briefings: weekly');
    expect((await cli(['build', '--report', '../weekly'])).code).toBe(2);
    const watch = await cli(['watch', '--report', 'monthly', '--port', '0']);
    expect(watch.code).toBe(2);
    expect(watch.stderr).toContain('no briefing "monthly"');
    expect((await cli(['watch', '--report', 'weekly', '--input', 'x.json'])).code).toBe(2);
    const both = await cli(['export', '--json', '--report', 'weekly', '--input', 'x.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--input or --report, not both');
  });

  it('gives an invalid briefing exit 1 with each problem by path, and one that does not load exit 2', async () => {
    await cli(['new', 'weekly']);
    const text = readFileSync(source('weekly'), 'utf8');
    // The template validates on load (assertReport): the problems come from there, by path.
    writeFileSync(source('weekly'), text.replace("lang: 'en-GB',", "lang: 'en-GB', shortTitle2: 'x',"));
    const invalid = await cli(['export', '--report', 'weekly', '--json']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('meta.shortTitle2: unknown key');
    writeFileSync(source('weekly'), 'export const reportInput = {;\n');
    const broken = await cli(['build', '--report', 'weekly', '--format', 'md']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('cannot load reports/weekly/src/report.ts');
    expect(existsSync(join(root, 'reports', 'weekly', 'out'))).toBe(false);
  });
});
