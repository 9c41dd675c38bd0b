// The PowerPoint on the tests' two templates (4:3 and 16:9, other faces and colours) opened in
// a real client: LibreOffice Impress converts both decks in one headless run; each must have
// a page per slide of the template's size, every section title and item on its section's
// pages in order, and no word outside the page (pdftotext -bbox).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '@briefing/content';
import { readPptx } from '@briefing/inspect';
import { planDeck, renderPptx } from '@briefing/slides';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, type PdfPageWords, pdfWords, sofficeOrReason } from '../helpers/libreoffice.js';
import { missingText, outsideWords } from '../helpers/pdf-checks.js';
import { makeTemplate, TEMPLATE_43, TEMPLATE_169 } from '../helpers/pptx-template.js';

const soffice = sofficeOrReason();
const plan = planDeck(report);

describe.skipIf(!('path' in soffice))(
  `LibreOffice Impress opens the deck on each template${'reason' in soffice ? ` (skipped: ${soffice.reason})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-pptx-template-lo-'));
    const cases = [
      { name: 'template-43', spec: TEMPLATE_43 },
      { name: 'template-169', spec: TEMPLATE_169 },
    ];
    const pages = new Map<string, PdfPageWords[]>();
    const kickers = new Map<string, string[]>();

    beforeAll(async () => {
      const files: string[] = [];
      for (const c of cases) {
        const bytes = await renderPptx(report, { template: await makeTemplate(c.spec) });
        kickers.set(
          c.name,
          (await readPptx(bytes)).slides.map((s) => s.kicker),
        );
        const file = join(dir, `${c.name}.pptx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
      const pdfs = await convertWithLibreOffice('path' in soffice ? soffice.path : '', files);
      for (const [i, c] of cases.entries()) pages.set(c.name, pdfWords(pdfs[i] as string));
    }, 300_000);

    it('converts each deck, a page per slide of the template’s size, every section title and item on its pages in order', () => {
      for (const c of cases) {
        const shown = pages.get(c.name) ?? [];
        expect(missingText(report, plan, shown, kickers.get(c.name) ?? []), c.name).toEqual([]);
        for (const page of shown) {
          expect(page.width, c.name).toBeCloseTo(c.spec.width * 72, 0);
          expect(page.height, c.name).toBeCloseTo(c.spec.height * 72, 0);
        }
      }
    });

    it('leaves no word outside the slide', () => {
      for (const c of cases) expect(outsideWords(pages.get(c.name) ?? []), c.name).toEqual([]);
    });

    it('the checks find a page of the wrong size, a lost item and a word off the page', () => {
      const shown = pages.get('template-43') ?? [];
      // The 4:3 deck's pages read as if they were the 16:9 template's.
      expect(shown[0]!.width).not.toBeCloseTo(TEMPLATE_169.width * 72, 0);
      const lost = shown.map((p) => ({ ...p, words: p.words.filter((w) => w.text !== 'Myanmar,') }));
      expect(missingText(report, plan, lost, kickers.get('template-43') ?? []).length).toBeGreaterThan(0);
      const moved = shown.map((p, i) =>
        i === 1
          ? { ...p, words: [...p.words, { text: 'off', xMin: p.width - 5, yMin: 10, xMax: p.width + 20, yMax: 20 }] }
          : p,
      );
      expect(outsideWords(moved)).toEqual([expect.stringMatching(/^page 2: "off"/u)]);
    });
  },
);
