// The one character rule, as a property: random reports with characters from every Unicode
// general category in every text field of the packaged report. validate, build (every
// format: pdf, md, html, slides-pdf, pptx) and check must agree: a report validate accepts
// builds and checks clean, both PDFs use the design's faces and nothing else, and LibreOffice
// opens its PPTX in those faces too (all PPTX files converted in one run, after the property);
// a report validate refuses, build and check refuse with the same problems, writing nothing.
// A few reports by default (FC_RUNS for more); seeded like every property (FC_SEED replays).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAdmitted, type ReportInput, reportInput } from '@briefing/content';
import { readPptx } from '@briefing/inspect';
import { freshDir, runCli, seed, seeded } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertWithLibreOffice, pdfWords, sofficeOrReason } from '../helpers/libreoffice.js';

const browser = browserOrReason();
const soffice = sofficeOrReason();

const CATEGORIES = [
  ...['Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po'],
  ...['Sm', 'Sc', 'Sk', 'So', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs', 'Co', 'Cn'],
] as const;

/** Where code points are drawn from: the Basic Multilingual Plane, emoji, tags, private use and the last noncharacters. */
const SCANNED: [number, number][] = [
  [0x0000, 0xffff],
  [0x1f000, 0x1faff],
  [0xe0000, 0xe007f],
  [0xf0000, 0xf00ff],
  [0x10fff0, 0x10ffff],
];

/** Per general category, the code points the rule admits and (a sample of) those it refuses. */
const pools = CATEGORIES.map((category) => {
  const pattern = new RegExp(`^\\p{gc=${category}}$`, 'u');
  const admitted: number[] = [];
  const refused: number[] = [];
  for (const [a, b] of SCANNED)
    for (let cp = a; cp <= b; cp++)
      if (pattern.test(String.fromCodePoint(cp))) (isAdmitted(cp) ? admitted : refused).push(cp);
  return { category, admitted, refused };
});

const admittedChar = fc.oneof(
  ...pools
    .filter((p) => p.admitted.length > 0)
    .map((p) => fc.constantFrom(...p.admitted).map((cp) => String.fromCodePoint(cp))),
);
const refusedChar = fc.oneof(
  ...pools
    .filter((p) => p.refused.length > 0)
    .map((p) => fc.constantFrom(...p.refused).map((cp) => String.fromCodePoint(cp))),
);

/** Text the rule admits: letters, marks, digits, punctuation, symbols and spaces of every category that has some. */
const admittedText = fc
  .array(fc.oneof({ weight: 6, arbitrary: admittedChar }, { weight: 1, arbitrary: fc.constant(' ') }), {
    minLength: 1,
    maxLength: 24,
  })
  .map((chars) => {
    // Single-line, trimmed and non-empty, as every line field asks; short enough for every limit.
    const text = chars
      .join('')
      .replace(/[\r\n]/gu, ' ')
      .trim();
    return text === '' ? 'x' : text;
  });

/** Fields whose value is an id, a date, a link, a language or one of a few words: left as they are. */
const FIXED = new Set(['$schema', 'id', 'type', 'tone', 'kind', 'emphasis', 'qualifier', 'align']);
const FIXED_FORMAT = new Set(['date', 'published', 'asOf', 'url', 'href', 'lang']);

/** Every text field of the packaged report, with its path. */
function textLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') {
    const key = path.findLast((k) => typeof k === 'string') as string;
    return FIXED.has(key) || FIXED_FORMAT.has(key) ? [] : [path];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => textLeaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textLeaves(v, [...path, k]));
  return [];
}
const LEAVES = textLeaves(reportInput);

/** `['sections', 2, 'title']` as the CLI prints it. */
const shown = (path: (string | number)[]) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

const reportArb = fc
  .record({
    texts: fc.array(admittedText, { minLength: LEAVES.length, maxLength: LEAVES.length }),
    // Most reports hold only admitted text; some get a refused character inside one or two fields.
    injected: fc.oneof(
      { weight: 2, arbitrary: fc.constant<{ leaf: number; char: string }[]>([]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.record({ leaf: fc.nat(LEAVES.length - 1), char: refusedChar }), {
          minLength: 1,
          maxLength: 2,
        }),
      },
    ),
  })
  .map(({ texts, injected }) => {
    const input = structuredClone(reportInput) as ReportInput;
    const set = (path: (string | number)[], text: string) => {
      let node = input as unknown as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path.at(-1) as string | number] = text;
    };
    LEAVES.forEach((path, i) => {
      set(path, texts[i] as string);
    });
    for (const { leaf, char } of injected) {
      // Inside the text (never at an end a trim would take), so the field holds it.
      const text = texts[leaf] as string;
      const at = Math.ceil(text.length / 2);
      texts[leaf] = `${text.slice(0, at)}x${char}x${text.slice(at)}`;
      set(LEAVES[leaf] as (string | number)[], texts[leaf] as string);
    }
    return { input, injected: injected.map(({ leaf }) => shown(LEAVES[leaf] as (string | number)[])) };
  });

/** Always tried first: the packaged report as it is, and with U+FFFF in a keyword (LibreOffice could not open its PPTX). */
const EXAMPLES: [{ input: ReportInput; injected: string[] }][] = [
  [{ input: structuredClone(reportInput) as ReportInput, injected: [] }],
  [
    {
      input: { ...structuredClone(reportInput), meta: { ...reportInput.meta, keywords: ['bad\uFFFF'] } } as ReportInput,
      injected: ['meta.keywords[0]'],
    },
  ],
];

/** The `  path: message` lines a command printed, in order. */
const problems = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^\s+\S+: /.test(l))
    .map((l) => l.trim());

/** The fonts a PDF uses, without their subset prefixes. */
const fontsOf = (pdf: string) =>
  execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => (l.split(/\s+/u)[0] ?? '').replace(/^[A-Z]{6}\+/u, ''));

/** The design's faces (LibreOffice draws list bullets in its own OpenSymbol). */
const DESIGN = /^(Inter|SourceSerif4)-|^OpenSymbol$/u;

const ready = 'path' in browser && 'path' in soffice;

describe.skipIf(!ready)(
  `validate, build, check and LibreOffice agree on every character (fast-check seed ${seed})${
    'reason' in browser ? ` (skipped: ${browser.reason})` : 'reason' in soffice ? ` (skipped: ${soffice.reason})` : ''
  }`,
  () => {
    it('accepts, builds, draws and checks the same reports, and refuses the rest by the same paths', async () => {
      const accepted: { file: string; pptx: string; slides: number }[] = [];
      const decks = freshDir('briefing-charset-decks-');
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(reportArb, async ({ input, injected }) => {
          const dir = freshDir('briefing-charset-');
          const file = join(dir, 'report.json');
          writeFileSync(file, JSON.stringify(input));
          const out = join(dir, 'out');
          const validate = await runCli(['validate', file]);
          const build = await runCli([
            'build',
            '--input',
            file,
            '--format',
            'pdf,md,html,slides-pdf,pptx',
            // The PPTX in the design's faces, which LibreOffice draws below from the fonts the
            // charset is made of (the office faces' stand-ins, Gelasio and Arimo, are not all of
            // it: Gelasio has no Greek or Cyrillic; README, "The PowerPoint deck").
            '--pptx-faces',
            'design',
            '--out',
            out,
          ]);
          const check = await runCli(['check', '--input', file]);
          if (validate.code === 0) {
            expect(injected, file).toEqual([]);
            expect(build.code, `${file}\n${build.stderr}`).toBe(0);
            expect(check.code, `${file}\n${check.stdout}\n${check.stderr}`).toBe(0);
            for (const pdf of ['briefing.pdf', 'slides.pdf'])
              expect(
                fontsOf(join(out, pdf)).filter((f) => !DESIGN.test(f)),
                `${file}: ${pdf}`,
              ).toEqual([]);
            // Named apart: LibreOffice writes each PDF under the PPTX's own name, into one folder.
            const pptx = join(decks, `${accepted.length + 1}.pptx`);
            copyFileSync(join(out, 'slides.pptx'), pptx);
            accepted.push({ file, pptx, slides: (await readPptx(readFileSync(pptx))).slides.length });
          } else {
            refused++;
            const said = problems(validate.stderr);
            expect(validate.code, file).toBe(1);
            for (const path of injected)
              expect(
                said.some((p) => p.startsWith(`${path}: `)),
                `${file}: ${path}`,
              ).toBe(true);
            expect(build.code, file).toBe(1);
            expect(problems(build.stderr), file).toEqual(said);
            expect(existsSync(out) ? readdirSync(out) : [], file).toEqual([]);
            expect(check.code, file).toBe(1);
            expect(problems(check.stderr), file).toEqual(said);
          }
        }),
        { ...seeded(4), endOnFailure: true, examples: EXAMPLES },
      );
      // The examples make sure both sides are seen on every run.
      expect(accepted.length).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);

      // LibreOffice Impress opens every accepted PPTX, in one run: a page per slide, drawn in the design's faces.
      if (accepted.length === 0) return;
      const pdfs = await convertWithLibreOffice(
        'path' in soffice ? soffice.path : '',
        accepted.map((a) => a.pptx),
      );
      accepted.forEach(({ file, slides }, i) => {
        const pdf = pdfs[i] as string;
        expect(pdfWords(pdf).length, file).toBe(slides);
        expect(
          fontsOf(pdf).filter((f) => !DESIGN.test(f)),
          file,
        ).toEqual([]);
      });
    }, 900_000);
  },
);
