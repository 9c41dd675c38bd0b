// The PPTX on a colleague's machine, whose fonts the file cannot bring: LibreOffice Impress
// renders the briefing's deck in three font setups, one headless run each, and the PDFs are
// read back (pdftotext -bbox for the words' boxes, pdftohtml -xml for their faces):
// (a) the design faces installed, the deck in the design faces;
// (b) none of the deck's faces, DejaVu alone: the deck in the office faces (the default) and
//     in the design faces, each substituted;
// (c) the office faces' metric-compatible equivalents (Gelasio, Arimo) installed, the deck in
//     the office faces.
// In each: every slide's text within the slide, no two words printed over each other, every
// section title, item, cell and figure on its slide in order (pages derived from the plan),
// every heading broken where the plan broke it (its line count holds), and the headings in a serif where the setup has one for the face the deck names.
// Each check is shown able to fail on a real file in (b): a deck laid out for Arial with no
// room for a substitute prints its source line over its table, and the design faces' serif
// headings fall back to a sans.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Report, report } from '@briefing/content';
import { readPptx } from '@briefing/inspect';
import { type DeckPlan, type FaceSetName, planDeck, planPptx, renderPptx } from '@briefing/slides';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convertWithLibreOffice,
  type FontSetup,
  type PdfPageWords,
  pdfWords,
  sofficeOrReason,
} from '../helpers/libreoffice.js';
import {
  headingBreakProblems,
  headingsNotIn,
  missingText,
  outsideWords,
  overlappingWords,
  pdfFontRuns,
} from '../helpers/pdf-checks.js';

const soffice = sofficeOrReason();

interface Rendered {
  plan: DeckPlan;
  pages: PdfPageWords[];
  /** The same words in the order they are drawn (a table's cells and a chart's labels are looked for there). */
  drawn: PdfPageWords[];
  runs: { text: string; family: string }[][];
  kickers: string[];
}

/** The decks each setup renders: the deck's faces, or a plan of the test's own. */
const SETUPS: Record<FontSetup, Record<string, FaceSetName | DeckPlan>> = {
  design: { design: 'design' },
  none: {
    office: 'office',
    design: 'design',
    // Laid out for Arial with nothing reserved, with a line that fills the measure in Arial:
    // what the check must catch (drawn in DejaVu, the line takes two and runs into the next).
    unreserved: planDeck(fullLine(report), { metrics: { faces: 'office', reserve: false } }),
  },
  office: { office: 'office' },
};

/** The report with its second on-screen line as long as one line of Arial holds. */
function fullLine(r: Report): Report {
  const copy = structuredClone(r);
  const block = copy.sections[0]?.blocks[1];
  if (block?.type !== 'paragraph') throw new Error('fixture moved: sections[0].blocks[1] is no paragraph');
  block.onScreen = [
    { type: 'text', text: 'Ever more connected', emphasis: 'strong' },
    { type: 'text', text: ' – real benefits, and crime that now crosses borders with great ease' },
  ];
  return copy;
}

describe.skipIf(!('path' in soffice))(
  `LibreOffice renders the PPTX in three font setups${'reason' in soffice ? ` (skipped: ${soffice.reason})` : ''}`,
  () => {
    const shown = new Map<string, Rendered>();
    const get = (key: string) => {
      const found = shown.get(key);
      if (!found) throw new Error(`no rendering ${key}`);
      return found;
    };

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'briefing-pptx-faces-'));
      for (const [setup, decks] of Object.entries(SETUPS) as [FontSetup, Record<string, FaceSetName | DeckPlan>][]) {
        const made: { key: string; plan: DeckPlan; file: string; kickers: string[] }[] = [];
        for (const [name, deck] of Object.entries(decks)) {
          const plan = typeof deck === 'string' ? planPptx(report, { faces: deck }) : deck;
          const bytes = await renderPptx(plan, { date: report.meta.date });
          const file = join(dir, `${setup}-${name}.pptx`);
          writeFileSync(file, bytes);
          made.push({
            key: `${setup}/${name}`,
            plan,
            file,
            kickers: (await readPptx(bytes)).slides.map((s) => s.kicker),
          });
        }
        const path = 'path' in soffice ? soffice.path : '';
        const pdfs = await convertWithLibreOffice(
          path,
          made.map((m) => m.file),
          setup,
        );
        made.forEach((m, i) => {
          const pdf = pdfs[i] as string;
          shown.set(m.key, {
            plan: m.plan,
            pages: pdfWords(pdf),
            drawn: pdfWords(pdf, true),
            runs: pdfFontRuns(pdf),
            kickers: m.kickers,
          });
        });
      }
    }, 300_000);

    const fine = ['design/design', 'none/office', 'none/design', 'office/office'];

    it('keeps every slide’s text within the slide', () => {
      for (const key of fine) expect(outsideWords(get(key).pages), key).toEqual([]);
    });

    it('prints no two words over each other', () => {
      for (const key of fine) expect(overlappingWords(get(key).pages), key).toEqual([]);
    });

    it('shows every section title, item, cell and figure on its slide, in order', () => {
      for (const key of fine) {
        const { plan, pages, drawn, kickers } = get(key);
        expect(missingText(report, plan, pages, kickers, drawn), key).toEqual([]);
      }
    });

    it('breaks every heading where the plan did', () => {
      for (const key of fine) expect(headingBreakProblems(get(key).plan, get(key).pages), key).toEqual([]);
    });

    it('sets the headings in a serif: the design’s with it, Gelasio for Georgia, DejaVu Serif without either', () => {
      expect(headingsNotIn(get('design/design').plan, get('design/design').runs, /SourceSerif4/u)).toEqual([]);
      expect(headingsNotIn(get('office/office').plan, get('office/office').runs, /Gelasio/u)).toEqual([]);
      // Georgia is a serif to every fontconfig (45-latin.conf): the hierarchy survives substitution.
      expect(headingsNotIn(get('none/office').plan, get('none/office').runs, /Serif/u)).toEqual([]);
    });

    it('the checks catch text printed over a table, headings fallen back to a sans, a heading broken elsewhere', () => {
      const unreserved = get('none/unreserved');
      expect(overlappingWords(unreserved.pages).length).toBeGreaterThan(0);
      const design = get('none/design');
      expect(headingsNotIn(design.plan, design.runs, /Serif/u).length).toBeGreaterThan(0);
      // The plan's breaks moved one word on: LibreOffice's lines no longer match them.
      const office = get('office/office');
      const moved = office.plan.slides.map((s) => {
        const [first, ...rest] = s.headingLines ?? [];
        if (!first || rest.length === 0) return s;
        const words = first.split(' ');
        return { ...s, headingLines: [words.slice(0, -1).join(' '), `${words.at(-1)} ${rest.join(' ')}`] };
      });
      expect(headingBreakProblems({ ...office.plan, slides: moved }, office.pages).length).toBeGreaterThan(0);
    });
  },
);
