import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@briefing/content';
import type { CoverageResult } from '@briefing/inspect';
import type { DeckPlan } from '@briefing/slides';
import { writeAtomic } from '../edge/io.js';
import { processTempDir } from '../edge/temp.js';
import { type Deck, deckOf } from './outputs.js';

/**
 * The renderers a check exercises; tests swap in faulty ones to prove the check fails. The
 * decks take the report's plans, made once for the whole check (deckOf): the HTML deck the
 * plan the editorial rules read (planDeck), slides.pptx its own (planPptx, in its faces).
 */
export interface Renderers {
  pdf: (report: Report) => Promise<Uint8Array>;
  html: (report: Report, plan: DeckPlan) => Promise<string>;
  pptx: (report: Report, plan: DeckPlan) => Promise<Uint8Array>;
}

// Each renderer is loaded on its first use: `briefing check --help` loads none of them.
export const realRenderers: Renderers = {
  pdf: async (r) => (await import('@briefing/pdf')).renderPdf(r),
  html: async (r, plan) => {
    const [{ renderDeckHtml }, { deckMarkdown }] = await Promise.all([
      import('../browser/deck-html.js'),
      import('@briefing/slides'),
    ]);
    return renderDeckHtml(r, { markdown: deckMarkdown(plan) });
  },
  // Dated as a build dates it: a plan carries no date.
  pptx: async (r, plan) => (await import('@briefing/slides')).renderPptx(plan, { date: r.meta.date }),
};

/**
 * Build the PDF briefing, the HTML deck and the PowerPoint deck into a temp folder and read
 * the files back (`checkOutputs` from @briefing/inspect: pdf.js for the PDF, a DOM for the
 * HTML, the PPTX's XML) to compare them with the report. `deck` holds the report's plans (the
 * caller's, when it has read them already).
 */
export async function runCheck(
  report: Report,
  renderers: Renderers = realRenderers,
  deck: Deck = deckOf(report),
): Promise<CoverageResult> {
  const dir = processTempDir('check');
  try {
    const pdfPath = join(dir, 'briefing.pdf');
    const htmlPath = join(dir, 'slides.html');
    const pptxPath = join(dir, 'slides.pptx');
    await writeAtomic(pdfPath, await renderers.pdf(report));
    await writeAtomic(htmlPath, await renderers.html(report, await deck.plan()));
    await writeAtomic(pptxPath, await renderers.pptx(report, await deck.pptxPlan()));
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
