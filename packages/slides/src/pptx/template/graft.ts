import { escapeXml } from '@briefing/content';
import type { Room } from '../../layout/faces.js';
import { replaceExpected } from '../pass.js';
import { LAYOUTS, type LayoutName } from '../placeholders.js';
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
/** The content types of a VBA project and its signatures. */
const MACROS = /ContentType="application\/vnd\.ms-office\.vbaProject/u;
/** Parts of ours that come in. */
const TAKEN = /^ppt\/(slides|notesSlides|charts|embeddings|notesMasters)\//u;

/** The layout a slide of ours uses, by the name our layout part carries. */
function layoutNames(ours: Map<string, string>): Map<string, LayoutName> {
  const out = new Map<string, LayoutName>();
  for (const [name, xml] of ours) {
    const layout = /^ppt\/slideLayouts\/(slideLayout\d+\.xml)$/u.exec(name);
    const title = /<p:cSld name="([^"]*)"/u.exec(xml)?.[1];
    if (layout?.[1] && title && title in LAYOUTS) out.set(layout[1], title as LayoutName);
  }
  return out;
}

/** A relationship target from a part one folder below ppt/ (a slide, a notes master) to a part of ppt/. */
const fromPpt = (part: string) => (part.startsWith('ppt/') ? `../${part.slice(4)}` : `/${part}`);

const phTag = (type: string, idx: number | undefined) =>
  `<p:ph${type === 'obj' ? '' : ` type="${type}"`}${idx !== undefined ? ` idx="${idx}"` : ''}/>`;

/** A slide's placeholders pointed at its template layout's (see the file's comment). */
function placeholdersOn(xml: string, layout: TemplateLayout, lang: string): string {
  const has = (type: string) => layout.placeholders.find((p) => p.type === type);
  const body =
    layout.placeholders.find((p) => p.type === 'subTitle') ??
    layout.placeholders.find((p) => p.type === 'body' || p.type === 'obj');
  let orphan = 900;
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/gu, (shape) => {
    const ph = /<p:ph\b[^>]*\/>/u.exec(shape)?.[0];
    if (!ph) return shape;
    const type = /type="([^"]*)"/u.exec(ph)?.[1] ?? 'obj';
    const idx = Number(/idx="(\d+)"/u.exec(ph)?.[1] ?? -1);
    if (type === 'title' || type === 'ctrTitle') {
      const want = has(type) ? type : has('title') ? 'title' : 'ctrTitle';
      // The title in the template's colour (its type and size stay the plan's).
      return shape
        .replace(ph, phTag(want, undefined))
        .replace(/(<a:rPr\b[^>]*>)<a:solidFill>[\s\S]*?<\/a:solidFill>/gu, '$1');
    }
    if (type === 'ftr' || type === 'sldNum') {
      const theirs = has(type);
      if (!theirs) return '';
      const name = /<p:cNvPr [^>]*>/u.exec(shape)?.[0] ?? '';
      const content =
        type === 'ftr'
          ? `<a:r><a:rPr lang="${escapeXml(lang)}"/><a:t>${/<a:t>([^<]*)<\/a:t>/u.exec(shape)?.[1] ?? ''}</a:t></a:r>`
          : (/<a:fld\b[\s\S]*?<\/a:fld>/u.exec(shape)?.[0] ?? '');
      // The template's footer and slide number where its layout puts them, in its type.
      return `<p:sp><p:nvSpPr>${name.endsWith('/>') ? name : `${name}</p:cNvPr>`}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phTag(type, theirs.idx)}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>${content}</a:p></p:txBody></p:sp>`;
    }
    if (idx === 1 && body) return shape.replace(ph, phTag(body.type, body.idx));
    // The kicker and a slide's further body texts: placeholders of their own (outline view
    // shows them), numbered clear of the template's.
    return shape.replace(ph, `<p:ph type="body" sz="quarter" idx="${orphan++}"/>`);
  });
}

function contentTypes(template: string, ours: string, added: readonly string[], dropped: readonly string[]): string {
  const defaults = new Map<string, string>();
  for (const xml of [template, ours])
    for (const [tag, ext] of xml.matchAll(/<Default\b[^>]*Extension="([^"]*)"[^>]*\/>/gu))
      if (!defaults.has((ext ?? '').toLowerCase()) && !MACROS.test(tag)) defaults.set((ext ?? '').toLowerCase(), tag);
  const overrides = (xml: string) =>
    [...xml.matchAll(/<Override\b[^>]*PartName="\/([^"]*)"[^>]*\/>/gu)].map(([tag, part]) => ({
      tag,
      part: part ?? '',
    }));
  const kept = overrides(template).filter((o) => !dropped.includes(o.part));
  const theirs = overrides(ours).filter((o) => added.includes(o.part));
  const main = kept.map((o) =>
    o.part === 'ppt/presentation.xml'
      ? { ...o, tag: o.tag.replace(/ContentType="[^"]*"/u, `ContentType="${PRESENTATION}"`) }
      : o,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    ...defaults.values(),
    ...[...main, ...theirs].map((o) => o.tag),
    '</Types>',
  ].join('');
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The template's presentation part listing our slides and notes master instead of its own.
 * The lists go where the schema orders them (CT_Presentation: slide masters, notes master,
 * handout master, slides, slide size…): a template from PowerPoint often has a handout master,
 * and slides listed before it make a file PowerPoint offers to repair. A list written in a
 * form these patterns do not read would be left beside ours: refused, naming it.
 */
function presentation(xml: string, slides: number, hasNotes: boolean): string {
  const ids = Array.from({ length: slides }, (_, i) => `<p:sldId id="${256 + i}" r:id="rIdBriefingSlide${i + 1}"/>`);
  const notes = hasNotes ? '<p:notesMasterIdLst><p:notesMasterId r:id="rIdBriefingNotes"/></p:notesMasterIdLst>' : '';
  const out = xml
    .replace(/<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>|<p:notesMasterIdLst\/>/u, '')
    .replace(/<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>|<p:sldIdLst\/>/u, '')
    .replace(/<p:custShowLst>[\s\S]*?<\/p:custShowLst>/u, '')
    // Sections name the template's slides, which are gone.
    .replace(/<p:ext uri="\{521415D9-36F7-43E2-AB2F-B90AF26B5E84\}">[\s\S]*?<\/p:ext>/u, '');
  const upper = out.toUpperCase();
  for (const [left, what] of [
    ['<P:NOTESMASTERIDLST', 'notes master list'],
    ['<P:SLDIDLST', 'slide list'],
    ['<P:CUSTSHOWLST', 'custom shows'],
    ['521415D9-36F7-43E2-AB2F-B90AF26B5E84', 'sections'],
  ] as const)
    if (upper.includes(left))
      throw new PptxTemplateError(`ppt/presentation.xml writes its ${what} in a form the deck cannot replace`);
  const masters = '</p:sldMasterIdLst>';
  if (!out.includes(masters)) throw new PptxTemplateError('no slide master list in ppt/presentation.xml');
  const handouts = /<p:handoutMasterIdLst>[\s\S]*?<\/p:handoutMasterIdLst>|<p:handoutMasterIdLst\/>/u.exec(out);
  if (!handouts && out.includes('<p:handoutMasterIdLst'))
    throw new PptxTemplateError('ppt/presentation.xml writes its handout master list in a form the deck cannot read');
  const list = `<p:sldIdLst>${ids.join('')}</p:sldIdLst>`;
  if (!handouts) return out.replace(masters, `${masters}${notes}${list}`);
  if (out.indexOf(masters) > handouts.index)
    throw new PptxTemplateError('ppt/presentation.xml lists its handout master before its slide masters');
  const after = handouts.index + handouts[0].length;
  return `${out.slice(0, after).replace(masters, `${masters}${notes}`)}${list}${out.slice(after)}`;
}

function presentationRels(xml: string, slides: number, hasNotes: boolean): string {
  const kept = [...xml.matchAll(/<Relationship\b[^>]*\/>/gu)]
    .map(([tag]) => tag)
    .filter((tag) => !/\/(slide|notesMaster|vbaProject)"/u.test(tag));
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
    if (/^ppt\/slides\/slide\d+\.xml$/u.test(entry.name)) {
      const target = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/u.exec(
        text.get(relsOf(entry.name)) ?? '',
      )?.[1];
      const name = names.get(target ?? '') ?? 'Title and Content';
      // The title slide was laid out on the template's slide (its height), not in the body
      // area: its top is the slide's, so it is centred in the template's height.
      const moved = name === 'Title Slide' ? { ...fit, dy: 0 } : fit;
      out = placeholdersOn(themed(entry.name, fitXml(entry.name, xml, moved, true), faces), template.roles[name], lang);
    } else if (/^ppt\/charts\/chart\d+\.xml$/u.test(entry.name)) {
      out = themed(entry.name, fitXml(entry.name, xml, fit, false), faces);
    } else if (/^ppt\/slides\/_rels\//u.test(entry.name)) {
      out = replaceExpected(
        entry.name,
        xml,
        /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/u,
        (_m, part) => `Target="${fromPpt(template.roles[names.get(part ?? '') ?? 'Title and Content'].part)}"`,
        { what: 'a layout the slide uses', count: 1 },
      );
    } else if (entry.name === 'ppt/notesMasters/_rels/notesMaster1.xml.rels') {
      out = replaceExpected(
        entry.name,
        xml,
        /Target="\.\.\/theme\/theme\d+\.xml"/u,
        () => `Target="${fromPpt(template.theme)}"`,
        { what: 'a theme the notes master uses', count: 1 },
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
