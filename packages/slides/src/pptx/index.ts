import { fixedDate, type Report } from '@briefing/content';
import { type FaceSetName, HTML_METRICS, NAMED_FACES, type Room } from '../layout/faces.js';
import { CONTINUED } from '../layout/layout.js';
import { withMetrics } from '../layout/measure.js';
import { planDeck } from '../plan/deck.js';
import type { DeckOptions, DeckPlan } from '../plan/plan.js';
import { buildPresentation } from './build.js';
import { finishParts, partOrder } from './package.js';
import { faceNotes, faceSetFor } from './template/faces.js';
import { roomFor } from './template/fit.js';
import { graft } from './template/graft.js';
import { PptxTemplateError, readTemplate, type Template } from './template/read.js';
import { collapse } from './text.js';
import { writeZip } from './zip.js';

export { PptxTemplateError } from './template/read.js';

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
  /**
   * An organisation's template (the bytes of a .pptx or .potx): the deck is built on its slide
   * size, masters, layouts, theme faces and colours. A template the deck cannot use is a
   * PptxTemplateError naming what is wrong or missing.
   */
  template?: Uint8Array;
  /**
   * Told what the deck could not do as asked (a template face it does not measure, and the
   * face whose line breaks its slides keep instead); the CLI prints it.
   */
  onWarning?: (message: string) => void;
  /**
   * The faces the PPTX names and is laid out for (faces.ts): `office` (Georgia and Arial,
   * the default: every PowerPoint has them) or `design` (Inter and Source Serif 4, as the HTML
   * deck). Used when a report is planned here; a plan keeps the faces it was planned in. On
   * a template whose theme faces the layout measures, the plan measures in those instead
   * (template/faces.ts), since the slides are set in them.
   */
  faces?: FaceSetName;
}

/**
 * The deck plan for a PPTX in these faces: measured in them, with room left for a wider
 * substitute in every box (faces.ts `reserve`), since the file cannot carry its fonts; on
 * `options.template`, laid out for its body area at its real size (template/fit.ts).
 */
export function planPptx(report: Report, options: PptxOptions = {}): DeckPlan {
  return planOn(report, options, options.template ? readTemplate(options.template) : undefined);
}

function planOn(report: Report, options: PptxOptions, template: Template | undefined): DeckPlan {
  const asked = options.faces ?? 'office';
  if (!template) return planDeck(report, { ...options, metrics: { faces: asked, reserve: true } });
  // On a template: measured in its theme's faces where the layout has their metrics (faces.ts).
  const metrics = { faces: faceSetFor(template, asked), reserve: true, room: roomFor(template) };
  return planDeck(report, { ...options, metrics });
}

const px = (room: Room) => `${Math.round(room.width)} × ${Math.round(room.height)} px`;

/**
 * A plan given with a template must have been laid out for it (planPptx with the same
 * template): a plan for our own slide, or for another template, would be fitted into the body
 * area at another scale, its type shrunk or grown, without a word said. Refused instead, as a
 * plan for a template given without one.
 */
function checkRoom(plan: DeckPlan, template: Template | undefined): void {
  const planned = plan.metrics?.room;
  if (!template) {
    if (planned)
      throw new PptxTemplateError(
        `none was given, but the deck plan was laid out for a template's body area (${px(planned)}): pass that template too`,
      );
    return;
  }
  const room = roomFor(template);
  const same =
    planned?.width === room.width && planned.height === room.height && planned.slideHeight === room.slideHeight;
  if (!same)
    throw new PptxTemplateError(
      `the deck plan was laid out for ${planned ? `another body area (${px(planned)})` : 'our own 16:9 slide'}, not this template's (${px(room)}): plan it with planPptx(report, { template }), or pass the report`,
    );
}

/**
 * The deck as an editable PowerPoint file, made natively from the deck plan (pptxgenjs, no
 * browser): the same slides as the HTML deck, in the same order, with real text (every text
 * in a placeholder of its slide's layout, bullets as paragraphs, live links), native charts
 * and tables, speaker notes, and the same bytes for the same input; on a template when
 * `options.template` gives one. Takes a validated report (planned here with `options`) or a
 * plan from `planPptx`; both are typed values, told apart by their shape (a report has
 * `meta`, a plan has not), never validated again. A plan given with `options.template` must
 * have been made for that template (planPptx with it), else PptxTemplateError. Pure: no
 * files, no network.
 */
export async function renderPptx(input: Report | DeckPlan, options: PptxOptions = {}): Promise<Uint8Array> {
  // The template is read first: a file the deck cannot use fails before any work is done.
  const template = options.template ? readTemplate(options.template) : undefined;
  const plan = 'meta' in input ? planOn(input, options, template) : input;
  if (!('meta' in input)) checkRoom(plan, template);
  const set = (plan.metrics ?? HTML_METRICS).faces;
  const faces = NAMED_FACES[set];
  if (template) for (const note of faceNotes(template, set)) options.onWarning?.(note);
  if (template?.macros)
    options.onWarning?.("the template's macros are left out: the deck is a .pptx, which holds none");
  const reportDate = 'meta' in input ? input.meta.date : undefined;
  const date = fixedDate(options.date ?? reportDate, options.sourceDateEpoch);
  const { pres, chartFormats } = buildPresentation(plan);
  const written = (await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  // The pass writes the layouts' placeholders in the plan's faces, as the build did the slides.
  const parts = withMetrics(plan.metrics ?? HTML_METRICS, () =>
    finishParts(written, {
      lang: plan.lang,
      title: plan.title,
      subject: plan.description ?? plan.title,
      ...(plan.author ? { author: plan.author } : {}),
      keywords: plan.keywords,
      date,
      chartFormats,
      kinds: plan.slides.map((s) => s.kind),
      footer: collapse(plan.footer),
      faces,
      slideTitles: plan.slides.map((s) =>
        s.kind === 'title' ? plan.title : s.heading + (s.continued ? CONTINUED : ''),
      ),
    }),
  );
  if (!template) return writeZip(parts, date);
  return writeZip(
    graft(parts, template, { lang: plan.lang, faces, room: roomFor(template) }).sort((a, b) =>
      partOrder(a.name, b.name),
    ),
    date,
  );
}
