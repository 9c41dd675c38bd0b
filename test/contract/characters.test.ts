// One character rule for every field and every output (issue 19): what `briefing validate`
// accepts, every format draws in the design's faces and `briefing check` finds; what it
// refuses, build and check refuse with the same field paths. Each case here was a report that
// validate passed and an output then broke or drew in a fallback font.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportInput } from '@briefing/content';
import { freshDir, reportFile, runCli } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import { describe, expect, it } from 'vitest';

const browser = browserOrReason();
const fresh = () => freshDir('briefing-characters-');

type Edit = (r: ReportInput) => void;

/** The problem lines a command printed (`  path: message`), trimmed. */
const problemLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^\s+\S+: /.test(l))
    .map((l) => l.trim());

/** The block of a section with the given type, from the packaged report (throws when the fixture moved). */
function blockOf<T extends ReportInput['sections'][number]['blocks'][number]['type']>(
  r: ReportInput,
  section: number,
  type: T,
): Extract<ReportInput['sections'][number]['blocks'][number], { type: T }> {
  const block = r.sections[section]?.blocks.find((b) => b.type === type);
  if (!block) throw new Error(`fixture moved: no ${type} in sections[${section}]`);
  return block as Extract<ReportInput['sections'][number]['blocks'][number], { type: T }>;
}

/** validate, build (every format but the slides' PDF, which needs a browser) and check on one report. */
async function verdicts(edit: Edit) {
  const file = reportFile(edit);
  const out = fresh();
  const validate = await runCli(['validate', file]);
  const build = await runCli(['build', '--input', file, '--format', 'pdf,md,html,pptx', '--out', out]);
  const check = await runCli(['check', '--input', file]);
  return { validate, build, check, written: readdirSync(out) };
}

describe('characters the schema refuses, in every field, before any output is written', () => {
  it.each<[string, string, Edit]>([
    [
      'U+FFFF in a keyword (core.xml of the PPTX was malformed)',
      'meta.keywords[0]: must not contain the noncharacter U+FFFF',
      (r) => {
        r.meta.keywords = ['bad\uFFFF', ...(r.meta.keywords ?? []).slice(1)];
      },
    ],
    [
      'an emoji in a section point (the slides drew it in an emoji font)',
      'sections[1].point: characters the fonts cannot show: "😀" (U+1F600)',
      (r) => {
        r.sections[1]!.point = 'Hundreds of millions of new users 😀';
      },
    ],
    [
      'U+FFFF in a section point (the PPTX turned it into U+FFFD)',
      'sections[1].point: must not contain the noncharacter U+FFFF',
      (r) => {
        r.sections[1]!.point = 'Hundreds of millions\uFFFF of new users';
      },
    ],
    [
      'an emoji in an item’s on-screen line',
      'sections[4].blocks[0].items[0].onScreen: characters the fonts cannot show: "🎣" (U+1F3A3)',
      (r) => {
        blockOf(r, 4, 'list').items[0]!.onScreen = 'Phishing 🎣 everywhere';
      },
    ],
    [
      'an emoji in a speaker note',
      'sections[0].notes[0]: characters the fonts cannot show: "👉" (U+1F449)',
      (r) => {
        r.sections[0]!.notes = ['👉 Pause here'];
      },
    ],
    [
      'a snowman in a chart’s alt text',
      'sections[1].blocks[1].alt: characters the fonts cannot show: "☃" (U+2603)',
      (r) => {
        blockOf(r, 1, 'chart').alt = 'A bar chart ☃';
      },
    ],
    [
      'a zero-width space in a section title (both agendas lost the section)',
      'sections[4].title: must not contain the invisible character U+200B',
      (r) => {
        r.sections[4]!.title = 'The\u200Bfrauds run from Myanmar';
      },
    ],
    [
      'a byte-order mark in a section title',
      'sections[4].title: must not contain the invisible character U+FEFF',
      (r) => {
        r.sections[4]!.title = 'The\uFEFFfrauds run from Myanmar';
      },
    ],
  ])('%s: validate, build and check refuse it by path', async (_what, problem, edit) => {
    const { validate, build, check, written } = await verdicts(edit);
    expect(problemLines(validate.stderr)).toEqual([problem]);
    expect(validate.code).toBe(1);
    expect(build.code).toBe(1);
    expect(problemLines(build.stderr)).toEqual([problem]);
    expect(written).toEqual([]);
    expect(check.code).toBe(1);
    expect(problemLines(check.stderr)).toEqual([problem]);
  });
});

describe.skipIf(!('path' in browser))(
  `a report in Greek${'reason' in browser ? ` (skipped: ${browser.reason})` : ''}`,
  () => {
    it('builds, and every output draws its dates and text in the design’s faces (no fallback font)', async () => {
      const file = reportFile((r) => {
        r.meta.lang = 'el';
        r.sections[0]!.title = 'Γιατί μετράει η Μιανμάρ';
        r.takeaways[0] = 'Η απάτη στο διαδίκτυο είναι πλέον παγκόσμια βιομηχανία.';
      });
      expect((await runCli(['validate', file])).code).toBe(0);
      const out = fresh();
      const built = await runCli(['build', '--input', file, '--format', 'pdf,slides-pdf', '--out', out]);
      expect(built.code, built.stderr).toBe(0);
      for (const pdf of ['briefing.pdf', 'slides.pdf']) {
        const fonts = execFileSync('pdffonts', [join(out, pdf)], { encoding: 'utf8' })
          .split('\n')
          .slice(2)
          .filter(Boolean)
          .map((l) => (l.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
        expect(fonts.length, pdf).toBeGreaterThan(0);
        expect(
          fonts.filter((f) => !/^(Inter|SourceSerif4)-/.test(f)),
          pdf,
        ).toEqual([]);
      }
      const check = await runCli(['check', '--input', file]);
      expect(check.code, check.stdout).toBe(0);
    });
  },
);
