import { fixedDate, type Report } from '@briefing/content';
import { type FaceSetName, HTML_METRICS, NAMED_FACES } from '../layout/faces.js';
import { CONTINUED, type DeckOptions, type DeckPlan } from '../plan/plan.js';
import { planDeck } from '../render.js';
import { buildPresentation } from './build.js';
import { finishPackage } from './package.js';

export interface PptxOptions extends DeckOptions {
  /**
   * The date the file carries (YYYY-MM-DD, midnight UTC) as its created and modified dates
   * and on every zip entry. Default: the report's `meta.date`; for a plan, 1980-01-01 (the
   * zip format's first day), since a plan carries no date.
   */
  date?: string;
  /** SOURCE_DATE_EPOCH (seconds): wins over `date`. */
  sourceDateEpoch?: number;
  /**
   * The faces the PPTX names and is laid out for (faces.ts): `office` (Georgia and Arial,
   * the default: every PowerPoint has them) or `design` (Inter and Source Serif 4, as the HTML
   * deck). Used when a report is planned here; a plan keeps the faces it was planned in.
   */
  faces?: FaceSetName;
}

/**
 * The deck plan for a PPTX in these faces: measured in them, with room left for a wider
 * substitute in every box (faces.ts `reserve`), since the file cannot carry its fonts.
 */
export function planPptx(report: Report, options: PptxOptions = {}): DeckPlan {
  return planDeck(report, { ...options, metrics: { faces: options.faces ?? 'office', reserve: true } });
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
  const plan = 'meta' in input ? planPptx(input, options) : input;
  const faces = NAMED_FACES[(plan.metrics ?? HTML_METRICS).faces];
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
    faces,
    slideTitles: plan.slides.map((s) => (s.kind === 'title' ? plan.title : s.heading + (s.continued ? CONTINUED : ''))),
  });
}
