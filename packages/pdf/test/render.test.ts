import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertReport,
  type Chart,
  chartAltText,
  formatDatumFigure,
  formatSharePercent,
  numberedTitle,
  outline,
  plainText,
  type Report,
  type ReportInput,
  ReportValidationError,
  report,
  reportInput,
  toRuns,
} from '@briefing/content';
import {
  destinationPage,
  findInOrder,
  normalise,
  openPdf,
  type PageText,
  type PdfDoc,
  readPages,
  readPdf,
  type StructNode,
  structTrees,
  walk,
} from '@briefing/inspect';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { geometry, renderPdf, SOURCES_ID } from '../src/index.js';
import { textFill } from './layout-checks.js';

let bytes: Uint8Array;
let doc: PdfDoc;
let pages: PageText[];
let dir: string;
let file: string;

beforeAll(async () => {
  bytes = await renderPdf(report);
  doc = await openPdf(bytes);
  pages = await readPages(doc);
  dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-'));
  file = join(dir, 'briefing.pdf');
  writeFileSync(file, bytes);
});

afterAll(async () => {
  await doc?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const charts = (r: Report) => r.sections.flatMap((s) => s.blocks.filter((b): b is Chart => b.type === 'chart'));

/** The first words of a text: enough to identify it, short enough not to straddle a page break. */
const start = (text: string, words = 6) => text.split(' ').slice(0, words).join(' ');

/** Page number each contents entry prints, read from the text inside its link. */
async function contentsPageNumbers(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const page of pages) {
    const annotations = await (await doc.getPage(page.number)).getAnnotations();
    for (const a of annotations) {
      if (a.subtype !== 'Link' || typeof a.dest !== 'string') continue;
      const [x1, y1, x2, y2] = a.rect as number[];
      const top = page.height - y2!;
      const bottom = page.height - y1!;
      const numbers = page.items.filter(
        (i) => /^\d+$/.test(i.str) && i.x >= x1! - 1 && i.x + i.width <= x2! + 1 && i.y >= top && i.y <= bottom + 1,
      );
      const last = numbers[numbers.length - 1];
      if (last) out.set(a.dest, Number(last.str));
    }
  }
  return out;
}

describe('renderPdf on the briefing', () => {
  it('produces a PDF 1.7 of a few pages under 200 KB', () => {
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.7');
    expect(bytes.length).toBeLessThan(200_000);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(12);
  });

  it('shows the cover: title, subtitle, date and what it adapts (whose article, when), with no running head', () => {
    const cover = pages[0]!.text;
    for (const text of [
      'POLICY BRIEFING',
      report.meta.title,
      report.meta.subtitle!,
      '25 November 2026',
      `An adaptation of "${report.meta.basedOn.title}", an article published by Talktails on 23 February 2024 with no named author.`,
      'Key takeaways',
    ]) {
      expect(cover).toContain(findable(text));
    }
    expect(cover).not.toMatch(/Page \d+ of \d+/);
    expect(cover).not.toContain(report.meta.shortTitle);
  });

  it('names no publisher or author the report does not have: no placeholder anywhere, no Author in the metadata', async () => {
    expect(report.meta.organisation).toBeUndefined();
    expect(report.meta.authors).toEqual([]);
    const all = pages.map((p) => p.text).join(' ');
    expect(all).not.toMatch(/briefing project|editorial team|undefined/i);
    expect(((await doc.getMetadata()).info as Record<string, unknown>).Author).toBeUndefined();
  });

  it('shows an organisation and authors when a report has them: on the cover, in the running head, as the Author', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    input.meta.organisation = { name: 'Institute for Border Studies' };
    input.meta.authors = [{ name: 'A. Writer', role: 'Adaptation' }];
    const named = await openPdf(await renderPdf(assertReport(input)));
    const [cover, second] = await readPages(named);
    expect(cover!.text).toContain('INSTITUTE FOR BORDER STUDIES · POLICY BRIEFING');
    expect(cover!.text).toContain('25 November 2026 · Institute for Border Studies · A. Writer (Adaptation)');
    expect(second!.text).toContain(`${report.meta.shortTitle} Institute for Border Studies`);
    expect(((await named.getMetadata()).info as Record<string, unknown>).Author).toBe('A. Writer');
    await named.destroy();
  });

  it('says what the briefing is, its source, how it was prepared and its licence, after the contents', () => {
    const [about] = findInOrder(pages, ['Contents', 'Sources', 'About this briefing']).slice(2);
    expect(about!.page).toBe(2);
    findInOrder(pages, [
      'About this briefing',
      'What this is.',
      'Source.',
      'How it was prepared.',
      'Licence.',
      'MIT licence',
    ]);
    const firstSection = findInOrder(pages, ['About this briefing', numberedTitle(outline(report)[0]!)])[1]!;
    expect(firstSection.page).toBeGreaterThan(2);
  });

  it('shows every takeaway in the key takeaways panel', () => {
    findInOrder(pages, ['Key takeaways', ...report.takeaways.map((t) => start(plainText(t), 8))]);
  });

  it('prints a running head and "Page N of M" on every page but the cover', () => {
    pages.slice(1).forEach((page) => {
      expect(page.text).toContain(`Page ${page.number} of ${pages.length}`);
      expect(page.text.startsWith(report.meta.shortTitle)).toBe(true);
    });
  });

  it('has every section title, list item and figure value, in order, on the page the contents state', async () => {
    const toc = await contentsPageNumbers();
    const needles: { text: string; section: string }[] = [];
    // A figure may float to the top of the next page, past the text after it (and the next
    // section's start): its values are searched in order among themselves.
    const figures: { text: string; section: string }[] = [];
    for (const entry of outline(report)) {
      needles.push({ text: numberedTitle(entry), section: entry.id });
      for (const block of entry.section.blocks) {
        if (block.type === 'list') {
          for (const item of block.items) {
            needles.push({
              text: `${item.term ? `${item.term}: ` : ''}${start(plainText(item.text), 4)}`,
              section: entry.id,
            });
          }
        }
        if (block.type === 'chart') {
          figures.push({ text: block.title, section: entry.id });
          for (const d of block.data) {
            figures.push({ text: d.label, section: entry.id });
            figures.push({ text: formatDatumFigure(d, report.meta.lang), section: entry.id });
          }
          for (const d of block.data) {
            const share = formatSharePercent(d, report.meta.lang);
            if (share) figures.push({ text: share, section: entry.id });
          }
        }
      }
    }
    // The contents list ends with "Sources": the search for the sections starts after it.
    const found = findInOrder(pages, ['Contents', 'Sources', ...needles.map((n) => n.text)]);
    const headingPages = new Map<string, number>();
    needles.forEach((n, i) => {
      const where = found[i + 2]!;
      if (!headingPages.has(n.section)) headingPages.set(n.section, where.page);
    });
    for (const entry of outline(report)) {
      expect(toc.get(entry.id), `contents page of ${entry.id}`).toBe(headingPages.get(entry.id));
    }
    // Every item sits on or after its section's page and before the next section's.
    const sectionOrder = outline(report).map((e) => e.id);
    needles.forEach((n, i) => {
      const page = found[i + 2]!.page;
      const k = sectionOrder.indexOf(n.section);
      expect(page).toBeGreaterThanOrEqual(headingPages.get(n.section)!);
      const next = sectionOrder[k + 1];
      if (next) expect(page).toBeLessThanOrEqual(headingPages.get(next)!);
    });
    // Every figure value on its section's pages, or on the page after them (floated there).
    const figuresFound = findInOrder(pages, ['Contents', 'Sources', ...figures.map((n) => n.text)]);
    figures.forEach((n, i) => {
      const page = figuresFound[i + 2]!.page;
      const k = sectionOrder.indexOf(n.section);
      expect(page, n.text).toBeGreaterThanOrEqual(headingPages.get(n.section)!);
      const next = sectionOrder[k + 1];
      if (next) expect(page, n.text).toBeLessThanOrEqual(headingPages.get(next)! + 1);
    });
  });

  it('links every contents entry to its section through a named destination', async () => {
    const toc = await contentsPageNumbers();
    expect([...toc.keys()]).toEqual([...outline(report).map((e) => e.id), SOURCES_ID]);
    for (const [id, printed] of toc) {
      const index = await destinationPage(doc, id);
      expect(index, `destination ${id}`).toBeDefined();
      expect(index! + 1, `destination ${id}`).toBe(printed);
    }
  });

  it('names a destination for every section, chart and source id (briefing.pdf#<id>)', async () => {
    const ids = [
      ...report.sections.map((s) => s.id),
      ...charts(report).map((c) => c.id),
      ...report.sources.map((s) => s.id),
    ];
    for (const id of ids) expect(await destinationPage(doc, id), id).toBeDefined();
    const sectionPage = await destinationPage(doc, 'internet-expansion');
    const text = pages[sectionPage!]!.text;
    expect(text).toContain(numberedTitle(outline(report)[1]!));
  });

  it('has bookmarks for the summary, the contents, the about note, every section and the sources, each opening its heading', async () => {
    const facts = await readPdf(bytes);
    const sections = outline(report).map((e) => numberedTitle(e));
    expect(facts.outline.map((o) => o.title)).toEqual([
      'Summary',
      'Contents',
      'About this briefing',
      ...sections,
      'Sources',
    ]);
    const pageOf = (needle: string) => findInOrder(pages, [needle])[0]!.page;
    expect(facts.outline.slice(0, 3).map((o) => o.page)).toEqual([
      pageOf('Summary'),
      pageOf('Contents'),
      pageOf('About this briefing'),
    ]);
    for (const [i, entry] of outline(report).entries()) {
      expect(facts.outline[i + 3]!.page, entry.id).toBe(facts.destinations[entry.id]);
    }
    expect(facts.outline.at(-1)!.page).toBe(facts.destinations[SOURCES_ID]);
    expect(facts.outline.at(-1)!.page).toBe(pages.length);
    // Each section's bookmark still goes through its named destination.
    const items = (await doc.getOutline()) ?? [];
    expect(items.slice(3, -1).map((i) => i.dest)).toEqual(report.sections.map((s) => s.id));
  });

  it('makes every web link of the report a live URI annotation with a description', async () => {
    const uris = new Set<string>();
    const contents: string[] = [];
    for (const page of pages) {
      for (const a of await (await doc.getPage(page.number)).getAnnotations()) {
        if (a.subtype !== 'Link') continue;
        if (a.url) uris.add(a.url);
        contents.push(a.contentsObj?.str ?? '');
      }
    }
    const expected = new Set<string>();
    if (report.meta.basedOn.url) expected.add(report.meta.basedOn.url);
    for (const s of report.sources) if (s.url) expected.add(s.url);
    for (const c of charts(report)) if (c.source.url) expected.add(c.source.url);
    for (const section of report.sections) {
      for (const block of section.blocks) {
        if (block.type === 'paragraph')
          for (const run of toRuns(block.text)) if (run.type === 'link') expected.add(run.href);
      }
    }
    expect(uris).toEqual(expected);
    expect(contents.every((c) => c.length > 0)).toBe(true);
  });

  it('sets the document metadata: title, author, subject, keywords, language, fixed dates', async () => {
    const { info, metadata } = await doc.getMetadata();
    const i = info as Record<string, string>;
    expect(i.Title).toBe(report.meta.title);
    expect(i.Subject).toBe(report.meta.subtitle);
    expect(i.Keywords).toContain('cybercrime');
    expect(i.Language).toBe('en-GB');
    expect(i.CreationDate).toMatch(/^D:20261125000000/);
    expect(metadata?.get('dc:title')).toBeTruthy();
    // Viewers show the title, not the file name.
    expect(await doc.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
    const pdfinfo = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(pdfinfo).toMatch(/Tagged:\s+yes/);
  });

  it('is tagged: one Document root holding headings, paragraphs, lists, links and the chart as a figure with alt text', async () => {
    const roots = await structTrees(doc);
    const roles = new Set<string>();
    const figures: StructNode[] = [];
    walk(roots, (n) => {
      roles.add(n.role);
      if (n.role === 'Figure') figures.push(n);
    });
    for (const role of [
      'Document',
      'H1',
      'H2',
      'H3',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Figure',
      'Link',
      'TOC',
      'TOCI',
      'Sect',
    ]) {
      expect(roles, role).toContain(role);
    }
    expect(figures.map((f) => f.alt)).toEqual(charts(report).map((c) => chartAltText(c, report.meta.lang)));
  });

  it('passes poppler and qpdf: one Document root, reading order of the report, running heads as artifacts', () => {
    const struct = execFileSync('pdfinfo', ['-struct-text', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const top = struct.split('\n').filter((l) => /^\S/.test(l));
    expect(top).toEqual(['Document']);
    // Running heads and page numbers are artifacts: absent from the structure.
    expect(struct).not.toMatch(/Page \d+ of \d+/);
    const order = outline(report).map((e) => struct.indexOf(`"${e.title}"`));
    expect(order.every((o) => o > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
  });

  it('embeds and subsets every font, none of them a standard-14 font', () => {
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const rows = out.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(row).toMatch(/^[A-Z]{6}\+(SourceSerif4|Inter)-/);
    }
    expect(out).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('draws the chart as vectors: no image anywhere', async () => {
    for (const page of pages) {
      const ops = await (await doc.getPage(page.number)).getOperatorList();
      const images = ops.fnArray.filter(
        (fn) => fn === pdfjsOps.paintImageXObject || fn === pdfjsOps.paintInlineImageXObject,
      );
      expect(images).toEqual([]);
    }
    const chart = charts(report)[0]!;
    findInOrder(pages, [`Figure 1. ${chart.title}`, 'as reported by Talktails in February 2024', 'Source: Talktails']);
  });

  it('draws both series of the chart from the same data: internet users, then the share of the population', () => {
    const chart = charts(report)[0]!;
    const lang = report.meta.lang;
    const found = findInOrder(pages, [
      `Figure 1. ${chart.title}`,
      'Internet users and share of the population, as reported by Talktails in February 2024',
      'Internet users 0 250 million 500 million 750 million 1 billion',
      ...chart.data.flatMap((d) => [d.label, formatDatumFigure(d, lang)]),
      'Share of the population 0% 25% 50% 75% 100%',
      ...chart.data.flatMap((d) => [d.label, formatSharePercent(d, lang)!]),
      'Source: Talktails',
    ]);
    expect(new Set(found.map((f) => f.page)).size).toBe(1);
    expect(figureText(pages)).toMatch(
      /^Internet users .* China about 1 billion India over 600 million Share of the population .* China about 70% India about 50%$/,
    );
  });

  it('draws one series when the data have no shares (so the test above can tell the two apart)', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    const block = input.sections[1]!.blocks[1]!;
    if (block.type !== 'chart') throw new Error('fixture moved');
    for (const d of block.data) delete d.share;
    const one = await openPdf(await renderPdf(assertReport(input)));
    const text = figureText(await readPages(one));
    await one.destroy();
    // One panel needs no series title: the caption names the unit.
    expect(text).toMatch(/^0 250 million .* China about 1 billion India over 600 million$/);
    expect(text).not.toContain('Share of the population');
    expect(text).not.toContain('about 70%');
  });

  it('ends on a page holding at least a third of a page of text, not a near-empty one', () => {
    const g = geometry('a4');
    const last = pages[pages.length - 1]!;
    expect(textFill(last, g)).toBeGreaterThanOrEqual(1 / 3);
  });

  it('sets each source as a reference: publisher, title, date and address, each closed by a full stop, the note below', () => {
    const source = report.sources[0]!;
    const [, entry, url, note] = findInOrder(pages, [
      'Sources',
      `1. Talktails. "${source.title}." 23 February 2024. https://talktails.in/`,
      'between-china-and-myanmar/.',
      source.note!,
    ]);
    expect([entry!.page, url!.page, note!.page]).toEqual([pages.length, pages.length, pages.length]);
    // The note is a sentence of its own, on a line of its own: not run on from the address.
    const lastPage = pages[pages.length - 1]!;
    const noteItem = lastPage.items.find((i) => i.str.startsWith(source.note!.slice(0, 20)))!;
    const urlItem = lastPage.items.find((i) => i.str.includes('myanmar/'))!;
    expect(noteItem.y).toBeGreaterThan(urlItem.y + 5);
    expect(noteItem.x).toBeLessThan(urlItem.x + 1);
  });
});

describe('renderPdf output', () => {
  it('is byte-identical for the same report and options, whatever was rendered before', async () => {
    const again = await renderPdf(report);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const letter1 = await renderPdf(report, { paper: 'letter' });
    await renderPdf(assertReport(reportInput));
    const letter2 = await renderPdf(report, { paper: 'letter' });
    expect(Buffer.from(letter1).equals(Buffer.from(letter2))).toBe(true);
  });

  it('gives a later render the same bytes as a first render in a fresh module', async () => {
    // Parsed fonts and shaping are shared across renders; characters that share a glyph
    // (space and no-break space, ’ and ʼ, µ and μ) must not let an earlier report change a later one.
    const odd = structuredClone(report);
    odd.takeaways[0] = 'It\u02BCs 1\u00A0000 µm\u2009wide, (A) and \u03BC.';
    vi.resetModules();
    const fresh = await import('../src/index.js');
    const first = Buffer.from(await fresh.renderPdf(report));
    vi.resetModules();
    const warm = await import('../src/index.js');
    await warm.renderPdf(odd);
    expect(Buffer.from(await warm.renderPdf(report)).equals(first)).toBe(true);
  });

  it('extracts a fraction’s digits as written after an earlier report drew a glyph built from them', async () => {
    // Source Serif's bold "%" is a composite of the fraction digits; the subsetter reaches
    // them without text. Found by test/robustness/charset-agreement.test.ts: "1⁄20" came out "1⁄2)".
    const withTerm = (term: string) => {
      const r = structuredClone(report);
      const list = r.sections[3]!.blocks[0]!;
      if (list.type !== 'list') throw new Error('fixture moved');
      list.items[0]!.term = term;
      return r;
    };
    vi.resetModules();
    const fresh = await import('../src/index.js');
    await fresh.renderPdf(withTerm('Half 50%'));
    const pdf = await openPdf(await fresh.renderPdf(withTerm('Half 1⁄20')));
    const text = (await readPages(pdf)).map((p) => p.text).join(' ');
    await pdf.destroy();
    expect(text).toContain('Half 1⁄20');
  });

  it('stamps SOURCE_DATE_EPOCH when given instead of the report date', async () => {
    const stamped = await openPdf(await renderPdf(report, { sourceDateEpoch: 1_700_000_000 }));
    const info = (await stamped.getMetadata()).info as Record<string, string>;
    expect(info.CreationDate).toMatch(/^D:20231114221320/);
    expect(info.ModDate).toMatch(/^D:20231114221320/);
    await stamped.destroy();
    await expect(renderPdf(report, { sourceDateEpoch: Number.NaN })).rejects.toThrow(RangeError);
  });

  it('lays out US Letter pages of 612 x 792 points, the cover still on one page', async () => {
    const letter = await openPdf(await renderPdf(report, { paper: 'letter' }));
    for (let n = 1; n <= letter.numPages; n++) {
      expect((await letter.getPage(n)).view).toEqual([0, 0, 612, 792]);
    }
    const [cover, second] = await readPages(letter);
    expect(cover!.text).toContain(normalise(plainText(report.takeaways[report.takeaways.length - 1]!)));
    // The shorter page has no room for the summary on the cover: it opens page 2, before the contents.
    expect(second!.text).toMatch(/Summary .* Contents 1\. Why Myanmar matters/);
    await letter.destroy();
  });

  it('is given a report only through the boundary, which names each field of an invalid one', () => {
    const bad = structuredClone(reportInput) as unknown as { meta: { title: string }; sections: { id: string }[] };
    bad.meta.title = '';
    bad.sections[1]!.id = 'Not Kebab';
    // renderPdf takes a typed Report: a value that has not been through assertReport does not compile.
    // @ts-expect-error unvalidated input is not a Report
    const unchecked: Parameters<typeof renderPdf>[0] = bad;
    const error = (() => {
      try {
        return assertReport(unchecked);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReportValidationError);
    const paths = (error as ReportValidationError).problems.map((p) => p.path);
    expect(paths).toContain('meta.title');
    expect(paths).toContain('sections[1].id');
  });
});

/** The text drawn inside the first figure: from after its caption to its source line. */
function figureText(pdfPages: PageText[]): string {
  const text = pdfPages.map((p) => p.text).join(' ');
  const caption = /Figure 1\. .*? as reported by Talktails in February 2024 /u.exec(text)!;
  const rest = text.slice(caption.index + caption[0].length);
  return rest.slice(0, rest.indexOf(' Source: ')).replace(/^Internet users and share of the population, /u, '');
}

/** The cover's attribution line wraps; compare it as extracted text does. */
function findable(text: string): string {
  return text.replace(/[\u201C\u201D]/gu, '"').replace(/[\u2018\u2019]/gu, "'");
}

const pdfjsOps = await import('@briefing/inspect').then((m) => m.OPS);
