// LibreOffice Impress as the real client for the PPTX: find it, convert files to PDF in one
// headless run (with the design's faces installed for it, as the README tells a viewer to),
// and read the PDFs' words with their boxes (pdftotext -bbox).
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { outline, type Report } from '@briefing/content';
import { compact, expectations } from '@briefing/inspect';
import type { DeckPlan } from '@briefing/slides';

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

/** A fontconfig file that adds the design's faces (the TTFs the PDF package uses) to the system's. */
function fontConfig(dir: string): string {
  const require = createRequire(import.meta.url);
  const dirs = ['@expo-google-fonts/inter', '@expo-google-fonts/source-serif-4'].map((pkg) =>
    dirname(require.resolve(`${pkg}/package.json`)),
  );
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}\n  <cachedir>${join(dir, 'fc-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/**
 * Convert PPTX files to PDF in one LibreOffice run (starting it costs most of the time), in a
 * profile of its own; returns each PDF's path, in the order given. Rejects when LibreOffice
 * fails or leaves a file unconverted.
 */
export async function convertWithLibreOffice(soffice: string, files: readonly string[]): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'briefing-soffice-'));
  const outDir = join(work, 'pdf');
  const env = {
    ...process.env,
    HOME: work,
    FONTCONFIG_FILE: fontConfig(work),
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

/** Every page's words with their boxes, in points from the top left (pdftotext -bbox). */
export function pdfWords(pdf: string): PdfPageWords[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
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

/** Words that lie (by more than a quarter point) outside their page. */
export function outsideWords(pages: readonly PdfPageWords[]): string[] {
  return pages.flatMap((page, i) =>
    page.words
      .filter((w) => w.xMin < -0.25 || w.yMin < -0.25 || w.xMax > page.width + 0.25 || w.yMax > page.height + 0.25)
      .map((w) => `page ${i + 1}: "${w.text}" at [${w.xMin}, ${w.yMin}, ${w.xMax}, ${w.yMax}]`),
  );
}

/**
 * What of the report the converted PDF does not show where the plan put it: each section's
 * title on its section's pages (a kicker cut short with an ellipsis counts for the title it
 * begins), each item, cell and figure on its section's pages in order, a page per slide.
 */
export function missingText(r: Report, plan: DeckPlan, pages: readonly PdfPageWords[], kickers: string[]): string[] {
  const problems: string[] = [];
  if (pages.length !== plan.slides.length) problems.push(`${pages.length} pages for ${plan.slides.length} slides`);
  const text = pages.map((p) => compact(p.words.map((w) => w.text).join(' ')));
  const entries = outline(r);
  const cursors = new Map<string, number>();
  for (const e of expectations(r)) {
    const id = entries[e.section]?.id;
    const span = plan.slides.flatMap((s, i) => (s.section === id ? [i] : []));
    const hay = span.map((i) => text[i] ?? '').join('\u0000');
    if (e.kind === 'section') {
      const cut = span.map((i) => compact(kickers[i] ?? '')).find((k) => k.endsWith('...'));
      const found = hay.includes(e.needle) || (cut !== undefined && e.numbered?.startsWith(cut.slice(0, -3)));
      if (!found) problems.push(`section "${e.label}" not on its pages`);
      cursors.clear();
      continue;
    }
    if (e.kind === 'figure') {
      // A chart's labels and figures are separate texts of the chart: each on the section's pages.
      if (![e.needle, ...(e.with ?? [])].every((t) => hay.includes(t)))
        problems.push(`figure "${e.label}" not on its pages`);
      continue;
    }
    const needle = e.screen ?? e.needle;
    const at = hay.indexOf(needle, cursors.get(e.kind) ?? 0);
    if (at < 0) problems.push(`${e.kind} "${e.label}" not on its section's pages in order`);
    else cursors.set(e.kind, at + needle.length);
  }
  return problems;
}
