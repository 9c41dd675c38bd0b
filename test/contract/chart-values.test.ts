// Chart values at the schema's edges through the real commands: `validate`, `build` and
// `check` give one verdict on a value (1e308 is refused by all three, naming the field), and a
// zero written as -0 is labelled "0" in the PDF, the slides and the PPTX alike, so `check`
// finds it in all three.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportInput } from '@briefing/content';
import { freshDir, runCli } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';

/**
 * The packaged report as JSON text with the chart's data point India's value written as
 * `literal` (JSON.stringify would write -0 as 0, so the text is edited).
 */
function reportWithValue(literal: string): string {
  const text = JSON.stringify(reportInput, null, 2);
  const edited = text.replace('"value": 600000000', `"value": ${literal}`);
  if (edited === text) throw new Error('fixture moved: no India value of 600000000');
  const file = join(freshDir('briefing-values-'), 'report.json');
  writeFileSync(file, edited);
  return file;
}

describe('chart values through validate, build and check', () => {
  it('refuses 1e308 in all three, naming the field, with no output written', async () => {
    const file = reportWithValue('1e308');
    const out = freshDir('briefing-values-out-');
    const runs = [
      await runCli(['validate', file]),
      await runCli(['build', '--input', file, '--out', out, '--format', 'pdf', '--quiet']),
      await runCli(['check', '--input', file]),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'sections[1].blocks[1].data[1].value: must be less than 1e15 (a thousand trillion): a larger figure does not fit a chart label',
      );
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('labels a -0 "over 0" in the PDF, the slides and the PPTX, so check finds it in each', async () => {
    const file = reportWithValue('-0');
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(0);
    const { code, stdout } = await runCli(['check', '--input', file]);
    expect(stdout).toMatch(/# India: over 0 internet users +p\. \d+ +slide \d+ +slide \d+\n/u);
    expect(stdout).not.toContain('MISSING');
    expect(code).toBe(0);
  });
});
