// slides.pdf as `briefing build` writes it, read back (pdf-lib for the objects, pdf.js for the
// content streams, poppler and qpdf as outside readers), against Chromium's own print of the
// same deck: each check passes on the built file and fails on what Chromium alone makes (or,
// where Chromium already gets it right, on a copy broken on purpose).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartAltText, fixedDate, report } from '@briefing/content';
import { renderDeck } from '@briefing/slides';
import { freshDir, runCli } from '@briefing/testkit';
import { browserOrReason, launchChromium } from '@briefing/testkit/chromium';
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
  rgb,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckPage } from '../src/browser/deck-page.js';
import { pageText, printOptions } from '../src/browser/marp.js';
import { accessibleSlidesPdf } from '../src/browser/slides-pdf-a11y/index.js';

const browser = browserOrReason();
const { title, lang, date } = report.meta;
const N = (n: string) => PDFName.of(n);

const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });
const textOf = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

/** What Chromium prints for the deck, as convertDeck has it print, with no pass after it. */
async function chromiumPdf(path: string): Promise<Uint8Array> {
  const deck = deckPage(renderDeck(report), lang, title);
  const chromium = await launchChromium(path);
  try {
    const page = await chromium.browser.newPage();
    await page.setViewport({ width: deck.width, height: deck.height });
    await page.setContent(deck.page, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.emulateMediaType('print');
    return await page.pdf(printOptions(deck));
  } finally {
    await chromium.close();
  }
}

/** The links of the deck page: address → every text it has. */
function deckLinks(): Map<string, string[]> {
  const { page } = deckPage(renderDeck(report), lang, title);
  const links = new Map<string, string[]>();
  for (const m of page.matchAll(/<a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
    const decode = (s: string) =>
      s
        .replace(/<[^>]+>/g, '')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
    const href = new URL(decode(m[1] as string)).href;
    links.set(href, [
      ...(links.get(href) ?? []),
      decode(m[2] as string)
        .replace(/\s+/g, ' ')
        .trim(),
    ]);
  }
  return links;
}

// --- reading the structure tree (on its own, not through the module under test) -----------

interface Elem {
  ref: PDFRef;
  dict: PDFDict;
  type: string;
  parent: Elem | undefined;
  kids: PDFObject[];
}

function kidsOf(doc: PDFDocument, dict: PDFDict): PDFObject[] {
  const k = dict.get(N('K'));
  if (k === undefined) return [];
  const resolved = doc.context.lookup(k);
  return resolved instanceof PDFArray ? resolved.asArray() : [k];
}

function structure(doc: PDFDocument): { root: PDFDict | undefined; elems: Elem[] } {
  const root = doc.context.lookup(doc.catalog.get(N('StructTreeRoot')));
  if (!(root instanceof PDFDict)) return { root: undefined, elems: [] };
  const elems: Elem[] = [];
  const visit = (ref: PDFObject, parent: Elem | undefined) => {
    const dict = doc.context.lookup(ref);
    if (!(ref instanceof PDFRef) || !(dict instanceof PDFDict)) return;
    const s = dict.get(N('S'));
    if (!(s instanceof PDFName)) return;
    const elem = { ref, dict, type: s.decodeText(), parent, kids: kidsOf(doc, dict) };
    elems.push(elem);
    for (const k of elem.kids) visit(k, elem);
  };
  for (const k of kidsOf(doc, root)) visit(k, undefined);
  return { root, elems };
}

// --- the checks: each returns its problems, [] when the file passes -----------------------

function xmpProblems(doc: PDFDocument): string[] {
  const stream = doc.context.lookup(doc.catalog.get(N('Metadata')));
  if (!(stream instanceof PDFRawStream)) return ['no XMP metadata stream in the catalog'];
  const xmp = Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
  const problems: string[] = [];
  if (!/<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid:part="1"/.test(xmp)) problems.push('no pdfuaid:part 1');
  if (!/xmlns:pdfuaid="http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/"/.test(xmp)) problems.push('no pdfuaid namespace');
  if (!xmp.includes(`<rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>`))
    problems.push('dc:title is not the report title');
  if (!xmp.includes(`<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li>`))
    problems.push('dc:language is not the report language');
  for (const field of ['CreateDate', 'ModifyDate'])
    if (!xmp.includes(`<xmp:${field}>${date}T00:00:00Z</xmp:${field}>`)) problems.push(`xmp:${field} is not ${date}`);
  return problems;
}

function catalogProblems(doc: PDFDocument): string[] {
  const problems: string[] = [];
  const { catalog, context } = doc;
  if (textOf(context.lookup(catalog.get(N('Lang')))) !== lang) problems.push(`/Lang is not ${lang}`);
  const prefs = context.lookup(catalog.get(N('ViewerPreferences')));
  if (!(prefs instanceof PDFDict) || prefs.get(N('DisplayDocTitle')) !== PDFBool.True)
    problems.push('ViewerPreferences /DisplayDocTitle is not true');
  const mark = context.lookup(catalog.get(N('MarkInfo')));
  if (!(mark instanceof PDFDict) || mark.get(N('Marked')) !== PDFBool.True)
    problems.push('MarkInfo /Marked is not true');
  if (doc.getTitle() !== title) problems.push('the Info title is not the report title');
  return problems;
}

function linkProblems(doc: PDFDocument, links: Map<string, string[]>): string[] {
  const problems: string[] = [];
  let count = 0;
  doc.getPages().forEach((page, p) => {
    const annots = doc.context.lookup(page.node.get(N('Annots')));
    if (!(annots instanceof PDFArray)) return;
    for (const item of annots.asArray()) {
      const a = doc.context.lookup(item);
      if (!(a instanceof PDFDict) || a.get(N('Subtype')) !== N('Link')) continue;
      count++;
      const action = doc.context.lookup(a.get(N('A')));
      const uri = action instanceof PDFDict ? textOf(doc.context.lookup(action.get(N('URI')))) : undefined;
      const contents = textOf(a.get(N('Contents')))?.trim() ?? '';
      if (!contents) problems.push(`page ${p + 1}: the link to ${uri} has no /Contents`);
      else if (uri && !links.get(new URL(uri).href)?.includes(contents))
        problems.push(`page ${p + 1}: the link to ${uri} says "${contents}", not its text`);
    }
  });
  if (count === 0) problems.push('no link annotations at all');
  return problems;
}

function figureProblems(doc: PDFDocument, alts: readonly string[]): string[] {
  const figures = structure(doc).elems.filter((e) => e.type === 'Figure');
  const altOf = (e: Elem) => textOf(e.dict.get(N('Alt')))?.trim() ?? '';
  const problems = figures.filter((f) => !altOf(f)).map((f) => `Figure ${f.ref} has no /Alt`);
  const found = figures.map(altOf).filter(Boolean);
  if (JSON.stringify(found) !== JSON.stringify(alts))
    problems.push(`the Figures' /Alt texts are ${JSON.stringify(found)}, not the charts' descriptions`);
  return problems;
}

function listProblems(doc: PDFDocument): string[] {
  const { elems } = structure(doc);
  const byRef = new Map(elems.map((e) => [e.ref.toString(), e]));
  const problems: string[] = [];
  const items = elems.filter((e) => e.type === 'LI');
  if (items.length === 0) problems.push('no list items at all');
  for (const li of items) {
    const kids = li.kids.map((k) => byRef.get(k.toString())?.type ?? `content ${k}`);
    if (kids.filter((k) => k === 'LBody').length !== 1 || kids.some((k) => k !== 'Lbl' && k !== 'LBody'))
      problems.push(`LI ${li.ref} holds ${kids.join(', ')}`);
    if (li.parent?.type !== 'L') problems.push(`LI ${li.ref} is in ${li.parent?.type}`);
  }
  return problems;
}

type Sequence = { mcid: number | undefined; paints: boolean; shows: boolean };

/** Per page, through pdf.js: what is painted outside marked content, and each MCID's sequence. */
async function contentFacts(bytes: Uint8Array) {
  const { OPS, openPdf } = await import('@briefing/inspect');
  const text = new Set<number>([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
  ]);
  const other = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintFormXObjectBegin,
    OPS.shadingFill,
  ]);
  const paint = new Set<number>([OPS.fill, OPS.eoFill, OPS.stroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeStroke]);
  const doc = await openPdf(bytes);
  const pages: { untagged: string[]; sequences: Sequence[] }[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const { fnArray, argsArray } = await (await doc.getPage(p)).getOperatorList();
    const open: Sequence[] = [];
    const sequences: Sequence[] = [];
    const untagged: string[] = [];
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] as unknown[] | null;
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
        const mcid = fn === OPS.beginMarkedContentProps && typeof args?.[1] === 'number' ? args[1] : undefined;
        const s = { mcid, paints: false, shows: false };
        if (mcid !== undefined) sequences.push(s);
        open.push(s);
      } else if (fn === OPS.endMarkedContent) open.pop();
      else if (text.has(fn) || other.has(fn)) {
        for (const s of open) s.shows = true;
        if (open.length === 0) untagged.push(text.has(fn) ? 'text' : 'an image, form or shading');
      } else if ((fn === OPS.constructPath && args?.[0] !== OPS.endPath) || paint.has(fn)) {
        for (const s of open) s.paints = true;
        if (open.length === 0) untagged.push('a path');
      }
    });
    pages.push({ untagged, sequences });
  }
  await doc.destroy();
  return pages;
}

function untaggedProblems(pages: Awaited<ReturnType<typeof contentFacts>>): string[] {
  return pages.flatMap((p, i) =>
    [...new Set(p.untagged)].map((what) => `page ${i + 1}: ${what} outside marked content`),
  );
}

/** The ParentTree as a map from key to value. */
function parentTree(doc: PDFDocument, root: PDFDict): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  const visit = (node: PDFObject | undefined) => {
    const dict = doc.context.lookup(node);
    if (!(dict instanceof PDFDict)) return;
    const nums = doc.context.lookup(dict.get(N('Nums')));
    if (nums instanceof PDFArray)
      for (let i = 0; i + 1 < nums.size(); i += 2) out.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const kids = doc.context.lookup(dict.get(N('Kids')));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) visit(k);
  };
  visit(root.get(N('ParentTree')));
  return out;
}

/**
 * The structure tree and the content agree: every MCID drawn is owned by exactly one element,
 * whose ParentTree entry names it, and nothing else is owned; every tagged sequence outside a
 * Figure shows text or an image (one that only paints paths is decoration, an artifact).
 */
function treeProblems(doc: PDFDocument, pages: Awaited<ReturnType<typeof contentFacts>>): string[] {
  const { root, elems } = structure(doc);
  if (!root) return ['no structure tree'];
  const problems: string[] = [];
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const tree = parentTree(doc, root);
  const owned = new Map<string, Elem>();
  const pageOf = (e: Elem | undefined): PDFObject | undefined => {
    for (let x = e; x; x = x.parent) if (x.dict.get(N('Pg'))) return x.dict.get(N('Pg'));
    return undefined;
  };
  for (const e of elems)
    for (const k of e.kids) {
      const item = doc.context.lookup(k);
      let page: PDFObject | undefined;
      let mcid: number | undefined;
      if (k instanceof PDFNumber) [page, mcid] = [pageOf(e), k.asNumber()];
      else if (item instanceof PDFDict && item.get(N('Type')) === N('MCR'))
        [page, mcid] = [item.get(N('Pg')) ?? pageOf(e), (item.get(N('MCID')) as PDFNumber).asNumber()];
      if (mcid === undefined || page === undefined) continue;
      const key = `${pageIndex.get(page.toString())}:${mcid}`;
      if (owned.has(key)) problems.push(`MCID ${key} is owned twice`);
      owned.set(key, e);
    }
  doc.getPages().forEach((page, p) => {
    const sp = page.node.get(N('StructParents'));
    const entries = sp instanceof PDFNumber ? doc.context.lookup(tree.get(sp.asNumber())) : undefined;
    for (const s of pages[p]?.sequences ?? []) {
      const key = `${p}:${s.mcid}`;
      const owner = owned.get(key);
      if (!owner) {
        problems.push(`MCID ${key} is drawn but no element owns it`);
        continue;
      }
      owned.delete(key);
      const entry = entries instanceof PDFArray ? entries.get(s.mcid as number) : undefined;
      if (entry !== owner.ref) problems.push(`the ParentTree says MCID ${key} belongs to ${entry}, not ${owner.ref}`);
      let inFigure = false;
      for (let x: Elem | undefined = owner; x; x = x.parent) inFigure ||= x.type === 'Figure';
      if (s.paints && !s.shows && !inFigure)
        problems.push(`MCID ${key} (${owner.type}) is decoration tagged as content`);
    }
  });
  for (const key of owned.keys()) problems.push(`MCID ${key} is in the tree but not drawn`);
  return problems;
}

/** Pages that render differently (poppler, 24 dpi, pixel for pixel). */
function renderDifferences(a: Uint8Array, b: Uint8Array): number[] {
  const render = (bytes: Uint8Array) => {
    const dir = freshDir('briefing-a11y-render-');
    writeFileSync(join(dir, 'in.pdf'), bytes);
    execFileSync('pdftoppm', ['-r', '24', join(dir, 'in.pdf'), join(dir, 'p')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ppm'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  };
  const [x, y] = [render(a), render(b)];
  if (x.length !== y.length) return [-1];
  return x.flatMap((page, i) => (page.equals(y[i] as Buffer) ? [] : [i + 1]));
}

/** What poppler complains about while reading the structure tree. */
function popplerComplaints(bytes: Uint8Array): string[] {
  const file = join(freshDir('briefing-a11y-poppler-'), 'in.pdf');
  writeFileSync(file, bytes);
  const run = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
  return [...new Set(run.stderr.split('\n').filter(Boolean))];
}

describe.skipIf(!('path' in browser))('slides.pdf, built by `briefing build` and read back', () => {
  let built: Uint8Array;
  let raw: Uint8Array;
  let doc: PDFDocument;
  let rawDoc: PDFDocument;
  const charts = report.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.type === 'chart' ? [chartAltText(b, lang)] : []));

  beforeAll(async () => {
    const out = freshDir('briefing-a11y-');
    const { code, stderr } = await runCli(['build', '--format', 'slides-pdf', '--out', out, '--quiet'], {
      env: process.env,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    built = new Uint8Array(readFileSync(join(out, 'slides.pdf')));
    raw = await chromiumPdf((browser as { path: string }).path);
    [doc, rawDoc] = await Promise.all([load(built), load(raw)]);
  });

  it('identifies itself as PDF/UA-1 in XMP metadata, with the report title, language and date', () => {
    expect(xmpProblems(doc)).toEqual([]);
    expect(xmpProblems(rawDoc)).toEqual(['no XMP metadata stream in the catalog']);
  });

  it('has /Lang, DisplayDocTitle, MarkInfo /Marked and the title (and the check sees each missing)', async () => {
    expect(catalogProblems(doc)).toEqual([]);
    // Chromium writes these itself: the check is shown to fail on a copy without them.
    const broken = await load(built);
    broken.catalog.delete(N('Lang'));
    broken.catalog.delete(N('ViewerPreferences'));
    broken.catalog.set(N('MarkInfo'), broken.context.obj({ Marked: false }));
    broken.setTitle('Slides');
    expect(catalogProblems(broken)).toHaveLength(4);
  });

  it("gives every link annotation /Contents: the link's text as the deck shows it", () => {
    const links = deckLinks();
    expect(links.size).toBeGreaterThan(0);
    expect(linkProblems(doc, links)).toEqual([]);
    expect(linkProblems(rawDoc, links).length).toBeGreaterThan(0);
    expect(linkProblems(rawDoc, links).every((p) => p.endsWith('has no /Contents'))).toBe(true);
  });

  it("gives every Figure /Alt, the charts' own descriptions, in order", () => {
    expect(charts.length).toBeGreaterThan(0);
    expect(figureProblems(doc, charts)).toEqual([]);
    // Chromium names the chart's <svg role="img"> but not the <figure> around it.
    expect(figureProblems(rawDoc, charts).some((p) => p.endsWith('has no /Alt'))).toBe(true);
  });

  it('makes every list item an LI of an L holding one LBody and at most a Lbl', () => {
    expect(listProblems(doc)).toEqual([]);
    expect(listProblems(rawDoc).length).toBeGreaterThan(0);
  });

  it('leaves nothing painted outside marked content (page numbers and accent bars are artifacts)', async () => {
    expect(untaggedProblems(await contentFacts(built))).toEqual([]);
    expect(untaggedProblems(await contentFacts(raw)).length).toBeGreaterThan(0);
  });

  it('keeps the structure tree and the content in step, with decoration out of the tree', async () => {
    expect(treeProblems(doc, await contentFacts(built))).toEqual([]);
    const rawProblems = treeProblems(rawDoc, await contentFacts(raw));
    expect(rawProblems.length).toBeGreaterThan(0);
    expect(rawProblems.every((p) => p.endsWith('is decoration tagged as content'))).toBe(true);
    // An element that loses its content is caught too.
    const broken = await load(built);
    const body = structure(broken).elems.find((e) => e.type === 'LBody');
    const kid = body && broken.context.lookup(body.kids[0]);
    (kid as PDFDict).set(N('K'), broken.context.obj([]));
    expect(treeProblems(broken, await contentFacts(built)).some((p) => p.includes('no element owns it'))).toBe(true);
  });

  it('reads cleanly in poppler (PDF 2.0 types role-mapped) and passes qpdf --check', () => {
    expect(popplerComplaints(built)).toEqual([]);
    expect(popplerComplaints(raw).some((c) => /StructElem object is wrong type/.test(c))).toBe(true);
    const file = join(freshDir('briefing-a11y-qpdf-'), 'slides.pdf');
    writeFileSync(file, built);
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
  });

  it('looks exactly as Chromium printed it, page for page', async () => {
    expect(renderDifferences(raw, built)).toEqual([]);
    const marked = await load(raw);
    marked.getPage(1).drawRectangle({ x: 0, y: 0, width: 200, height: 200, color: rgb(1, 0, 0) });
    expect(renderDifferences(raw, await marked.save())).toEqual([2]);
  });

  it('is the same bytes for the same report: two builds, and the pass run twice', async () => {
    const out = freshDir('briefing-a11y-again-');
    expect(
      (await runCli(['build', '--format', 'slides-pdf', '--out', out, '--quiet'], { env: process.env })).code,
    ).toBe(0);
    expect(Buffer.from(readFileSync(join(out, 'slides.pdf'))).equals(Buffer.from(built))).toBe(true);
    const options = { title, lang, date: fixedDate(date), chartAlt: charts };
    const once = await accessibleSlidesPdf(raw, options);
    expect(Buffer.from(await accessibleSlidesPdf(raw, options)).equals(Buffer.from(once))).toBe(true);
  });
});

/**
 * The forms the deck's HTML may take (the chart as `<svg role="img">` named by a <title> or by
 * aria-label, or as a plain <svg> in a <figure>; bulleted, numbered, nested and unmarked
 * lists; two links to one address, one over two lines; a heading over two lines), printed by
 * Chromium and passed through accessibleSlidesPdf as convertDeck does.
 */
const FORMS = `<!DOCTYPE html><html lang="en-GB"><head><title>Forms</title>
<style>body { font: 16px sans-serif; width: 420px; margin: 20px } .none { list-style: none }</style></head><body>
<h1>A heading long enough to wrap across two lines of this narrow page</h1>
<figure><svg role="img" aria-labelledby="t1" width="100" height="30"><title id="t1">Chart one</title><rect width="100" height="30"/></svg>
<figcaption>Source: <a href="https://example.org/one">Example One</a></figcaption></figure>
<figure><svg role="img" aria-label="Chart two" width="100" height="30"><rect width="60" height="30"/></svg></figure>
<figure><svg width="100" height="30"><rect width="30" height="30"/><text x="40" y="20">label</text></svg><figcaption>Caption three</figcaption></figure>
<ul><li>One <strong>strong</strong></li><li>Two<ul><li>Nested</li></ul></li></ul>
<ol><li>First</li></ol>
<ul class="none"><li style="border-bottom: 1px solid #ccc">No marker</li></ul>
<p><a href="https://example.org/same">first text</a> and then
<a href="https://example.org/same">the second text, long enough to wrap over the end of the line</a>.</p>
</body></html>`;

describe.skipIf(!('path' in browser))('accessibleSlidesPdf on the forms the deck HTML may take', () => {
  let raw: Uint8Array;
  let built: Uint8Array;
  let doc: PDFDocument;
  let headings: readonly string[];
  const alts = ['Chart one', 'Chart two', 'Chart three'];

  beforeAll(async () => {
    const chromium = await launchChromium((browser as { path: string }).path);
    try {
      const page = await chromium.browser.newPage();
      await page.setContent(FORMS, { waitUntil: 'load' });
      raw = await page.pdf({ tagged: true, outline: true, width: '500px', height: '900px' });
      const text = await pageText(page);
      headings = text.headings ?? [];
      built = await accessibleSlidesPdf(raw, {
        title: 'Forms',
        lang: 'en-GB',
        date: fixedDate('2024-02-23'),
        chartAlt: alts,
        ...text,
      });
    } finally {
      await chromium.close();
    }
    doc = await load(built);
  });

  it('keeps the names Chromium gives, fills the Figure it leaves unnamed, and makes <figure> groups Divs', async () => {
    expect(figureProblems(doc, alts)).toEqual([]);
    expect(figureProblems(await load(raw), alts)).not.toEqual([]);
    const types = structure(doc).elems.map((e) => e.type);
    expect(types.filter((t) => t === 'Figure')).toHaveLength(3);
    expect(types.filter((t) => t === 'Div')).toHaveLength(2);
  });

  it('gives each link the text of its own <a>, in order, on every annotation of a wrapped link', () => {
    const contents = doc.getPages().flatMap((page) => {
      const annots = doc.context.lookup(page.node.get(N('Annots')));
      return annots instanceof PDFArray
        ? annots.asArray().map((a) => textOf((doc.context.lookup(a) as PDFDict).get(N('Contents'))))
        : [];
    });
    const second = 'the second text, long enough to wrap over the end of the line';
    expect(contents[0]).toBe('Example One');
    expect(contents[1]).toBe('first text');
    expect(contents.slice(2).length).toBeGreaterThan(1);
    expect(new Set(contents.slice(2))).toEqual(new Set([second]));
  });

  it('makes nested, numbered and unmarked lists L/LI/LBody, the tree in step with the content', async () => {
    expect(listProblems(doc)).toEqual([]);
    expect(listProblems(await load(raw))).not.toEqual([]);
    expect(treeProblems(doc, await contentFacts(built))).toEqual([]);
    expect(untaggedProblems(await contentFacts(built))).toEqual([]);
    // The numbered list keeps its label (text); the nested list sits in its item's LBody.
    const { elems } = structure(doc);
    expect(elems.some((e) => e.type === 'Lbl')).toBe(true);
    expect(elems.some((e) => e.type === 'L' && e.parent?.type === 'LBody')).toBe(true);
  });

  it('gives a wrapped heading its bookmark title with the space Chromium drops', () => {
    const outlines = doc.context.lookup(doc.catalog.get(N('Outlines'))) as PDFDict;
    const first = doc.context.lookup(outlines.get(N('First'))) as PDFDict;
    expect(textOf(first.get(N('Title')))).toBe(headings[0]);
    const rawOutlines = (async () => {
      const r = await load(raw);
      const o = r.context.lookup(r.catalog.get(N('Outlines'))) as PDFDict;
      return textOf((r.context.lookup(o.get(N('First'))) as PDFDict).get(N('Title')));
    })();
    return expect(rawOutlines).resolves.not.toBe(headings[0]);
  });
});
