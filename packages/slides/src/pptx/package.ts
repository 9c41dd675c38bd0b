import { escapeXml, isoSeconds } from '@briefing/content';
import { KICKER_SHAPE, TITLE_SHAPE } from './build.js';
import { color, font } from './units.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

// The pass over pptxgenjs's package that makes it the file this project promises. pptxgenjs
// 4.0.1 has no option for any of these, so they are done here, on its XML, each for a reason.
// Each edit is a precise operation that asserts what it expects (replaceExpected and the
// checks beside it) and throws PptxPassError when pptxgenjs writes otherwise, never a silent
// no-op; test/pptx-pass.test.ts breaks each expectation on a real pptxgenjs package:
//
// - Same report, same bytes: pptxgenjs stamps the time of writing into docProps/core.xml and
//   into the core properties of each chart's embedded workbook, and its zip entries carry
//   the time too. Here the dates are the report's (or SOURCE_DATE_EPOCH), every zip entry
//   has that date, and the entries are written in a fixed order. (Its random ids are only
//   written for scatter charts and sections, and chart colours are chosen at random only
//   when a chart has more series than colours: none of these is used.)
// - Valid paragraphs: for a paragraph of several runs it writes an <a:pPr> before every run
//   (the schema allows one, first); the later ones are dropped.
// - Unique shape ids: it numbers a table's frame apart from the other shapes of its slide,
//   so two shapes can share an id; each slide's shapes are numbered again in order.
// - Titles: a slide's heading is the slide's title placeholder (<p:ph type="title"/>), so
//   PowerPoint's outline and accessibility checker find it. pptxgenjs puts a placeholder
//   only where its layout has it; the heading is written as a text box at its own height
//   and made the placeholder here, and the empty copy of the layout's placeholder that
//   pptxgenjs adds to each slide is dropped.
// - The kicker in capitals (cap="all", the text as written), bullets in the highlight
//   colour, the number of a numbered item in the body face.
// - Notes as paragraphs (pptxgenjs writes all of a slide's notes as one), in the deck's language.
// - Chart labels: one number format per bar, so each label reads as the report's figure.
// - Document properties pptxgenjs does not write: keywords, language.

export interface PackageInfo {
  lang: string;
  title: string;
  subject: string;
  author?: string;
  keywords: readonly string[];
  /** YYYY-MM-DDTHH:MM:SSZ */
  date: Date;
  /** Per chart part (chart1, chart2...), the number format of each bar's label. */
  chartFormats: readonly (readonly string[])[];
}

/**
 * The error when pptxgenjs's output is not what a step of the pass expects (a new version
 * writing its XML differently, say): better no file than one silently left unpatched.
 */
export class PptxPassError extends Error {
  constructor(part: string, expected: string) {
    super(`internal: pptxgenjs wrote ${part} unlike this pass expects (${expected}); see pptx/package.ts`);
    this.name = 'PptxPassError';
  }
}

/**
 * `pattern` replaced in `xml`, asserting how many times it matched: `count` exactly, or at
 * least `min` (default one). Every patch of the pass goes through here, so none can become
 * a silent no-op.
 */
export function replaceExpected(
  part: string,
  xml: string,
  pattern: RegExp,
  replace: (match: string, ...groups: string[]) => string,
  expected: { what: string; count?: number; min?: number },
): string {
  let n = 0;
  const out = xml.replace(pattern, (...args: unknown[]) => {
    n++;
    return replace(...(args as [string, ...string[]]));
  });
  const ok = expected.count !== undefined ? n === expected.count : n >= (expected.min ?? 1);
  if (!ok) {
    const want = expected.count !== undefined ? `exactly ${expected.count}` : `at least ${expected.min ?? 1}`;
    throw new PptxPassError(part, `${want} ${expected.what}, found ${n}`);
  }
  return out;
}

/** Panose and pitch family of each face, from the fonts' OS/2 tables: how a viewer without them picks a substitute. */
const FONT_CLASS: Record<string, { panose: string; pitchFamily: number }> = {
  [font.sans]: { panose: '02000503000000020004', pitchFamily: 34 },
  [font.serif]: { panose: '02040603050405020204', pitchFamily: 18 },
};

/** The package made reproducible and valid (see above). */
export async function finishPackage(pptx: Uint8Array, info: PackageInfo): Promise<Uint8Array> {
  const entries = readZip(pptx);
  const names = entries.map((e) => e.name);
  for (const required of ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'ppt/presentation.xml']) {
    if (!names.includes(required)) throw new PptxPassError('the package', `a part ${required}`);
  }
  const renumber = chartNumbers(names);
  const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/u.test(n)).length;
  if (charts !== info.chartFormats.length)
    throw new PptxPassError('the package', `${info.chartFormats.length} chart parts, found ${charts}`);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const parts: ZipEntry[] = entries
    .map((entry) => {
      const name = renumber(entry.name);
      if (/\.xlsx$/u.test(name)) return { name, data: finishWorkbook(entry.data, info.date) };
      if (!/\.(xml|rels)$/u.test(name)) return { name, data: entry.data };
      const xml = renumber(decoder.decode(entry.data));
      return { name, data: encoder.encode(finishPart(name, xml, info)) };
    })
    .sort((a, b) => partOrder(a.name, b.name));
  return writeZip(parts, info.date);
}

/**
 * pptxgenjs numbers chart parts (chartN.xml and their workbooks) with a counter that lives as
 * long as the process, so a second render in one process would name them differently: they
 * are numbered from 1 in each file, in the order they were made. Returns the renaming for
 * part names and the references to them.
 */
function chartNumbers(names: readonly string[]): (text: string) => string {
  const made = names
    .map((n) => /^ppt\/charts\/chart(\d+)\.xml$/u.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const to = new Map(made.map((n, i) => [n, i + 1]));
  const number = (n: string) => to.get(Number(n)) ?? Number(n);
  return (text) =>
    text
      .replace(/\bchart(\d+)\.xml/gu, (_m, n: string) => `chart${number(n)}.xml`)
      .replace(
        /Microsoft_Excel_Worksheet(\d+)\.xlsx/gu,
        (_m, n: string) => `Microsoft_Excel_Worksheet${number(n)}.xlsx`,
      );
}

/** [Content_Types].xml first and the package relationships next, as Office writes them; then by name. */
function partOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function finishPart(name: string, xml: string, info: PackageInfo): string {
  if (name === 'docProps/core.xml') return coreProperties(info);
  if (/^ppt\/slides\/slide\d+\.xml$/u.test(name)) return finishSlide(name, xml, info.lang);
  if (/^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(name))
    return fonts(onePPr(xml, name)).replaceAll('lang="en-US"', `lang="${escapeXml(info.lang)}"`);
  if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/u.test(name)) return finishNotes(name, xml, info.lang);
  const chart = /^ppt\/charts\/chart(\d+)\.xml$/u.exec(name);
  if (chart) {
    const formats = info.chartFormats[Number(chart[1]) - 1];
    if (!formats) throw new Error(`pptx: no label formats for ${name}`);
    return fonts(labelFormats(xml, formats, name));
  }
  return xml;
}

/** The core properties: title, subject, author, keywords, language and the fixed dates. */
function coreProperties(info: PackageInfo): string {
  const when = isoSeconds(info.date);
  const author = info.author ?? '';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(info.title)}</dc:title>`,
    `<dc:subject>${escapeXml(info.subject)}</dc:subject>`,
    `<dc:creator>${escapeXml(author)}</dc:creator>`,
    `<cp:keywords>${escapeXml(info.keywords.join(', '))}</cp:keywords>`,
    `<dc:language>${escapeXml(info.lang)}</dc:language>`,
    `<cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/**
 * Keep a paragraph's first <a:pPr> only (pptxgenjs writes one before each run of a paragraph).
 * Its paragraphs are bare <a:p> elements; one with attributes would escape the pass.
 */
export function onePPr(xml: string, part = 'a part'): string {
  if (/<a:p\s/u.test(xml)) throw new PptxPassError(part, 'paragraphs as bare <a:p> elements');
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/gu, (_whole, inner: string) => {
    let seen = false;
    const kept = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/gu, (pPr) => {
      if (seen) return '';
      seen = true;
      return pPr;
    });
    return `<a:p>${kept}</a:p>`;
  });
}

/**
 * Each face named with its class, so a viewer without it substitutes a font of the same kind.
 * The East Asian and complex-script faces pptxgenjs names after the Latin one are dropped:
 * Inter and Source Serif 4 have no such glyphs, and without a name the viewer uses its own
 * font for those scripts (it also makes a large deck's slides a quarter smaller).
 */
function fonts(xml: string): string {
  let out = xml;
  for (const [family, { panose, pitchFamily }] of Object.entries(FONT_CLASS)) {
    const name = escapeXml(family);
    out = out
      .replace(
        new RegExp(`<a:latin typeface="${name}"(?: pitchFamily="\\d+")?`, 'gu'),
        `<a:latin typeface="${name}" panose="${panose}" pitchFamily="${pitchFamily}"`,
      )
      .replace(new RegExp(`<a:(?:ea|cs) typeface="${name}"[^>]*/>`, 'gu'), '');
  }
  return out;
}

function finishSlide(part: string, xml: string, lang: string): string {
  let out = fonts(onePPr(xml, part));
  // Shapes: the heading becomes the title placeholder, the kicker is set in capitals.
  out = out.replace(/<p:sp>[\s\S]*?<\/p:sp>/gu, (shape) => {
    if (shape.includes(`name="${TITLE_SHAPE}"`)) {
      return replaceExpected(
        part,
        shape,
        /(<p:cNvPr [^>]*name="[^"]*"[^>]*>(?:<\/p:cNvPr>)?)<p:cNvSpPr\/><p:nvPr><\/p:nvPr>/u,
        (_m, cNvPr) => `${cNvPr}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>`,
        { what: 'empty shape properties on the heading', count: 1 },
      );
    }
    if (shape.includes(`name="${KICKER_SHAPE}"`))
      return replaceExpected(part, shape, /<a:rPr /gu, () => '<a:rPr cap="all" ', { what: 'runs in the kicker' });
    // The layout's empty title placeholder, which pptxgenjs copies onto every slide whose
    // title it did not fill: the heading above is the slide's title.
    if (/<p:ph\s[^>]*type="title"/u.test(shape)) return '';
    return shape;
  });
  // Bullets in the highlight colour, a little smaller than the text; numbers in the body face.
  const bullet = `<a:buClr><a:srgbClr val="${color.highlight}"/></a:buClr>`;
  out = out
    .replaceAll('<a:buSzPct val="100000"/><a:buChar', `${bullet}<a:buSzPct val="70000"/><a:buChar`)
    .replaceAll(
      '<a:buSzPct val="100000"/><a:buFont typeface="+mj-lt"/>',
      `${bullet}<a:buSzPct val="100000"/><a:buFont typeface="+mn-lt"/>`,
    );
  if (out.split('<a:buChar').length !== out.split(`${bullet}<a:buSzPct val="70000"/><a:buChar`).length)
    throw new PptxPassError(part, 'every bullet character after <a:buSzPct val="100000"/>');
  if (out.includes('<a:buFont typeface="+mj-lt"/>'))
    throw new PptxPassError(part, 'every number after <a:buSzPct val="100000"/>');
  // Every shape of the slide its own id, in order.
  let id = 0;
  out = replaceExpected(part, out, /<p:cNvPr id="\d+"/gu, () => `<p:cNvPr id="${++id}"`, {
    what: 'shape ids, one per <p:cNvPr>',
    count: out.split('<p:cNvPr ').length - 1,
  });
  return out.replaceAll('lang="en-US"', `lang="${escapeXml(lang)}"`);
}

/** The notes placeholder's text as one paragraph per line, in the deck's language. */
function finishNotes(part: string, xml: string, lang: string): string {
  const l = escapeXml(lang);
  return replaceExpected(
    part,
    xml,
    /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/u,
    (_m, text) =>
      (text ?? '')
        .split(/\r?\n/u)
        .map((line) => `<a:p><a:r><a:rPr lang="${l}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`)
        .join(''),
    { what: 'notes as one run', count: 1 },
  ).replaceAll('lang="en-US"', `lang="${l}"`);
}

/**
 * One data label per bar with its own number format (and the series' label type), placed
 * before the series' shared label settings as the schema orders them.
 */
export function labelFormats(xml: string, formats: readonly string[], part = 'a chart part'): string {
  const points = [...xml.matchAll(/<c:val>[\s\S]*?<c:ptCount val="(\d+)"\/>/gu)].map((m) => Number(m[1]));
  if (points.length !== 1 || points[0] !== formats.length) {
    throw new PptxPassError(part, `one series of ${formats.length} values, found ${points.join('+') || 'none'}`);
  }
  const at = xml.indexOf('<c:dLbls>');
  if (at < 0) throw new PptxPassError(part, 'data labels (<c:dLbls>)');
  const shared = xml.slice(at, xml.indexOf('</c:dLbls>', at));
  // The series' label type, on one line (a figure broken after "about 1" reads badly).
  const txPr = replaceExpected(
    part,
    /<c:txPr>[\s\S]*?<\/c:txPr>/u.exec(shared)?.[0] ?? '',
    /<a:bodyPr\s*\/>/u,
    () => '<a:bodyPr wrap="none"/>',
    { what: "the labels' text properties with an empty <a:bodyPr/>", count: 1 },
  );
  const labels = formats
    .map(
      (code, idx) =>
        `<c:dLbl><c:idx val="${idx}"/><c:numFmt formatCode="${escapeXml(code)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`,
    )
    .join('');
  const start = at + '<c:dLbls>'.length;
  return xml.slice(0, start) + labels + xml.slice(start);
}

/** A chart's embedded workbook with its dates fixed as the presentation's, its entries in order. */
function finishWorkbook(xlsx: Uint8Array, date: Date): Uint8Array {
  const stamp = isoSeconds(date);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const read = readZip(xlsx);
  if (!read.some((e) => e.name === 'docProps/core.xml'))
    throw new PptxPassError('a chart workbook', 'a part docProps/core.xml');
  const entries = read
    .map((entry) => {
      if (entry.name !== 'docProps/core.xml') return entry;
      const xml = replaceExpected(
        'a chart workbook',
        decoder.decode(entry.data),
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/gu,
        (_m, open, _kind, close) => `${open}${stamp}${close}`,
        { what: 'a created and a modified date', count: 2 },
      );
      return { name: entry.name, data: encoder.encode(xml) };
    })
    .sort((a, b) => partOrder(a.name, b.name));
  return writeZip(entries, date);
}
