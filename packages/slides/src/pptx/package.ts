import { escapeXml, isoSeconds } from '@briefing/content';
import type { SlideKind } from '../plan/plan.js';
import { categoryLabelsShown, labelFormats } from './chart-labels.js';
import { PptxPassError } from './pass.js';
import { finishLayout } from './placeholders.js';
import { appProperties, type DeckInfo, finishTheme } from './properties.js';
import { FACES, finishLayoutText, finishNotes, finishSlide, fonts } from './slide-pass.js';
import { fragment, XmlPart } from './xml/read.js';
import { find } from './xml/tree.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

// The pass over pptxgenjs's package that makes it the file this project promises. pptxgenjs
// 4.0.1 has no option for any of these, so they are done here, on its XML, each for a reason.
// Each edit is made on the part parsed (xml/): elements are found by name and attribute,
// never by a pattern in the text, and every element nothing changes is written back byte for
// byte. An element the pass needs and does not find is a PptxPassError naming the part, never
// a silent no-op (the slides' edits are in slide-pass.ts and placeholders.ts, the charts' in
// chart-labels.ts, the theme's in properties.ts); test/pptx-pass.test.ts breaks each
// expectation on a real pptxgenjs package, and shows XML written another way finished alike:
//
// - Same report, same bytes: pptxgenjs stamps the time of writing into docProps/core.xml and
//   into the core properties of each chart's embedded workbook, and its zip entries carry
//   the time too. Here the dates are the report's (or SOURCE_DATE_EPOCH), every zip entry
//   has that day (zip.ts), and the entries are written in a fixed order. (Its random ids are only
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
// - Document properties pptxgenjs does not write: keywords, language; the application
//   properties and the theme say what the file is (properties.ts), not Office's defaults.

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export interface PackageInfo extends DeckInfo {
  lang: string;
  title: string;
  subject: string;
  author?: string;
  keywords: readonly string[];
  /** YYYY-MM-DDTHH:MM:SSZ */
  date: Date;
  /** Per chart part (chart1, chart2...), the number format of each bar's label. */
  chartFormats: readonly (readonly string[])[];
  /** Each slide's kind, in order (the slide's name, and its title placeholder's type). */
  kinds: readonly SlideKind[];
  /** The footer line, the layouts' footer placeholder's prompt. */
  footer: string;
}

/** The package made reproducible and valid (see above). */
export async function finishPackage(pptx: Uint8Array, info: PackageInfo): Promise<Uint8Array> {
  return writeZip(finishParts(pptx, info), info.date);
}

/** The finished parts, in the package's order (finishPackage zips them; a template takes them first). */
export function finishParts(pptx: Uint8Array, info: PackageInfo): ZipEntry[] {
  const entries = readZip(pptx);
  const names = entries.map((e) => e.name);
  for (const required of [
    '[Content_Types].xml',
    '_rels/.rels',
    'docProps/core.xml',
    'docProps/app.xml',
    'ppt/presentation.xml',
    'ppt/theme/theme1.xml',
  ]) {
    if (!names.includes(required)) throw new PptxPassError('the package', `a part ${required}`);
  }
  const renumber = chartNumbers(names);
  const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/u.test(n)).length;
  if (charts !== info.chartFormats.length)
    throw new PptxPassError('the package', `${info.chartFormats.length} chart parts, found ${charts}`);
  const parts: ZipEntry[] = entries
    .map((entry) => {
      const name = renumber(entry.name);
      if (/\.xlsx$/u.test(name)) return { name, data: finishWorkbook(entry.data, info.date) };
      const xml = finishPart(name, entry.data, info, renumber);
      return { name, data: xml === undefined ? entry.data : encoder.encode(xml) };
    })
    .sort((a, b) => partOrder(a.name, b.name));
  return parts;
}

/**
 * pptxgenjs numbers chart parts (chartN.xml and their workbooks) with a counter that lives as
 * long as the process, so a second render in one process would name them differently: they
 * are numbered from 1 in each file, in the order they were made. Returns the renaming of a
 * part's name (or a reference to it: a relationship's target, a content type's part name).
 */
function chartNumbers(names: readonly string[]): (name: string) => string {
  const made = names
    .map((n) => /^ppt\/charts\/chart(\d+)\.xml$/u.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const to = new Map(made.map((n, i) => [n, i + 1]));
  const number = (n: string) => to.get(Number(n)) ?? Number(n);
  return (name) =>
    name
      .replace(
        /(^|\/)chart(\d+)\.xml(\.rels)?$/u,
        (_m, at: string, n: string, rels = '') => `${at}chart${number(n)}.xml${rels}`,
      )
      .replace(
        /(^|\/)Microsoft_Excel_Worksheet(\d+)\.xlsx$/u,
        (_m, at: string, n: string) => `${at}Microsoft_Excel_Worksheet${number(n)}.xlsx`,
      );
}

/** [Content_Types].xml first and the package relationships next, as Office writes them; then by name. */
export function partOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A part finished, as text; undefined when the pass leaves it as pptxgenjs wrote it. */
function finishPart(
  name: string,
  data: Uint8Array,
  info: PackageInfo,
  renumber: (name: string) => string,
): string | undefined {
  const { faces } = info;
  const place = { part: name };
  if (name === 'docProps/core.xml') return coreProperties(info);
  if (name === 'docProps/app.xml') return appProperties(info);
  let text: string | undefined;
  const xml = () => {
    text ??= decoder.decode(data);
    return text;
  };
  if (/^ppt\/theme\/theme\d+\.xml$/u.test(name)) return finishTheme(name, xml(), info);
  const slide = /^ppt\/slides\/slide(\d+)\.xml$/u.exec(name);
  if (slide) {
    const kind = info.kinds[Number(slide[1]) - 1];
    if (!kind) throw new PptxPassError(name, `a slide of the plan's ${info.kinds.length}`);
    return finishSlide(name, xml(), info.lang, kind, faces);
  }
  if (/^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(name)) {
    const doc = new XmlPart(xml(), place);
    finishLayout(doc.root, info.footer, place);
    finishLayoutText(doc.root, info.lang, faces, place);
    return doc.toString();
  }
  if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/u.test(name)) return finishNotes(name, xml(), info.lang);
  const chart = /^ppt\/charts\/chart(\d+)\.xml$/u.exec(name);
  if (chart) {
    const formats = info.chartFormats[Number(chart[1]) - 1];
    if (!formats) throw new Error(`pptx: no label formats for ${name}`);
    const doc = new XmlPart(xml(), place);
    labelFormats(doc.root, formats, place);
    categoryLabelsShown(doc.root, place);
    fonts(find(doc.root, FACES), faces);
    return doc.toString();
  }
  // The references to chart parts and their workbooks, numbered as the parts are.
  const references = name === '[Content_Types].xml' ? 'PartName' : name.endsWith('.rels') ? 'Target' : undefined;
  // (Only a part that names one at all is parsed: most slides' relationships name no chart.)
  if (references && /chart\d|Microsoft_Excel_Worksheet\d/u.test(xml())) {
    const doc = new XmlPart(xml(), place);
    for (const el of doc.root.elements()) {
      const target = el.attr(references);
      if (target !== undefined) el.set(references, renumber(target));
    }
    return doc.toString();
  }
  return undefined;
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

/** A chart's embedded workbook with its dates fixed as the presentation's, its entries in order. */
function finishWorkbook(xlsx: Uint8Array, date: Date): Uint8Array {
  const stamp = isoSeconds(date);
  const read = readZip(xlsx);
  if (!read.some((e) => e.name === 'docProps/core.xml'))
    throw new PptxPassError('a chart workbook', 'a part docProps/core.xml');
  const entries = read
    .map((entry) => {
      if (entry.name !== 'docProps/core.xml') return entry;
      const place = { part: 'a chart workbook' };
      const core = new XmlPart(decoder.decode(entry.data), place);
      for (const when of ['dcterms:created', 'dcterms:modified']) core.root.need(when, place).fill(fragment(stamp));
      const xml = core.toString();
      return { name: entry.name, data: encoder.encode(xml) };
    })
    .sort((a, b) => partOrder(a.name, b.name));
  return writeZip(entries, date);
}
