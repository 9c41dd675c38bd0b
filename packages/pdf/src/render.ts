import { fixedDate, outline, type Report } from '@briefing/content';
import PDFDocument from 'pdfkit';
import { ALL_FEATURES, Builder, type Drawer, type DrawUnit, type Features } from './builder.js';
import { cover, type Opening } from './cover.js';
import { artifact, drawText, Node } from './draw.js';
import { registerFaces } from './embed.js';
import { faces } from './fonts.js';
import { geometry, type Paper } from './geometry.js';
import { composePages } from './pages.js';
import { firstFit } from './paginate.js';
import { about, conclusion, contents, section, sources } from './parts.js';
import { C, S } from './styles.js';
import { Measurer } from './text-layout.js';

export interface PdfOptions {
  /** Paper size; A4 by default. */
  paper?: Paper;
  /**
   * Seconds since the epoch to stamp as the creation and modification date (the CLI passes
   * `SOURCE_DATE_EPOCH`). By default the report's `meta.date` at 00:00 UTC.
   */
  sourceDateEpoch?: number;
}

// ---------------------------------------------------------------------------------------

const measurer = { current: undefined as Measurer | undefined };

/**
 * Render a validated report into a PDF briefing. Pure: no file I/O. The report is a `Report`
 * from content's boundary (`parseReport`/`assertReport`), checked once by whoever read it:
 * the schema admits only characters every face draws (the content package's charset), so
 * whatever passed it draws without a missing glyph.
 */
export function renderPdf(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
  return renderWith(report, options);
}

/**
 * `renderPdf` with some of the page layout switched off (`features`): for the tests that
 * show each layout check failing without what it checks. Not exported from the package.
 */
export async function renderWith(
  report: Report,
  options: PdfOptions = {},
  features: Readonly<Features> = ALL_FEATURES,
): Promise<Uint8Array> {
  const fonts = faces();
  measurer.current ??= new Measurer(fonts);
  // Text is hyphenated in the report's language.
  const m = measurer.current.in(report.meta.lang);
  const g = geometry(options.paper ?? 'a4');
  const { meta } = report;
  const date = fixedDate(meta.date, options.sourceDateEpoch);

  const doc = new PDFDocument({
    size: [g.pageWidth, g.pageHeight],
    margins: { top: g.top, bottom: g.pageHeight - g.bottom, left: g.left, right: g.pageWidth - g.right },
    autoFirstPage: false,
    bufferPages: false,
    tagged: true,
    subset: 'PDF/UA',
    pdfVersion: '1.7',
    lang: meta.lang,
    displayTitle: true,
    // No default font: pdfkit would load the standard Helvetica. Every text names its face.
    font: null,
    info: {
      Title: meta.title,
      // Only who the report names: its authors, else its organisation, else no Author at all.
      ...(meta.authors.length > 0 || meta.organisation
        ? { Author: meta.authors.length > 0 ? meta.authors.map((a) => a.name).join(', ') : meta.organisation?.name }
        : {}),
      Subject: meta.subtitle ?? meta.summary ?? meta.title,
      ...(meta.keywords.length > 0 ? { Keywords: meta.keywords.join(', ') } : {}),
      Creator: '@briefing/pdf',
      Producer: 'PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  registerFaces(doc);

  const frame = g.bottom - g.top;
  const coverFrame = g.coverBottom - g.coverTop;
  const root = new Node(doc, 'Document', null);
  const b = new Builder(doc, m, g, report, root, features);
  // The summary and contents start a new page unless the cover itself ran over its page.
  const opening: Opening = cover(b);
  const openingStart = b.units.length;
  contents(b, opening);
  about(b);
  const entries = outline(report);
  entries.forEach((entry, i) => {
    section(b, entry, i === 0, i === entries.length - 1 ? report.conclusion?.text : undefined);
  });
  if (entries.length === 0 && report.conclusion) conclusion(b, root.child('Sect'), report.conclusion.text);
  sources(b);
  // The sections open on a page of their own, unless the summary, contents and about note run
  // over theirs: then the first section follows them, rather than leave a near-empty page.
  const firstSection = entries[0] ? b.anchorUnits.get(entries[0].id) : undefined;
  if (firstSection !== undefined) {
    let height = 0;
    for (let u = openingStart; u < firstSection; u++)
      height += (u === openingStart ? 0 : b.units[u]!.gap) + b.units[u]!.height;
    if (height > frame) b.units[firstSection]!.newPage = false;
  }

  const { placements, pages: pageUnits } = features.fill
    ? composePages(b.units, b.floats, frame, coverFrame)
    : firstFit(b.units, frame, coverFrame);
  const pages = pageUnits.length;
  const anchors = new Map<string, number>();
  for (const [id, index] of b.anchorUnits) anchors.set(id, placements[index]!.page);

  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const d: Drawer = {
    doc,
    g,
    page: -1,
    pages,
    anchors,
    openLinks: new Set(),
    pageOf: (unit) => placements[unit]!.page,
  };
  const frameTop = (page: number) => (page === 0 ? g.coverTop : g.top);
  const topOf = (unit: number) => frameTop(placements[unit]!.page) + placements[unit]!.y;
  // Floats claim their structure elements in reading order: before anything after them in
  // the report is drawn, though they may be drawn on a later page (see FloatGroup).
  let claimed = 0;
  const claim = (unit: number) => {
    while (claimed < b.floats.length && b.floats[claimed]!.start <= unit) b.floats[claimed++]!.claim(topOf);
  };
  pageUnits.forEach((list, p) => {
    for (const link of [...d.openLinks]) link.close(d);
    doc.addPage();
    d.page = p;
    if (p > 0) runningHeadAndFoot(d, report);
    // Panel backgrounds first, under their text.
    drawPanels(d, b.units, placements, list);
    for (const i of list) {
      const unit = b.units[i]!;
      claim(i);
      if (placements[i]!.repeated) unit.repeat?.draw(d, topOf(i) - (unit.repeat?.height ?? 0));
      unit.draw(d, topOf(i));
    }
  });
  doc.end();
  await done;
  const total = chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function drawPanels(d: Drawer, units: DrawUnit[], placements: { y: number }[], list: readonly number[]) {
  const { doc, g } = d;
  let i = 0;
  while (i < list.length) {
    const panel = units[list[i]!]!.panel;
    if (!panel) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < list.length && units[list[j + 1]!]!.panel === panel) j++;
    const frameTop = d.page === 0 ? g.coverTop : g.top;
    const top = frameTop + placements[list[i]!]!.y - panel.padTop;
    const bottom = frameTop + placements[list[j]!]!.y + units[list[j]!]!.height;
    artifact(doc, () => {
      doc
        .rect(panel.x, top, panel.width, bottom - top)
        .fillColor(panel.fill)
        .fill();
      if (panel.bar.side === 'top') doc.rect(panel.x, top, panel.width, 3).fillColor(panel.bar.color).fill();
      else
        doc
          .rect(panel.x, top, 3.5, bottom - top)
          .fillColor(panel.bar.color)
          .fill();
    });
    i = j + 1;
  }
}

function runningHeadAndFoot(d: Drawer, report: Report) {
  const { doc, g } = d;
  const { meta } = report;
  artifact(
    doc,
    () => {
      const headY = g.headBaseline;
      const title = meta.shortTitle;
      const tw = doc.font(S.runningStrong.face).fontSize(S.runningStrong.size).widthOfString(title);
      drawText(doc, title, S.runningStrong, g.left, headY, tw);
      // The organisation on the right, if there is one and it fits beside the short title (it is on the cover anyway).
      if (meta.organisation) {
        const org = meta.organisation.name;
        const ow = doc.font(S.running.face).fontSize(S.running.size).widthOfString(org);
        if (tw + 24 + ow <= g.width) drawText(doc, org, S.running, g.right - ow, headY, ow);
      }
      doc
        .moveTo(g.left, headY + 7)
        .lineTo(g.right, headY + 7)
        .lineWidth(0.5)
        .strokeColor(C.rule)
        .stroke();
      const foot = `Page ${d.page + 1} of ${d.pages}`;
      const fw = doc.font(S.running.face).fontSize(S.running.size).widthOfString(foot);
      const footY = g.footBaseline;
      drawText(doc, foot, S.running, g.right - fw, footY, fw);
    },
    'Pagination',
  );
}
