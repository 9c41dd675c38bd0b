// LibreOffice Impress as the real client for the PPTX: find it, convert files to PDF in one
// headless run (with the design's faces installed for it, as the README tells a viewer to),
// and read the PDFs' words with their boxes (pdftotext -bbox).
import { execFile, execFileSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';

/**
 * soffice for the tests, or the reason there is none. On CI (CI=true) a missing LibreOffice
 * is an error, never a skip (.ci/run installs libreoffice-impress).
 */
export function sofficeOrReason(
  env: Record<string, string | undefined> = process.env,
  fixedPaths: readonly string[] = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'],
): { path: string } | { reason: string } {
  const candidates = [
    ...(env.SOFFICE_PATH ? [env.SOFFICE_PATH] : []),
    ...(env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'soffice')),
    ...fixedPaths,
  ];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return { path };
    } catch {
      // next
    }
  }
  const reason = 'no LibreOffice found (apt-get install libreoffice-impress, or set SOFFICE_PATH)';
  if (env.CI === 'true') throw new Error(`CI=true but ${reason}: LibreOffice tests must not be skipped on CI`);
  return { reason };
}

/**
 * The fonts LibreOffice may draw with:
 * - `design`: the machine's fonts and the design's faces (the TTFs the PDF package uses), as
 *   the README tells a viewer to install them;
 * - `none`: DejaVu alone (from npm), a machine with none of the deck's faces: whatever the
 *   deck names is substituted;
 * - `office`: DejaVu and the office faces' metric-compatible equivalents, Gelasio for Georgia
 *   and Arimo for Arial (from npm), aliased as a Linux fontconfig does (30-metric-aliases).
 */
export type FontSetup = 'design' | 'none' | 'office';

const packageDir = (pkg: string) => dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));

/**
 * A private fontconfig file for the setup: LibreOffice (through fontconfig) sees only these
 * fonts. `none` and `office` take the system's rules (conf.d: which family is a serif, the
 * metric aliases) but none of its fonts; DejaVu is the plain set a Linux machine has (Sans,
 * Serif and Mono, not the Math face, which fontconfig would otherwise pick for running text).
 */
function fontConfig(dir: string, setup: FontSetup): string {
  const dejavu = join(dir, 'dejavu');
  mkdirSync(dejavu);
  const from = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  for (const file of readdirSync(from).filter((f) => /^DejaVu(Sans|Serif|SansMono)(-[A-Za-z]+)?\.ttf$/u.test(f))) {
    symlinkSync(join(from, file), join(dejavu, file));
  }
  const dirs = (pkgs: string[]) => pkgs.map((p) => `<dir>${packageDir(p)}</dir>`);
  const rules = '<include ignore_missing="yes">/etc/fonts/conf.d</include>';
  const lines =
    setup === 'design'
      ? [
          '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
          ...dirs(['@expo-google-fonts/inter', '@expo-google-fonts/source-serif-4']),
        ]
      : setup === 'none'
        ? [rules, `<dir>${dejavu}</dir>`]
        : [
            rules,
            `<dir>${dejavu}</dir>`,
            ...dirs(['@expo-google-fonts/gelasio', '@expo-google-fonts/arimo']),
            // As 30-metric-aliases.conf has them, should a system's rules lack them.
            ...[
              ['Georgia', 'Gelasio'],
              ['Arial', 'Arimo'],
            ].map(
              ([name, to]) =>
                `<alias binding="same"><family>${name}</family><accept><family>${to}</family></accept></alias>`,
            ),
          ];
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${[...lines, `<cachedir>${join(dir, 'fc-cache')}</cachedir>`].map((l) => `  ${l}`).join('\n')}\n</fontconfig>\n`,
  );
  return file;
}

/**
 * Convert PPTX files to PDF in one LibreOffice run (starting it costs most of the time), in a
 * profile of its own; returns each PDF's path, in the order given. Rejects when LibreOffice
 * fails or leaves a file unconverted.
 */
export async function convertWithLibreOffice(
  soffice: string,
  files: readonly string[],
  fonts: FontSetup = 'design',
): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'briefing-soffice-'));
  const outDir = join(work, 'pdf');
  const env = {
    ...process.env,
    HOME: work,
    FONTCONFIG_FILE: fontConfig(work, fonts),
    SAL_USE_VCLPLUGIN: 'svp',
  };
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      soffice,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      { env, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, out, err) =>
        error ? reject(new Error(`soffice failed: ${error.message}\n${err}`)) : resolve({ stdout: out, stderr: err }),
    );
  });
  const pdfs = files.map((f) => join(outDir, basename(f).replace(/\.pptx$/u, '.pdf')));
  const missing = pdfs.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new Error(`LibreOffice did not convert ${missing.join(', ')}:\n${stdout}\n${stderr}`);
  return pdfs;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPageWords {
  width: number;
  height: number;
  words: PdfWord[];
}

const fromEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#(\d+));/gu, (_m, name: string, code?: string) =>
    code ? String.fromCodePoint(Number(code)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? ''),
  );

/**
 * Every page's words with their boxes, in points from the top left (pdftotext -bbox): in
 * reading order, or with `drawn` in the order the page draws them (pdftotext -raw), which
 * keeps a text broken over lines in one piece where reading order puts a neighbour between
 * its lines (a chart's wrapped bar label, and the figure beside it), and a table's cells row
 * by row where reading order goes down a column of short cells past a tall one's row.
 */
export function pdfWords(pdf: string, drawn = false): PdfPageWords[] {
  const html = execFileSync('pdftotext', [...(drawn ? ['-raw'] : []), '-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu)].map(([, w, h, body]) => ({
    width: Number(w),
    height: Number(h),
    words: [
      ...(body ?? '').matchAll(
        /<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/gu,
      ),
    ].map(([, x0, y0, x1, y1, text]) => ({
      text: fromEntities(text ?? ''),
      xMin: Number(x0),
      yMin: Number(y0),
      xMax: Number(x1),
      yMax: Number(y1),
    })),
  }));
}
