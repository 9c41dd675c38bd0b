import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseReport, reportJsonSchema } from '@briefing/content';
import { runCli } from '@briefing/testkit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

describe('briefing export', () => {
  it('prints the report as JSON that validates', async () => {
    const { code, stdout } = await runCli(['export', '--json']);
    expect(code).toBe(0);
    expect(parseReport(JSON.parse(stdout)).ok).toBe(true);
  });

  it('writes the JSON Schema to a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'briefing-export-')), 'schema.json');
    const { code, stderr } = await runCli(['export', '--schema', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('wrote');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(reportJsonSchema());
  });

  it('writes the schema beside an exported report, where its "$schema" resolves as an editor resolves it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefing-export-'));
    mkdirSync(join(cwd, 'reports'));
    const { code, stderr } = await runCli(['export', '--json', '--out', 'reports/r.json'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('wrote reports/r.json and, beside it, reports/report.schema.json (its "$schema")\n');
    expect(readdirSync(join(cwd, 'reports')).sort()).toEqual(['r.json', 'report.schema.json']);
    const file = join(cwd, 'reports', 'r.json');
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    // An editor resolves "$schema" as a URL reference relative to the file that holds it.
    const schemaFile = fileURLToPath(new URL(exported.$schema, pathToFileURL(file)));
    expect(existsSync(schemaFile), schemaFile).toBe(true);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(schema).toEqual(reportJsonSchema());
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses to write a report over the schema it names', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefing-export-'));
    const { code, stderr } = await runCli(['export', '--json', '--out', 'report.schema.json'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^briefing export: report\.schema\.json is where the report's schema goes/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses to write over a FIFO, a socket or a device, and writes nothing beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-export-'));
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    const server = createServer().listen(join(dir, 'socket'));
    await once(server, 'listening');
    // A character device of its own (the null device's numbers) when mknod may make one (as
    // root, CI's case); otherwise /dev/null itself, which without root cannot be replaced.
    const made = spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status === 0;
    const device = made ? join(dir, 'null') : '/dev/null';
    try {
      for (const [target, kind] of [
        [join(dir, 'fifo'), 'a FIFO (named pipe)'],
        [join(dir, 'socket'), 'a socket'],
        [device, 'a character device'],
      ] as const) {
        const { code, stderr } = await runCli(['export', '--json', '--out', target]);
        expect(stderr, target).toBe(
          `briefing export: refusing to write ${target}: it is ${kind}, not a file; briefing writes only files\n`,
        );
        expect(code, target).toBe(2);
      }
      expect(readdirSync(dir).sort()).toEqual([...(made ? ['null'] : []), 'fifo', 'socket'].sort());
      expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
      expect(statSync(device).isCharacterDevice()).toBe(true);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('refuses a link to a device, and writes through a link to a file, which stays a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-export-'));
    symlinkSync('/dev/null', join(dir, 'to-null.json'));
    const refused = await runCli(['export', '--schema', '--out', join(dir, 'to-null.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/it is a character device, not a file/);
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    expect((await runCli(['export', '--schema', '--out', join(dir, 'link.json')])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toEqual(reportJsonSchema());
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a system folder, and making a folder inside one', async () => {
    for (const [out, says] of [
      ['/proc/report.json', 'refusing to write into /proc: /proc is a system folder'],
      ['/sys/briefing/report.json', 'refusing to make /sys/briefing inside /sys, a system folder'],
    ]) {
      const { code, stderr } = await runCli(['export', '--json', '--out', out as string]);
      expect(stderr, out).toMatch(`briefing export: ${says}`);
      expect(code, out).toBe(2);
    }
  });

  it('never replaces a report.schema.json that is not this schema unless --force, and leaves one that is', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefing-export-'));
    writeFileSync(join(cwd, 'report.schema.json'), '{ "mine": true }\n');
    const refused = await runCli(['export', '--json', '--out', 'r.json'], { cwd });
    expect(refused.stderr).toBe(
      'briefing export: report.schema.json is already there and is not this schema; not replacing it (add --force to replace it, or export into another folder)\n',
    );
    expect(refused.code).toBe(2);
    expect(readdirSync(cwd)).toEqual(['report.schema.json']);
    expect(readFileSync(join(cwd, 'report.schema.json'), 'utf8')).toBe('{ "mine": true }\n');

    const forced = await runCli(['export', '--json', '--out', 'r.json', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe(
      'wrote r.json and, beside it, report.schema.json (its "$schema", replacing the file that was there)\n',
    );
    expect(JSON.parse(readFileSync(join(cwd, 'report.schema.json'), 'utf8'))).toEqual(reportJsonSchema());

    const again = await runCli(['export', '--json', '--out', 'r.json'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('wrote r.json; beside it, report.schema.json already holds its schema (its "$schema")\n');
    expect((await runCli(['export', '--schema', '--force'], { cwd })).code).toBe(2);
  });

  it('needs exactly one of --json and --schema', async () => {
    expect((await runCli(['export'])).code).toBe(2);
    expect((await runCli(['export', '--json', '--schema'])).code).toBe(2);
  });
});
