import { escapeXml } from '@briefing/content';
import type { Room } from '../../layout/faces.js';
import { PptxPassError } from '../pass.js';
import { LAYOUTS, type LayoutName } from '../placeholders.js';
import { fragment, XmlPart } from '../xml/read.js';
import type { XmlElement } from '../xml/tree.js';
import type { ZipEntry } from '../zip.js';
import { type DeckFaces, fitInto, fitXml, themed } from './fit.js';
import { isMacroPart, PptxTemplateError, relsOf, type Template, type TemplateLayout } from './read.js';

// The deck grafted onto a template: the template's package keeps its masters, layouts, theme,
// media and slide size; its own slides (and their notes and charts) go; ours come in, fitted
// into its body area (fit.ts), each slide pointing at the template's layout of its type and
// each placeholder at that layout's placeholder of the same kind. The document properties and
// the package relationships are ours. Same deck and template, same parts in the same order.

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const PRESENTATION = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';

/**
 * Whether a part of the template goes: its slides with their notes and charts, its notes
 * master, its properties, and its macros (a .potm's or .pptm's VBA project and signatures, which
 * have no place in a .pptx, Office's macro-free format).
 */
const goes = (name: string) =>
  /^(ppt\/(slides|notesSlides|charts|embeddings|notesMasters)\/|docProps\/|_rels\/\.rels$)/u.test(name) ||
  isMacroPart(name);
/** Parts of ours that come in. */
const TAKEN = /^ppt\/(slides|notesSlides|charts|embeddings|notesMasters)\//u;

/** The layout a slide of ours uses, by the name our layout part carries. */
function layoutNames(ours: Map<string, string>): Map<string, LayoutName> {
  const out = new Map<string, LayoutName>();
  for (const [name, xml] of ours) {
    const layout = /^ppt\/slideLayouts\/(slideLayout\d+\.xml)$/u.exec(name)?.[1];
    if (!layout) continue;
    const title = new XmlPart(xml, { part: name }).root.first('p:cSld')?.attr('name');
    if (title && title in LAYOUTS) out.set(layout, title as LayoutName);
  }
  return out;
}

/** A relationship target from a part one folder below ppt/ (a slide, a notes master) to a part of ppt/. */
const fromPpt = (part: string) => (part.startsWith('ppt/') ? `../${part.slice(4)}` : `/${part}`);

const phTag = (type: string, idx: number | undefined) =>
  `<p:ph${type === 'obj' ? '' : ` type="${type}"`}${idx !== undefined ? ` idx="${idx}"` : ''}/>`;

/** A slide's placeholders pointed at its template layout's (see the file's comment). */
function placeholdersOn(root: XmlElement, layout: TemplateLayout, lang: string): void {
  const has = (type: string) => layout.placeholders.find((p) => p.type === type);
  const body =
    layout.placeholders.find((p) => p.type === 'subTitle') ??
    layout.placeholders.find((p) => p.type === 'body' || p.type === 'obj');
  let orphan = 900;
  for (const shape of root.all('p:sp')) {
    const ph = shape.first('p:ph');
    if (!ph) continue;
    const type = ph.attr('type') ?? 'obj';
    const idx = Number(ph.attr('idx') ?? -1);
    if (type === 'title' || type === 'ctrTitle') {
      const want = has(type) ? type : has('title') ? 'title' : 'ctrTitle';
      ph.replace(fragment(phTag(want, undefined)));
      // The title in the template's colour (its type and size stay the plan's).
      for (const run of shape.all('a:rPr')) for (const fill of run.elements('a:solidFill')) fill.remove();
      continue;
    }
    if (type === 'ftr' || type === 'sldNum') {
      const theirs = has(type);
      if (!theirs) {
        shape.remove();
        continue;
      }
      const name = shape.first('p:cNvPr')?.toString() ?? '';
      const content =
        type === 'ftr'
          ? `<a:r><a:rPr lang="${escapeXml(lang)}"/><a:t>${shape.first('a:t')?.inside() ?? ''}</a:t></a:r>`
          : (shape.first('a:fld')?.toString() ?? '');
      // The template's footer and slide number where its layout puts them, in its type.
      shape.replace(
        fragment(
          `<p:sp><p:nvSpPr>${name}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phTag(type, theirs.idx)}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>${content}</a:p></p:txBody></p:sp>`,
        ),
      );
      continue;
    }
    // The kicker and a slide's further body texts: placeholders of their own (outline view
    // shows them), numbered clear of the template's.
    ph.replace(
      fragment(idx === 1 && body ? phTag(body.type, body.idx) : `<p:ph type="body" sz="quarter" idx="${orphan++}"/>`),
    );
  }
}

function contentTypes(template: string, ours: string, added: readonly string[], dropped: readonly string[]): string {
  const read = (xml: string, part: string) => new XmlPart(xml, { part }).root.elements();
  const [templateTypes, deckTypes] = [
    read(template, "the template's [Content_Types].xml"),
    read(ours, '[Content_Types].xml'),
  ];
  const defaults = new Map<string, string>();
  for (const types of [templateTypes, deckTypes])
    for (const el of types) {
      const ext = el.name === 'Default' ? el.attr('Extension')?.toLowerCase() : undefined;
      const macros = el.attr('ContentType')?.startsWith('application/vnd.ms-office.vbaProject');
      if (ext !== undefined && !defaults.has(ext) && !macros) defaults.set(ext, el.toString());
    }
  const overrides = (types: XmlElement[]) =>
    types
      .filter((el) => el.name === 'Override' && el.attr('PartName')?.startsWith('/'))
      .map((el) => ({ el, part: (el.attr('PartName') as string).slice(1) }));
  const kept = overrides(templateTypes).filter((o) => !dropped.includes(o.part));
  const theirs = overrides(deckTypes).filter((o) => added.includes(o.part));
  for (const o of kept) if (o.part === 'ppt/presentation.xml') o.el.set('ContentType', PRESENTATION);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    ...defaults.values(),
    ...[...kept, ...theirs].map((o) => o.el.toString()),
    '</Types>',
  ].join('');
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The template's presentation part listing our slides and notes master instead of its own.
 * The lists go where the schema orders them (CT_Presentation: slide masters, notes master,
 * handout master, slides, slide size…): a template from PowerPoint often has a handout master,
 * and slides listed before it make a file PowerPoint offers to repair.
 */
function presentation(xml: string, slides: number, hasNotes: boolean): string {
  const part = 'ppt/presentation.xml';
  const doc = new XmlPart(xml, { part });
  const root = doc.root;
  const ids = Array.from({ length: slides }, (_, i) => `<p:sldId id="${256 + i}" r:id="rIdBriefingSlide${i + 1}"/>`);
  const notes = hasNotes ? '<p:notesMasterIdLst><p:notesMasterId r:id="rIdBriefingNotes"/></p:notesMasterIdLst>' : '';
  for (const name of ['p:notesMasterIdLst', 'p:sldIdLst', 'p:custShowLst'])
    for (const list of root.elements(name)) list.remove();
  // Sections name the template's slides, which are gone.
  for (const ext of root.all('p:ext')) if (ext.attr('uri') === '{521415D9-36F7-43E2-AB2F-B90AF26B5E84}') ext.remove();
  const [masters, ...more] = root.elements('p:sldMasterIdLst');
  if (!masters) throw new PptxTemplateError(`no slide master list in ${part}`);
  if (more.length > 0) throw new PptxTemplateError(`${part} has more than one slide master list`);
  const handouts = root.elements('p:handoutMasterIdLst');
  const [handout] = handouts;
  if (handout && root.children.indexOf(handout) < root.children.indexOf(masters))
    throw new PptxTemplateError(`${part} lists its handout master before its slide masters`);
  const list = `<p:sldIdLst>${ids.join('')}</p:sldIdLst>`;
  if (handout) {
    handout.after(fragment(list));
    masters.after(fragment(notes));
  } else masters.after(fragment(`${notes}${list}`));
  return doc.toString();
}

function presentationRels(xml: string, slides: number, hasNotes: boolean): string {
  const kept = new XmlPart(xml, { part: 'ppt/_rels/presentation.xml.rels' }).root
    .elements('Relationship')
    .filter((rel) => !/\/(slide|notesMaster|vbaProject)$/u.test(rel.attr('Type') ?? ''))
    .map((rel) => rel.toString());
  const ours = [
    ...Array.from(
      { length: slides },
      (_, i) => `<Relationship Id="rIdBriefingSlide${i + 1}" Type="${REL}/slide" Target="slides/slide${i + 1}.xml"/>`,
    ),
    ...(hasNotes
      ? [`<Relationship Id="rIdBriefingNotes" Type="${REL}/notesMaster" Target="notesMasters/notesMaster1.xml"/>`]
      : []),
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[...kept, ...ours].join('')}</Relationships>`;
}

/** The one relationship of a rels part whose target matches `target`, pointed at `to(match)`. */
function retarget(
  part: string,
  xml: string,
  target: RegExp,
  to: (match: RegExpExecArray) => string,
  what: string,
): string {
  const doc = new XmlPart(xml, { part });
  const found = doc.root
    .elements('Relationship')
    .map((rel) => ({ rel, match: target.exec(rel.attr('Target') ?? '') }))
    .filter((r): r is { rel: XmlElement; match: RegExpExecArray } => r.match !== null);
  const [one] = found;
  if (!one || found.length !== 1) throw new PptxPassError(part, `exactly one ${what}, found ${found.length}`);
  one.rel.set('Target', to(one.match));
  return doc.toString();
}

/** Our finished package (its entries) on the template, laid out in `room` (see fit.ts). */
export function graft(
  ours: readonly ZipEntry[],
  template: Template,
  { lang, faces, room }: { lang: string; faces: DeckFaces; room: Room },
): ZipEntry[] {
  const fit = fitInto(template.frame, room);
  const text = new Map(ours.filter((e) => /\.(xml|rels)$/u.test(e.name)).map((e) => [e.name, decoder.decode(e.data)]));
  const names = layoutNames(text);
  const slides = ours.filter((e) => /^ppt\/slides\/slide\d+\.xml$/u.test(e.name)).length;
  const hasNotes = ours.some((e) => e.name === 'ppt/notesMasters/notesMaster1.xml');
  const added: ZipEntry[] = [];
  for (const entry of ours) {
    if (!TAKEN.test(entry.name)) continue;
    const xml = text.get(entry.name);
    if (xml === undefined) {
      added.push(entry);
      continue;
    }
    let out = xml;
    const place = { part: entry.name };
    if (/^ppt\/slides\/slide\d+\.xml$/u.test(entry.name)) {
      const target = /^\.\.\/slideLayouts\/(slideLayout\d+\.xml)$/u;
      const layout = new XmlPart(text.get(relsOf(entry.name)) ?? '<Relationships/>', { part: relsOf(entry.name) }).root
        .elements('Relationship')
        .map((rel) => target.exec(rel.attr('Target') ?? '')?.[1])
        .find((part) => part !== undefined);
      const name = names.get(layout ?? '') ?? 'Title and Content';
      // The title slide was laid out on the template's slide (its height), not in the body
      // area: its top is the slide's, so it is centred in the template's height.
      const moved = name === 'Title Slide' ? { ...fit, dy: 0 } : fit;
      const doc = new XmlPart(xml, place);
      fitXml(doc.root, moved, true, place);
      themed(doc.root, faces, place);
      placeholdersOn(doc.root, template.roles[name], lang);
      out = doc.toString();
    } else if (/^ppt\/charts\/chart\d+\.xml$/u.test(entry.name)) {
      const doc = new XmlPart(xml, place);
      fitXml(doc.root, fit, false, place);
      themed(doc.root, faces, place);
      out = doc.toString();
    } else if (/^ppt\/slides\/_rels\//u.test(entry.name)) {
      out = retarget(
        entry.name,
        xml,
        /^\.\.\/slideLayouts\/(slideLayout\d+\.xml)$/u,
        (m) => fromPpt(template.roles[names.get(m[1] ?? '') ?? 'Title and Content'].part),
        'a layout the slide uses',
      );
    } else if (entry.name === 'ppt/notesMasters/_rels/notesMaster1.xml.rels') {
      out = retarget(
        entry.name,
        xml,
        /^\.\.\/theme\/theme\d+\.xml$/u,
        () => fromPpt(template.theme),
        'a theme the notes master uses',
      );
    }
    added.push({ name: entry.name, data: encoder.encode(out) });
  }
  const dropped = template.entries.filter((e) => goes(e.name)).map((e) => e.name);
  const kept = template.entries.filter(
    (e) =>
      !goes(e.name) &&
      !['[Content_Types].xml', 'ppt/presentation.xml', 'ppt/_rels/presentation.xml.rels'].includes(e.name),
  );
  const templateText = (name: string) => decoder.decode(template.entries.find((e) => e.name === name)?.data);
  const own = (name: string) => ({ name, data: encoder.encode(text.get(name) ?? '') });
  const docProps = ours.filter((e) => /^docProps\//u.test(e.name));
  return [
    {
      name: '[Content_Types].xml',
      data: encoder.encode(
        contentTypes(
          templateText('[Content_Types].xml'),
          text.get('[Content_Types].xml') ?? '',
          [...added, ...docProps].map((e) => e.name),
          dropped,
        ),
      ),
    },
    own('_rels/.rels'),
    ...docProps,
    {
      name: 'ppt/presentation.xml',
      data: encoder.encode(presentation(templateText('ppt/presentation.xml'), slides, hasNotes)),
    },
    {
      name: 'ppt/_rels/presentation.xml.rels',
      data: encoder.encode(presentationRels(templateText('ppt/_rels/presentation.xml.rels'), slides, hasNotes)),
    },
    ...kept,
    ...added,
  ];
}
