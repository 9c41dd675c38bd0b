import { MalformedXml, XmlPart } from '../xml/read.js';
import type { XmlElement } from '../xml/tree.js';
import { readZip, type ZipEntry } from '../zip.js';

// An organisation's template (.pptx or .potx) read for what the deck takes from it: the slide
// size, the layouts that match ours by type (with their placeholders and where they sit), and
// the theme's faces. Each part it reads is parsed strictly (xml/read.ts), as the package pass
// parses pptxgenjs's: PowerPoint and LibreOffice both write the p: and a: prefixes used here.
// A part that is not well-formed, or anything the deck needs and the template lacks, is a
// PptxTemplateError naming it.

/** A template the deck cannot be built on: not a zip, not a presentation, or no usable layout. */
export class PptxTemplateError extends Error {
  constructor(message: string) {
    super(`the PowerPoint template: ${message}`);
    this.name = 'PptxTemplateError';
  }
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A placeholder of a layout: its type (`obj` when the XML names none), index and box (EMU). */
export interface TemplatePlaceholder {
  type: string;
  /**
   * As the XML writes it; none means 0 (the schema's default), which is how LibreOffice Impress
   * writes a layout's content placeholder (`<p:ph/>`), and a slide's `<p:ph/>` then matches it.
   */
  idx?: number;
  box?: Box;
}

export interface TemplateLayout {
  part: string;
  /** The slide master it belongs to (a template may have several). */
  master: string;
  name: string;
  type: string;
  placeholders: TemplatePlaceholder[];
}

export interface Template {
  entries: ZipEntry[];
  /** The slide size in EMU. */
  size: { cx: number; cy: number };
  /** The layouts our four roles take, by our layout name. */
  roles: Record<'Title Slide' | 'Title and Content' | 'Title Only' | 'Section Header', TemplateLayout>;
  /** The body area of the content layout (EMU): from its title's top to its body's foot, its body's width. */
  frame: Box;
  /** The theme's heading and body faces (major, minor Latin). */
  faces: { heading: string; body: string };
  /** The theme part of the content layout's slide master, shared by the notes master the deck brings. */
  theme: string;
  /** Whether it holds macros (a .potm or .pptm): the deck, a .pptx, leaves them out. */
  macros: boolean;
}

/** Whether a part is a macro-enabled file's VBA project, one of its signatures, or their relationships. */
export const isMacroPart = (name: string) => /^ppt\/(_rels\/)?vbaProject/u.test(name);

const text = (e: ZipEntry) => new TextDecoder().decode(e.data);
const num = (el: XmlElement | undefined, name: string) => {
  const v = el?.attr(name);
  return v === undefined ? undefined : Number(v);
};

/** A template's part parsed: its root (a childless stand-in when the part is not there). */
function parsed(files: Map<string, string>, part: string): XmlElement {
  const xml = files.get(part);
  if (xml === undefined) return new XmlPart('<missing/>', { part }).root;
  try {
    return new XmlPart(xml, { part }).root;
  } catch (e) {
    if (e instanceof MalformedXml) throw new PptxTemplateError(`${part} is not well-formed XML (${e.reason})`);
    throw e;
  }
}

/** The part a relationship target names, from the part that holds it. */
export function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.') parts.push(s);
  }
  return parts.join('/');
}

export const relsOf = (part: string) => {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`;
};

/** A part's relationships: id, type (its last path segment) and the part it targets. */
function relationships(files: Map<string, string>, part: string) {
  return parsed(files, relsOf(part))
    .elements('Relationship')
    .map((rel) => ({
      id: rel.attr('Id') ?? '',
      type: (rel.attr('Type') ?? '').split('/').at(-1) ?? '',
      target: rel.attr('TargetMode') === 'External' ? '' : resolve(part, rel.attr('Target') ?? ''),
    }));
}

/** A master's or layout's placeholders, each with its box where its shape has one. */
function placeholders(root: XmlElement): TemplatePlaceholder[] {
  return root.all('p:sp').flatMap((sp) => {
    const ph = sp.first('p:ph');
    if (!ph) return [];
    const xfrm = sp.elements('p:spPr')[0]?.elements('a:xfrm')[0];
    const [off, ext] = [xfrm?.elements('a:off')[0], xfrm?.elements('a:ext')[0]];
    const box = { x: num(off, 'x'), y: num(off, 'y'), w: num(ext, 'cx'), h: num(ext, 'cy') };
    const idx = num(ph, 'idx');
    return [
      {
        type: ph.attr('type') ?? 'obj',
        ...(idx !== undefined ? { idx } : {}),
        ...(Object.values(box).every((v) => v !== undefined && Number.isFinite(v)) ? { box: box as Box } : {}),
      },
    ];
  });
}

const TITLE = new Set(['title', 'ctrTitle']);
const BODY = new Set(['body', 'obj']);

/** Read and check a template; throws PptxTemplateError naming what is wrong or missing. */
export function readTemplate(bytes: Uint8Array): Template {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch {
    throw new PptxTemplateError('not a zip file (a .pptx or .potx file is a zip package)');
  }
  const files = new Map(entries.filter((e) => /\.(xml|rels)$/u.test(e.name)).map((e) => [e.name, text(e)]));
  if (!files.has('ppt/presentation.xml') || !files.has('[Content_Types].xml'))
    throw new PptxTemplateError('not a presentation (no ppt/presentation.xml in the package)');
  const presentation = parsed(files, 'ppt/presentation.xml');
  const sldSz = presentation.elements('p:sldSz')[0];
  const size = { cx: num(sldSz, 'cx') ?? 0, cy: num(sldSz, 'cy') ?? 0 };
  if (!(size.cx > 0 && size.cy > 0)) throw new PptxTemplateError('no slide size (<p:sldSz>) in ppt/presentation.xml');
  // Every slide master, in the presentation's order: a template may keep its title layouts
  // under one master and its content layouts under another.
  const rels = relationships(files, 'ppt/presentation.xml');
  const listed = presentation
    .elements('p:sldMasterIdLst')
    .flatMap((list) => list.elements('p:sldMasterId'))
    .map((id) => rels.find((r) => r.id === id.attr('r:id') && r.type === 'slideMaster')?.target)
    .filter((m): m is string => m !== undefined);
  const masters = [
    ...new Set([...listed, ...rels.filter((r) => r.type === 'slideMaster').map((r) => r.target)]),
  ].filter((m) => files.has(m));
  if (masters.length === 0) throw new PptxTemplateError('no slide master');
  const layouts = masters.flatMap((master) => {
    const masterPh = placeholders(parsed(files, master));
    return relationships(files, master)
      .filter((r) => r.type === 'slideLayout' && files.has(r.target))
      .map((r): TemplateLayout => {
        const layout = parsed(files, r.target);
        const own = placeholders(layout).map((p) => {
          if (p.box) return p;
          // A layout's placeholder without a box sits where the master's of its kind does.
          const kind = TITLE.has(p.type) ? 'title' : BODY.has(p.type) || p.type === 'subTitle' ? 'body' : p.type;
          const from = masterPh.find((m) => m.type === kind)?.box;
          return from ? { ...p, box: from } : p;
        });
        return {
          part: r.target,
          master,
          name: layout.elements('p:cSld')[0]?.attr('name') ?? '',
          type: layout.attr('type') ?? 'cust',
          placeholders: own,
        };
      });
  });
  const title = (l: TemplateLayout) => l.placeholders.find((p) => TITLE.has(p.type) && p.box);
  const body = (l: TemplateLayout) => l.placeholders.find((p) => BODY.has(p.type) && p.box);
  // The deck fills the area from the title's top to the body's foot: a body that ends above
  // the title's foot (Impress, saving a deck whose master has a text box above the title, can
  // write one there) or has no width would leave it no room, and the slides would come out blank.
  const below = (l: TemplateLayout) => {
    const [t, b] = [title(l)?.box, body(l)?.box];
    return t !== undefined && b !== undefined && b.w > 0 && b.h > 0 && b.y + b.h > t.y + t.h;
  };
  const usable = layouts.filter((l) => title(l) && body(l) && below(l));
  // PowerPoint's own type first, then its name, then the layout with the largest body.
  const area = (l: TemplateLayout) => (body(l)?.box?.w ?? 0) * (body(l)?.box?.h ?? 0);
  const content =
    usable.find((l) => l.type === 'obj') ??
    usable.find((l) => l.type === 'tx') ??
    usable.find((l) => l.name === 'Title and Content') ??
    [...usable].sort((a, b) => area(b) - area(a))[0];
  if (!content) {
    const found = layouts.map(
      (l) =>
        `"${l.name}" (${l.placeholders.map((p) => p.type).join(', ') || 'no placeholders'}${title(l) && body(l) ? ', the body not below the title' : ''})`,
    );
    throw new PptxTemplateError(
      `no usable layout: the deck needs a layout with a title and a body placeholder below it (PowerPoint's "Title and Content"); the template has ${found.join('; ') || 'no layouts'}`,
    );
  }
  // The other roles from the content layout's master where it has them, so the deck keeps one look.
  const byMaster = [...layouts].sort(
    (a, b) => Number(b.master === content.master) - Number(a.master === content.master),
  );
  const typed = (type: string, name: string, fallback: TemplateLayout) =>
    byMaster.find((l) => l.type === type && title(l)) ?? byMaster.find((l) => l.name === name && title(l)) ?? fallback;
  const titleBox = title(content)?.box as Box;
  const bodyBox = body(content)?.box as Box;
  const frame = { x: bodyBox.x, y: titleBox.y, w: bodyBox.w, h: bodyBox.y + bodyBox.h - titleBox.y };
  const theme = relationships(files, content.master).find((r) => r.type === 'theme')?.target ?? '';
  const themeRoot = parsed(files, theme);
  const face = (kind: 'major' | 'minor') =>
    themeRoot.first(`a:${kind}Font`)?.elements('a:latin')[0]?.attr('typeface') ?? '';
  return {
    entries,
    size,
    roles: {
      'Title Slide': typed('title', 'Title Slide', content),
      'Title and Content': content,
      'Title Only': typed('titleOnly', 'Title Only', content),
      'Section Header': typed('secHead', 'Section Header', content),
    },
    frame,
    faces: { heading: face('major'), body: face('minor') },
    theme,
    macros: entries.some((e) => isMacroPart(e.name)),
  };
}
