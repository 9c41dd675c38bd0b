// Characters no output can draw fail every command the same way, before anything is written:
// author text in any format, and a language whose dates and numbers the fonts cannot show.
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

  it('include dates written in the report language (a Chinese date), once, at meta.lang', async () => {
    const { code, stderr } = await runCli(['build', '--input', chinese, '--format', 'md', '--out', fresh()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /meta\.lang: writes dates and numbers such as "\d+年\d+月\d+日", with characters the fonts cannot show: "年" \(U\+5E74\)/,
    );
    expect(stderr.match(/^\s+\S+: /gmu)).toHaveLength(1);
  });

  it('include the digits of numbers written in the report language (Eastern Arabic digits)', async () => {
    const { code, stderr } = await runCli(['build', '--input', egyptian, '--format', 'html', '--out', fresh()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/meta\.lang: writes dates and numbers such as .*"١" \(U\+0661\)/);
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
