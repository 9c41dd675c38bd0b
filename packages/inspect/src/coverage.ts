// The coverage matrix: what the report promises (expectations.ts), found in the PDF and the
// slides (locate.ts), plus the navigation checks (navigation.ts).
import { outline, type Report } from '@briefing/content';
import type { DeckFacts } from './deck.js';
import { type CoverageResult, compact, type Expectation, expectations, type Found, type Row } from './expectations.js';
import { locate, pdfHeading } from './locate.js';
import { checkAgenda, checkOutline, checkToc } from './navigation.js';
import type { PdfFacts } from './pdf.js';
import type { PptxFacts } from './pptx.js';

export { type CoverageResult, compact, type Expectation, expectations, type Found, type Row } from './expectations.js';
export { tocPattern } from './navigation.js';

const NAV_CLASSES = new Set(['title', 'agenda', 'takeaways', 'sources']);

/**
 * Compare what the report promises with what the PDF briefing and the HTML deck show, and the
 * PowerPoint deck when it is given (its rows then carry a `pptx` column).
 */
export function checkCoverage(report: Report, pdf: PdfFacts, deck: DeckFacts, pptx?: PptxFacts): CoverageResult {
  const exps = expectations(report);
  const entries = outline(report);

  // PDF: a section starts on the page its named destination opens (the id), else the
  // first page after the previous section whose text has its title.
  const firstBodyPage = Math.min(...Object.values(pdf.destinations), pdf.pageCount);
  const pages = pdf.pages.map(compact);
  const pdfFound = locate(
    exps,
    pages,
    (e, fromUnit) => {
      const dest = pdf.destinations[e.sectionId];
      if (dest !== undefined && pages[dest - 1]?.includes(e.needle)) return dest - 1;
      for (let u = Math.max(fromUnit, firstBodyPage - 1); u < pages.length; u++) {
        if (pages[u]?.includes(e.needle)) return u;
      }
      return undefined;
    },
    pdfHeading(pdf.normalized),
    undefined,
    // A table or figure that does not fit where it stands floats to the top of a later page:
    // it may wait past the next section's start, never past a second one (pages.ts), and
    // several waiting take a page each, so it may be pages after the next section starts.
    1,
  );

  const slideFound = locateSlides(exps, deck);
  const pptxFound = pptx ? locateSlides(exps, pptx) : undefined;

  const rows: Row[] = exps.map((e, i) => ({
    ...e,
    pdf: pdfFound[i]!,
    slides: slideFound[i]!,
    ...(pptxFound ? { pptx: pptxFound[i]! } : {}),
  }));
  const navigation = [
    checkOutline(entries, pdf),
    checkToc(entries, pdf),
    checkAgenda(entries, deck),
    ...(pptx
      ? [{ ...checkAgenda(entries, pptx), what: 'PPTX agenda lists the sections in order' }, checkNotes(pptx)]
      : []),
  ];
  const missing = rows.filter((r) => !r.pdf.found || !r.slides.found || r.pptx?.found === false);
  return { rows, navigation, missing, ok: missing.length === 0 && navigation.every((n) => n.ok) };
}

/**
 * Locate the expectations on a deck's slides (the HTML deck's or the PPTX's). A section starts
 * at the first slide after the previous section that is not a navigation slide (title,
 * agenda, takeaways, sources) and whose heading, or the kicker above a heading that states the
 * section's point, is the section's numbered title. The heading, not the slide's text: a short
 * title ("Jd", "Outlook") also occurs in the body of the slides before it, or inside a longer
 * title, and anchoring there cut the section before short, so the items on its "(continued)"
 * slides were reported missing. A kicker too long for its line may end in an ellipsis (the
 * PPTX writes the cut; the HTML deck cuts it with CSS): it then names the title it begins.
 */
function locateSlides(exps: Expectation[], deck: DeckFacts): Found[] {
  const slideText = deck.slides.map((s) => compact(s.text));
  const slideHeadings = deck.slides.map((s) => compact(s.heading));
  const slideKickers = deck.slides.map((s) => compact(s.kicker));
  const names = (kicker: string, title: string) =>
    kicker === title || (kicker.endsWith('...') && kicker.length > 3 && title.startsWith(kicker.slice(0, -3)));
  return locate(
    exps,
    slideText,
    (e, fromUnit) => {
      const heading = e.numbered ?? e.needle;
      for (let u = fromUnit; u < deck.slides.length; u++) {
        if (deck.slides[u]!.classes.some((c) => NAV_CLASSES.has(c))) continue;
        if (slideHeadings[u] === heading || names(slideKickers[u] ?? '', heading)) return u;
      }
      return undefined;
    },
    (hay, e, start, end) => {
      const at = hay.find(e.needle, start, end);
      if (at >= 0) return at + e.needle.length;
      // The PPTX writes the cut: the slide shows the kicker, which names the title it begins
      // (the agenda shows the title whole), and the section's text follows it.
      const kicker = slideKickers[hay.unitAt(start)] ?? '';
      if (kicker === '' || !names(kicker, e.numbered ?? e.needle)) return -1;
      const k = hay.find(kicker, start, end);
      return k >= 0 ? k + kicker.length : -1;
    },
    (e) => e.screen ?? e.needle,
  );
}

/** Every slide of the PPTX has a notes page with text: as many notes pages as slides. */
function checkNotes(pptx: PptxFacts) {
  const empty = pptx.slides.filter((s) => s.notes === '').map((s) => s.number);
  return {
    what: 'PPTX speaker notes on every slide',
    ok: pptx.notesCount === pptx.slides.length && empty.length === 0,
    detail:
      pptx.notesCount !== pptx.slides.length
        ? `${pptx.notesCount} notes pages for ${pptx.slides.length} slides`
        : empty.length > 0
          ? `no notes on slide ${empty.join(', ')}`
          : `${pptx.notesCount} notes pages for ${pptx.slides.length} slides`,
  };
}
