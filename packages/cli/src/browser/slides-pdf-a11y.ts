// The accessibility pass over the slides PDF Chromium prints. Chromium (`page.pdf({ tagged:
// true })`) already writes a structure tree from the page's accessibility tree (headings,
// paragraphs, lists, tables, links, a Figure with /Alt for an `<svg role="img">` with a name),
// /Lang, MarkInfo and DisplayDocTitle. What it leaves out, and this pass adds, read off
// Chromium 156's output (see docs/slides-pdf-accessibility.md):
//
// - XMP metadata with the PDF/UA identification (pdfuaid:part 1), title, language, authors,
//   keywords and the fixed dates; the Info dictionary says the same.
// - /Contents on every link annotation: the link's text, else its address.
// - LBody: Chromium's list items hold a Lbl (when a marker is drawn) and the item's content
//   directly; the content is moved into an LBody.
// - Figures: the `<figure>` around the chart comes out as a Figure holding the chart's Figure
//   and the Caption, without /Alt; it becomes a Div (the chart's Figure carries the
//   description). A Figure still without /Alt gets the chart's description, if given.
// - Artifacts: painting outside any marked content (page numbers, accent bars) is wrapped in
//   `/Artifact BMC`, and tagged sequences that only fill or stroke paths (backgrounds, rules
//   under headings, list and table borders) become artifacts and leave the structure tree.
// - A RoleMap for PDF 2.0 types Chromium uses (Strong) that PDF 1.7 does not define.
// - Bookmark titles: Chromium joins a heading's wrapped lines without a space
//   ("CybercrimeNetworks"); a title that differs from its heading only in spaces is replaced.
//
// Pure: bytes in, bytes out; no clock, no random ids, so the same input gives the same bytes.

import { escapeXml, fixedDate } from '@briefing/content';
import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { analyseContent, markArtifacts, readContent, UnreadableContent } from './pdf-content.js';

export interface SlidesPdfLink {
  /** The link's address as the page has it (absolute). */
  href: string;
  /** Its text (or accessible name). */
  text: string;
}

export interface SlidesPdfAccessibility {
  /** Document title (dc:title, Info Title), shown in the viewer's title bar. */
  title: string;
  /** BCP 47 language of the document (dc:language, the catalog's /Lang). */
  lang: string;
  /** Fixed date, YYYY-MM-DD (midnight UTC): Info CreationDate/ModDate and the XMP dates. */
  date?: string | undefined;
  /** dc:creator, Info Author (joined with commas). */
  authors?: readonly string[] | undefined;
  /** dc:description, Info Subject. */
  subject?: string | undefined;
  /** dc:subject, pdf:Keywords, Info Keywords. */
  keywords?: readonly string[] | undefined;
  /** Every link of the printed page, in document order: their texts become the annotations' /Contents. */
  links?: readonly SlidesPdfLink[] | undefined;
  /** The description of each chart, in document order: /Alt for a chart Figure Chromium left without one. */
  chartAlt?: readonly string[] | undefined;
  /** The text of every heading (h1-h6), in document order: to repair bookmark titles. */
  headings?: readonly string[] | undefined;
}

const name = (n: string) => PDFName.of(n);
const text = (value: string) => PDFHexString.fromText(value);

/** The text of a PDF string object, or undefined. */
function stringOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Text of an XMP packet: PDF/UA identification plus Dublin Core, XMP basic and PDF properties. */
export function xmpPacket(
  fields: Pick<SlidesPdfAccessibility, 'title' | 'lang' | 'date' | 'authors' | 'subject' | 'keywords'> & {
    producer?: string | undefined;
    creatorTool?: string | undefined;
  },
): string {
  const x = escapeXml;
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${x(value)}</rdf:li></rdf:Alt>`;
  const list = (kind: 'Seq' | 'Bag', values: readonly string[]) =>
    `<rdf:${kind}>${values.map((v) => `<rdf:li>${x(v)}</rdf:li>`).join('')}</rdf:${kind}>`;
  const iso = fields.date ? `${fields.date}T00:00:00Z` : undefined;
  const lines = [
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:language>${list('Bag', [fields.lang])}</dc:language>`,
    fields.authors?.length ? `<dc:creator>${list('Seq', fields.authors)}</dc:creator>` : '',
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    fields.keywords?.length ? `<dc:subject>${list('Bag', fields.keywords)}</dc:subject>` : '',
    fields.keywords?.length ? `<pdf:Keywords>${x(fields.keywords.join(', '))}</pdf:Keywords>` : '',
    fields.producer ? `<pdf:Producer>${x(fields.producer)}</pdf:Producer>` : '',
    fields.creatorTool ? `<xmp:CreatorTool>${x(fields.creatorTool)}</xmp:CreatorTool>` : '',
    iso ? `<xmp:CreateDate>${iso}</xmp:CreateDate>` : '',
    iso ? `<xmp:ModifyDate>${iso}</xmp:ModifyDate>` : '',
    iso ? `<xmp:MetadataDate>${iso}</xmp:MetadataDate>` : '',
    `<pdfuaid:part>1</pdfuaid:part>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    ...lines.map((l) => `  ${l}`),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** Info dictionary, XMP metadata stream, and the catalog's language and viewer preferences. */
function describeDocument(doc: PDFDocument, options: SlidesPdfAccessibility): void {
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setLanguage(options.lang);
  if (options.authors?.length) doc.setAuthor(options.authors.join(', '));
  if (options.subject) doc.setSubject(options.subject);
  // pdf-lib joins keywords with spaces; the PDF briefing's Info dictionary uses commas.
  if (options.keywords?.length) doc.setKeywords([options.keywords.join(', ')]);
  if (options.date) {
    const when = fixedDate(options.date);
    doc.setCreationDate(when);
    doc.setModificationDate(when);
  }
  const xmp = xmpPacket({
    ...options,
    producer: doc.getProducer(),
    creatorTool: doc.getCreator(),
  });
  const metadata = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(name('Metadata'), doc.context.register(metadata));
}

// --- the structure tree --------------------------------------------------------------------

/** A structure element: its reference, dictionary and parent element (undefined at the top). */
interface Elem {
  ref: PDFRef;
  dict: PDFDict;
  parent: Elem | undefined;
}

/** Where an entry of the ParentTree lives, by key: page StructParents → array, annotation StructParent → element. */
type ParentTree = Map<number, { nums: PDFArray; index: number }>;

class StructTree {
  readonly parentTree: ParentTree = new Map();
  readonly pageKeys = new Map<string, number>();

  constructor(
    readonly context: PDFContext,
    readonly root: PDFDict,
    pages: readonly { ref: PDFRef; node: PDFDict }[],
  ) {
    const tree = context.lookup(root.get(name('ParentTree')));
    if (tree instanceof PDFDict) this.readNumberTree(tree);
    for (const page of pages) {
      const key = page.node.get(name('StructParents'));
      if (key instanceof PDFNumber) this.pageKeys.set(page.ref.toString(), key.asNumber());
    }
  }

  private readNumberTree(node: PDFDict): void {
    const nums = this.context.lookup(node.get(name('Nums')));
    if (nums instanceof PDFArray)
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = nums.get(i);
        if (key instanceof PDFNumber) this.parentTree.set(key.asNumber(), { nums, index: i + 1 });
      }
    const kids = this.context.lookup(node.get(name('Kids')));
    if (kids instanceof PDFArray)
      for (const kid of kids.asArray()) {
        const child = this.context.lookup(kid);
        if (child instanceof PDFDict) this.readNumberTree(child);
      }
  }

  /** An element's kids as an array (K may be one kid, an array, or a reference to either). */
  kids(dict: PDFDict): PDFObject[] {
    const k = dict.get(name('K'));
    if (k === undefined) return [];
    const resolved = k instanceof PDFRef ? this.context.lookup(k) : k;
    if (resolved instanceof PDFArray) return resolved.asArray();
    return [k];
  }

  setKids(dict: PDFDict, kids: readonly PDFObject[]): void {
    if (kids.length === 0) dict.delete(name('K'));
    else dict.set(name('K'), kids.length === 1 ? (kids[0] as PDFObject) : this.context.obj([...kids]));
  }

  /** The element a kid reference points at, if it is a structure element (not an MCR or OBJR). */
  elemOf(kid: PDFObject): PDFDict | undefined {
    if (!(kid instanceof PDFRef)) return undefined;
    const dict = this.context.lookup(kid);
    if (!(dict instanceof PDFDict) || !(dict.get(name('S')) instanceof PDFName)) return undefined;
    const type = dict.get(name('Type'));
    return type === name('MCR') || type === name('OBJR') ? undefined : dict;
  }

  /** Every structure element below the root, depth-first in document order. */
  elements(): Elem[] {
    const out: Elem[] = [];
    const seen = new Set<string>();
    const visit = (kid: PDFObject, parent: Elem | undefined) => {
      const dict = this.elemOf(kid);
      if (!dict || seen.has(kid.toString())) return;
      seen.add(kid.toString());
      const elem = { ref: kid as PDFRef, dict, parent };
      out.push(elem);
      for (const k of this.kids(dict)) visit(k, elem);
    };
    for (const k of this.kids(this.root)) visit(k, undefined);
    return out;
  }

  type(dict: PDFDict): string {
    return (dict.get(name('S')) as PDFName).decodeText();
  }

  /** The page an element's bare MCIDs are on: its /Pg, else its nearest ancestor's. */
  pageOf(elem: Elem | undefined): PDFRef | undefined {
    for (let e = elem; e; e = e.parent) {
      const pg = e.dict.get(name('Pg'));
      if (pg instanceof PDFRef) return pg;
    }
    return undefined;
  }

  private setParentEntry(key: number | undefined, mcid: number | undefined, value: PDFObject): void {
    if (key === undefined) return;
    const entry = this.parentTree.get(key);
    if (!entry) return;
    if (mcid === undefined) {
      entry.nums.set(entry.index, value);
      return;
    }
    const array = this.context.lookup(entry.nums.get(entry.index));
    if (array instanceof PDFArray && mcid < array.size()) array.set(mcid, value);
  }

  /** The ParentTree entry of an MCID on a page, or of an annotation. */
  parentOfMcid(page: PDFRef, mcid: number): PDFObject | undefined {
    const key = this.pageKeys.get(page.toString());
    const entry = key === undefined ? undefined : this.parentTree.get(key);
    const array = entry && this.context.lookup(entry.nums.get(entry.index));
    return array instanceof PDFArray && mcid < array.size() ? array.get(mcid) : undefined;
  }

  clearMcid(page: PDFRef, mcid: number): void {
    this.setParentEntry(this.pageKeys.get(page.toString()), mcid, PDFNull);
  }

  /**
   * Record that content item `kid` (of `from`) now belongs to the element `to`: the element's
   * /P, or the ParentTree entry of a marked-content sequence or an annotation.
   */
  reparent(kid: PDFObject, from: Elem, to: PDFRef): void {
    const elem = this.elemOf(kid);
    if (elem) {
      elem.set(name('P'), to);
      return;
    }
    if (kid instanceof PDFNumber) {
      const page = this.pageOf(from);
      if (page) this.setParentEntry(this.pageKeys.get(page.toString()), kid.asNumber(), to);
      return;
    }
    const item = this.context.lookup(kid);
    if (!(item instanceof PDFDict)) return;
    if (item.get(name('Type')) === name('MCR')) {
      const pg = item.get(name('Pg'));
      const page = pg instanceof PDFRef ? pg : this.pageOf(from);
      const mcid = item.get(name('MCID'));
      if (page && mcid instanceof PDFNumber)
        this.setParentEntry(this.pageKeys.get(page.toString()), mcid.asNumber(), to);
    } else if (item.get(name('Type')) === name('OBJR')) {
      const annotation = this.context.lookup(item.get(name('Obj')));
      const key = annotation instanceof PDFDict ? annotation.get(name('StructParent')) : undefined;
      if (key instanceof PDFNumber) this.setParentEntry(key.asNumber(), undefined, to);
    }
  }
}

const hasText = (dict: PDFDict, key: string) => {
  const value = stringOf(dict.get(name(key)));
  return value !== undefined && value.trim() !== '';
};

/** A list item holds a Lbl and an LBody, nothing else: its other kids move into a new LBody. */
function addListBodies(tree: StructTree, elements: readonly Elem[]): void {
  for (const li of elements) {
    if (tree.type(li.dict) !== 'LI') continue;
    const kids = tree.kids(li.dict);
    const isLbl = (k: PDFObject) => {
      const e = tree.elemOf(k);
      return e !== undefined && tree.type(e) === 'Lbl';
    };
    const body = kids.filter((k) => !isLbl(k));
    if (body.length === 0) continue;
    if (body.length === 1) {
      const only = tree.elemOf(body[0] as PDFObject);
      if (only && tree.type(only) === 'LBody') continue;
    }
    const lbody = tree.context.obj({ Type: 'StructElem', S: 'LBody', P: li.ref });
    const pg = tree.pageOf(li);
    if (pg) lbody.set(name('Pg'), pg);
    const ref = tree.context.register(lbody);
    tree.setKids(lbody, body);
    for (const kid of body) tree.reparent(kid, li, ref);
    tree.setKids(li.dict, [...kids.filter(isLbl), ref]);
  }
}

/**
 * Figures: a Figure without alternative text that holds another Figure (Chromium's `<figure>`
 * around an `<svg role="img">` and a `<figcaption>`) groups a figure and its caption, so it
 * becomes a Div; a Figure without alternative text and without Figures inside gets the chart
 * description of the same position, when there is one description per such Figure.
 */
function describeFigures(tree: StructTree, elements: readonly Elem[], chartAlt: readonly string[] | undefined): void {
  const figures = elements.filter((e) => tree.type(e.dict) === 'Figure');
  const inside = (outer: Elem) =>
    figures.some((f) => {
      for (let p = f.parent; p; p = p.parent) if (p === outer) return true;
      return false;
    });
  const described = (e: Elem) => hasText(e.dict, 'Alt') || hasText(e.dict, 'ActualText');
  const leaves = figures.filter((f) => !inside(f));
  for (const f of figures) if (!leaves.includes(f) && !described(f)) f.dict.set(name('S'), name('Div'));
  if (chartAlt && chartAlt.length === leaves.length)
    leaves.forEach((f, i) => {
      if (!described(f)) f.dict.set(name('Alt'), text(chartAlt[i] as string));
    });
}

/** Text as read aloud: no soft hyphens or invisible joiners, spaces folded. */
const clean = (value: string) =>
  value
    .replace(/[\u00AD\u200B-\u200D\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const normalUrl = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

/** The address a link annotation opens, if it is a URI action. */
function uriOf(tree: StructTree, annotation: PDFDict): string | undefined {
  const action = tree.context.lookup(annotation.get(name('A')));
  if (!(action instanceof PDFDict)) return undefined;
  const uri = tree.context.lookup(action.get(name('URI')));
  return stringOf(uri);
}

/**
 * /Contents for every link annotation. Each Link element of the structure tree is one `<a>`
 * of the page (Chromium makes one annotation per line box of it), in document order: it takes
 * the text of the next page link with the same address. An annotation outside the tree, or
 * one whose address the list lacks, takes the first text given for its address, else the address.
 */
function describeLinks(
  tree: StructTree,
  elements: readonly Elem[],
  pages: readonly PDFDict[],
  links: readonly SlidesPdfLink[],
): void {
  const byUrl = new Map<string, string>();
  for (const l of links) if (!byUrl.has(normalUrl(l.href))) byUrl.set(normalUrl(l.href), l.text);
  let next = 0;
  for (const e of elements) {
    if (tree.type(e.dict) !== 'Link') continue;
    const annotations = tree
      .kids(e.dict)
      .map((k) => tree.context.lookup(k))
      .filter((k): k is PDFDict => k instanceof PDFDict && k.get(name('Type')) === name('OBJR'))
      .map((objr) => tree.context.lookup(objr.get(name('Obj'))))
      .filter((a): a is PDFDict => a instanceof PDFDict);
    const uri = annotations.map((a) => uriOf(tree, a)).find((u) => u !== undefined);
    if (uri === undefined) continue;
    const at = links.findIndex((l, i) => i >= next && normalUrl(l.href) === normalUrl(uri));
    if (at < 0) continue;
    next = at + 1;
    const label = clean((links[at] as SlidesPdfLink).text);
    if (label) for (const a of annotations) if (!hasText(a, 'Contents')) a.set(name('Contents'), text(label));
  }
  for (const page of pages) {
    const annots = tree.context.lookup(page.get(name('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    for (const item of annots.asArray()) {
      const a = tree.context.lookup(item);
      if (!(a instanceof PDFDict) || a.get(name('Subtype')) !== name('Link') || hasText(a, 'Contents')) continue;
      const uri = uriOf(tree, a);
      const label = uri === undefined ? 'Link within the document' : clean(byUrl.get(normalUrl(uri)) ?? '') || uri;
      a.set(name('Contents'), text(label));
    }
  }
}

/** The structure types of ISO 32000-1 (PDF 1.7), which need no role mapping. */
const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 ' +
    'L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot ' +
    'Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);
/** PDF 2.0 types Chromium may write, as their nearest PDF 1.7 type; anything else maps to NonStruct. */
const ROLES: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'H1', FENote: 'Note' };

function mapRoles(tree: StructTree, elements: readonly Elem[]): void {
  const used = [...new Set(elements.map((e) => tree.type(e.dict)))].filter((t) => !STANDARD_TYPES.has(t)).sort();
  if (used.length === 0) return;
  let roleMap = tree.context.lookup(tree.root.get(name('RoleMap')));
  if (!(roleMap instanceof PDFDict)) {
    roleMap = tree.context.obj({});
    tree.root.set(name('RoleMap'), roleMap);
  }
  for (const type of used)
    if (!(roleMap as PDFDict).has(name(type))) (roleMap as PDFDict).set(name(type), name(ROLES[type] ?? 'NonStruct'));
}

/** The decoded content streams of a page, with their references. */
function contentStreams(context: PDFContext, page: PDFDict): { ref: PDFRef; stream: PDFRawStream }[] {
  const contents = page.get(name('Contents'));
  const refs = contents instanceof PDFRef ? [contents] : [];
  const resolved = context.lookup(contents);
  if (resolved instanceof PDFArray) refs.splice(0, 1, ...resolved.asArray().filter((r) => r instanceof PDFRef));
  return refs.flatMap((ref) => {
    const stream = context.lookup(ref);
    return stream instanceof PDFRawStream ? [{ ref, stream }] : [];
  });
}

/** Whether an element or one of its ancestors is a Figure or a Formula (whose drawing is its content). */
function inFigure(tree: StructTree, ref: PDFObject): boolean {
  for (let dict = tree.elemOf(ref); dict; dict = tree.elemOf(dict.get(name('P')) ?? PDFNull)) {
    const type = tree.type(dict);
    if (type === 'Figure' || type === 'Formula') return true;
  }
  return false;
}

/**
 * Mark what is decoration as artifacts: painting outside any marked content is wrapped, and an
 * MCID sequence that only paints paths (and is not part of a Figure) becomes an artifact and
 * leaves the structure tree. A content stream that cannot be read is left as it is.
 */
function markDecoration(tree: StructTree, pages: readonly { ref: PDFRef; node: PDFDict }[]): void {
  const removed: { page: PDFRef; mcid: number; owner: PDFObject }[] = [];
  for (const page of pages) {
    for (const { ref, stream } of contentStreams(tree.context, page.node)) {
      const source = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      let ops: ReturnType<typeof readContent>;
      try {
        ops = readContent(source);
      } catch (error) {
        if (error instanceof UnreadableContent) continue;
        throw error;
      }
      const { sequences, untagged } = analyseContent(ops);
      const artifacts = sequences.filter((s) => {
        if (!s.paints || s.content || s.nested || s.mcid === undefined) return false;
        const owner = tree.parentOfMcid(page.ref, s.mcid);
        if (!(owner instanceof PDFRef) || inFigure(tree, owner)) return false;
        removed.push({ page: page.ref, mcid: s.mcid, owner });
        return true;
      });
      if (untagged.length === 0 && artifacts.length === 0) continue;
      const marked = markArtifacts(
        source,
        ops,
        untagged,
        artifacts.map((s) => s.index),
      );
      tree.context.assign(ref, tree.context.flateStream(Buffer.from(marked, 'latin1')));
    }
  }
  const byRef = new Map(tree.elements().map((e) => [e.ref.toString(), e]));
  const emptied: Elem[] = [];
  for (const { page, mcid, owner } of removed) {
    const elem = byRef.get(owner.toString());
    if (!elem) continue;
    const ownPage = tree.pageOf(elem);
    const kids = tree.kids(elem.dict).filter((k) => {
      if (k instanceof PDFNumber) return !(k.asNumber() === mcid && (ownPage ?? page) === page);
      const item = tree.context.lookup(k);
      if (!(item instanceof PDFDict) || item.get(name('Type')) !== name('MCR')) return true;
      const number = item.get(name('MCID'));
      return !(number instanceof PDFNumber && number.asNumber() === mcid && (item.get(name('Pg')) ?? ownPage) === page);
    });
    tree.setKids(elem.dict, kids);
    tree.clearMcid(page, mcid);
    if (kids.length === 0) emptied.push(elem);
  }
  pruneEmpty(tree, emptied);
}

/** Elements whose structure a reader relies on even when empty (a table cell, a list item). */
const KEEP_EMPTY = new Set([
  'Table',
  'THead',
  'TBody',
  'TFoot',
  'TR',
  'TH',
  'TD',
  'L',
  'LI',
  'Figure',
  'Formula',
  'Link',
]);

/**
 * Elements left with no kids (their only content became an artifact) leave the tree, and so
 * do their ancestors that are left empty in turn, except the kinds in KEEP_EMPTY and
 * elements with an ID (a table header cell's).
 */
function pruneEmpty(tree: StructTree, emptied: readonly Elem[]): void {
  for (const start of emptied) {
    for (let e: Elem | undefined = start; e; e = e.parent) {
      if (tree.kids(e.dict).length > 0 || e.dict.has(name('ID')) || KEEP_EMPTY.has(tree.type(e.dict))) break;
      const parent = e.parent?.dict ?? tree.root;
      const ref = e.ref;
      tree.setKids(
        parent,
        tree.kids(parent).filter((k) => k !== ref),
      );
    }
  }
}

/** Bookmark titles that differ from their heading only in spaces take the heading's text. */
function repairOutline(doc: PDFDocument, headings: readonly string[]): void {
  const { context } = doc;
  const squash = (value: string) => value.replace(/[\s\u00AD\u200B-\u200D\u2060]+/g, '');
  const wanted = headings.map(clean);
  let next = 0;
  const visit = (ref: PDFObject | undefined, depth: number) => {
    for (
      let item = context.lookup(ref);
      item instanceof PDFDict && depth < 64;
      item = context.lookup(item.get(name('Next')))
    ) {
      const title = stringOf(item.get(name('Title')));
      if (title !== undefined) {
        const at = wanted.findIndex((h, i) => i >= next && squash(h) === squash(title));
        if (at >= 0) {
          next = at + 1;
          if (wanted[at] !== title) item.set(name('Title'), text(wanted[at] as string));
        }
      }
      visit(item.get(name('First')), depth + 1);
    }
  };
  const outlines = context.lookup(doc.catalog.get(name('Outlines')));
  if (outlines instanceof PDFDict) visit(outlines.get(name('First')), 0);
}

/**
 * The slides PDF Chromium printed, made as accessible as a post-pass can: XMP metadata with the
 * PDF/UA identification, /Contents on every link, list bodies, figure descriptions, artifacts
 * for decoration, role mapping and bookmark titles (the header comment lists each). Same input,
 * same bytes.
 */
export async function accessibleSlidesPdf(bytes: Uint8Array, options: SlidesPdfAccessibility): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  describeDocument(doc, options);
  const pages = doc.getPages().map((p) => ({ ref: p.ref, node: p.node }));
  const root = doc.context.lookup(doc.catalog.get(name('StructTreeRoot')));
  if (root instanceof PDFDict) {
    doc.catalog.set(name('MarkInfo'), doc.context.obj({ Marked: true }));
    // Annotations in the order of the structure tree, for keyboard navigation.
    for (const page of pages) page.node.set(name('Tabs'), name('S'));
    const tree = new StructTree(doc.context, root, pages);
    markDecoration(tree, pages);
    addListBodies(tree, tree.elements());
    const elements = tree.elements();
    describeFigures(tree, elements, options.chartAlt);
    describeLinks(
      tree,
      elements,
      pages.map((p) => p.node),
      options.links ?? [],
    );
    mapRoles(tree, elements);
  } else {
    describeLinks(
      new StructTree(doc.context, doc.context.obj({}), []),
      [],
      pages.map((p) => p.node),
      options.links ?? [],
    );
  }
  if (options.headings) repairOutline(doc, options.headings);
  return await doc.save({ useObjectStreams: true, updateFieldAppearances: false });
}
