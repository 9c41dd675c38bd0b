import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport, reportJsonSchema } from '@briefing/content';
import { runCli } from '@briefing/testkit';
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

  it('needs exactly one of --json and --schema', async () => {
    expect((await runCli(['export'])).code).toBe(2);
    expect((await runCli(['export', '--json', '--schema'])).code).toBe(2);
  });
});
