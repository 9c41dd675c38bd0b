import { fixedDate, type Report } from '@briefing/content';
import { planDeck } from '../plan/deck.js';
import type { DeckOptions, DeckPlan } from '../plan/plan.js';
import { buildPresentation } from './build.js';
import { finishPackage } from './package.js';

export interface PptxOptions extends DeckOptions {
  /**
   * The date the file carries (YYYY-MM-DD, midnight UTC) as its created and modified dates,
   * and (that day at ten, the same in every time zone: see zipTime) on every zip entry.
   * Default: the report's `meta.date`; for a plan, 1980-01-01 (the zip format's first day),
   * since a plan carries no date.
   */
  date?: string;
  /** SOURCE_DATE_EPOCH (seconds): wins over `date`. */
  sourceDateEpoch?: number;
}

/**
 * The deck as an editable PowerPoint file, made natively from the deck plan (pptxgenjs, no
 * browser): the same slides as the HTML deck, in the same order, with real text (a title
 * placeholder on every slide, bullets as paragraphs, live links), native charts and tables,
 * speaker notes, and the same bytes for the same input. Takes a validated report (planned
 * here with `options`) or a plan from `planDeck`; both are typed values, told apart by their
 * shape (a report has `meta`, a plan has not), never validated again. Pure: no files, no network.
 */
export async function renderPptx(input: Report | DeckPlan, options: PptxOptions = {}): Promise<Uint8Array> {
  const plan = 'meta' in input ? planDeck(input, options) : input;
  const reportDate = 'meta' in input ? input.meta.date : undefined;
  const date = fixedDate(options.date ?? reportDate, options.sourceDateEpoch);
  const { pres, chartFormats } = buildPresentation(plan);
  const written = (await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return await finishPackage(written, {
    lang: plan.lang,
    title: plan.title,
    subject: plan.description ?? plan.title,
    ...(plan.author ? { author: plan.author } : {}),
    keywords: plan.keywords,
    date,
    chartFormats,
  });
}
