import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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

  it('needs exactly one of --json and --schema', async () => {
    expect((await runCli(['export'])).code).toBe(2);
    expect((await runCli(['export', '--json', '--schema'])).code).toBe(2);
  });
});
