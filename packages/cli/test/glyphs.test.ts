// Characters no output can draw fail every command the same way, before anything is written:
// author text in any format, and the dates and numbers the renderers write in meta.lang.
import { readdirSync } from 'node:fs';
import { freshDir, reportFile, runCli } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';

const fresh = () => freshDir('briefing-glyphs-');

const cjkTitle = reportFile((r) => {
  (r.sections[2] as { title: string }).title = '网络诈骗 networks';
});
const chinese = reportFile((r) => {
  r.meta.lang = 'zh';
});
const egyptian = reportFile((r) => {
  r.meta.lang = 'ar-EG';
});

describe('characters the fonts cannot show', () => {
  for (const formats of ['slides-pdf,pptx', 'md,html', 'pdf', 'md']) {
    it(`fail --format ${formats} by path, with code points, writing nothing`, async () => {
      const out = fresh();
      const { code, stderr } = await runCli(['build', '--input', cjkTitle, '--format', formats, '--out', out], {
        env: { CHROME_PATH: '/nonexistent' },
      });
      expect(code).toBe(1);
      expect(stderr).toContain('sections[2].title: characters the fonts cannot show: "网" (U+7F51)');
      expect(readdirSync(out)).toEqual([]);
    });
  }

  it('include dates written in the report language (a Chinese date)', async () => {
    const { code, stderr } = await runCli(['build', '--input', chinese, '--format', 'md', '--out', fresh()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /meta\.date: written in "zh" as "\d+年\d+月\d+日", with characters the fonts cannot show: "年" \(U\+5E74\)/,
    );
    expect(stderr).toMatch(/sections\[1\]\.blocks\[1\]\.asOf: written in "zh"/);
  });

  it('include the digits of numbers written in the report language (Eastern Arabic digits)', async () => {
    const { code, stderr } = await runCli(['build', '--input', egyptian, '--format', 'html', '--out', fresh()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/meta\.lang: written in "ar-EG" as .*"١" \(U\+0661\)/);
    expect(stderr).toMatch(/sections\[1\]\.blocks\[1\]\.data\[0\]\.value: written in "ar-EG"/);
  });

  it('give validate the same verdict as build, problem for problem', async () => {
    for (const file of [cjkTitle, chinese, egyptian]) {
      const built = await runCli(['build', '--input', file, '--format', 'md', '--out', fresh()]);
      const validated = await runCli(['validate', file]);
      expect(validated.code).toBe(1);
      const problems = (text: string) =>
        text
          .split('\n')
          .filter((l) => /^\s+\S+: /.test(l))
          .map((l) => l.trim());
      expect(problems(validated.stderr)).toEqual(problems(built.stderr));
      expect(problems(validated.stderr).length).toBeGreaterThan(0);
    }
  });
});
