// Builds the real artifacts with the real `briefing build` command (in-process) into a
// fresh temp folder, and reads them back the way a reader gets them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeckFacts, type PdfFacts, readDeckHtml, readPdf } from '@briefing/inspect';
import { runCli } from '@briefing/testkit';

/** `briefing build` in-process into a fresh temp folder, with the real environment. */
export async function build(args: string[]): Promise<{ dir: string; code: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-artifacts-'));
  const { code, stdout, stderr } = await runCli(['build', '--out', dir, ...args], { env: process.env });
  return { dir, code, stdout, stderr };
}

export interface Artifacts {
  dir: string;
  pdf: PdfFacts;
  deck: DeckFacts;
  /** Text of slides.pdf, one string per page; undefined without a browser. */
  slidesPdf?: PdfFacts;
}

export async function buildArtifacts(withBrowser: boolean): Promise<Artifacts> {
  const formats = withBrowser ? 'pdf,md,html,slides-pdf' : 'pdf,md,html';
  const { dir, code, stderr } = await build(['--format', formats, '--quiet']);
  if (code !== 0) throw new Error(`briefing build failed (${code}): ${stderr}`);
  const pdf = await readPdf(new Uint8Array(readFileSync(join(dir, 'briefing.pdf'))));
  const deck = readDeckHtml(readFileSync(join(dir, 'slides.html'), 'utf8'));
  const slidesPdf = withBrowser ? await readPdf(new Uint8Array(readFileSync(join(dir, 'slides.pdf')))) : undefined;
  return { dir, pdf, deck, ...(slidesPdf ? { slidesPdf } : {}) };
}
