import type { Report } from '@briefing/content';
import { type CoverageResult, checkCoverage } from './coverage.js';
import { readDeckHtml } from './deck.js';
import { readPdf } from './pdf.js';
import { readPptx } from './pptx.js';

/**
 * Read the PDF briefing (its bytes, with pdf.js), the HTML deck (with a DOM) and, when given,
 * the PowerPoint deck (its XML) back and compare them with the report: every section, list
 * item, figure and table cell, and the navigation.
 */
export async function checkOutputs(
  report: Report,
  outputs: { pdf: Uint8Array; html: string; pptx?: Uint8Array | undefined },
): Promise<CoverageResult> {
  const pdf = await readPdf(outputs.pdf);
  const deck = readDeckHtml(outputs.html);
  const pptx = outputs.pptx ? await readPptx(outputs.pptx) : undefined;
  return checkCoverage(report, pdf, deck, pptx);
}

/** The matrix as plain text lines: each section, item and figure against the PDF and the slides. */
export function formatMatrix(result: CoverageResult): string {
  const where = (f: { found: boolean; at?: number }, unit: string) => (f.found ? `${unit} ${f.at}` : 'MISSING');
  const label = (r: CoverageResult['rows'][number]) =>
    r.kind === 'section' ? r.label : `   ${r.kind === 'figure' ? '#' : '-'} ${r.label}`;
  const width = Math.min(64, Math.max(20, ...result.rows.map((r) => label(r).length)));
  const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
  const withPptx = result.rows.some((r) => r.pptx !== undefined);
  const pptxColumn = (r: CoverageResult['rows'][number]) =>
    withPptx ? `  ${r.pptx ? where(r.pptx, 'slide') : 'MISSING'}` : '';
  const lines = [
    `${'section / item / figure / cell'.padEnd(width)}  ${'PDF'.padEnd(10)}  ${withPptx ? `${'slides'.padEnd(9)}  PPTX` : 'slides'}`,
  ];
  for (const r of result.rows) {
    const slides = where(r.slides, 'slide');
    lines.push(
      `${cut(label(r)).padEnd(width)}  ${where(r.pdf, 'p.').padEnd(10)}  ${withPptx ? slides.padEnd(9) : slides}${pptxColumn(r)}`,
    );
  }
  lines.push('');
  for (const n of result.navigation) lines.push(`${n.ok ? 'ok  ' : 'FAIL'}  ${n.what}: ${n.detail}`);
  lines.push('');
  const counts = (kind: string) => result.rows.filter((r) => r.kind === kind).length;
  if (result.ok) {
    lines.push(
      `All present: ${counts('section')} sections, ${counts('item')} list items, ${counts('figure')} figures and ${counts('cell')} table cells in ${withPptx ? 'the PDF, the slides and slides.pptx' : 'both the PDF and the slides'}.`,
    );
  } else {
    const missing = result.missing.map(
      (r) =>
        `${r.kind} "${r.label}" (${r.sectionId}) missing from ${[!r.pdf.found && 'PDF', !r.slides.found && 'slides', r.pptx?.found === false && 'slides.pptx'].filter(Boolean).join(' and ')}`,
    );
    const nav = result.navigation.filter((n) => !n.ok).map((n) => `${n.what}: ${n.detail}`);
    lines.push(
      `Check failed, ${missing.length + nav.length} problem(s):`,
      ...[...missing, ...nav].map((m) => `  ${m}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
