import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@briefing/content';
import type { CoverageResult } from '@briefing/inspect';
import { writeAtomic } from '../edge/io.js';
import { processTempDir } from '../edge/temp.js';

/** The renderers a check exercises; tests swap in faulty ones to prove the check fails. */
export interface Renderers {
  pdf: (report: Report) => Promise<Uint8Array>;
  html: (report: Report) => Promise<string>;
  pptx: (report: Report) => Promise<Uint8Array>;
}

// Each renderer is loaded on its first use: `briefing check --help` loads none of them.
export const realRenderers: Renderers = {
  pdf: async (r) => (await import('@briefing/pdf')).renderPdf(r),
  html: async (r) => (await import('../browser/deck-html.js')).renderDeckHtml(r),
  pptx: async (r) => (await import('@briefing/slides')).renderPptx(r),
};

/**
 * Build the PDF briefing, the HTML deck and the PowerPoint deck into a temp folder and read
 * the files back (`checkOutputs` from @briefing/inspect: pdf.js for the PDF, a DOM for the
 * HTML, the PPTX's XML) to compare them with the report.
 */
export async function runCheck(report: Report, renderers: Renderers = realRenderers): Promise<CoverageResult> {
  const dir = processTempDir('check');
  try {
    const pdfPath = join(dir, 'briefing.pdf');
    const htmlPath = join(dir, 'slides.html');
    const pptxPath = join(dir, 'slides.pptx');
    await writeAtomic(pdfPath, await renderers.pdf(report));
    await writeAtomic(htmlPath, await renderers.html(report));
    await writeAtomic(pptxPath, await renderers.pptx(report));
    const { checkOutputs } = await import('@briefing/inspect');
    return await checkOutputs(report, {
      pdf: new Uint8Array(await readFile(pdfPath)),
      html: await readFile(htmlPath, 'utf8'),
      pptx: new Uint8Array(await readFile(pptxPath)),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
