import { readZip, type ZipEntry } from '../zip.js';

// An organisation's template (.pptx or .potx) read for what the deck takes from it: the slide
// size, the layouts that match ours by type (with their placeholders and where they sit), and
// the theme's faces. Read with regular expressions over the parts, as the package pass reads
// pptxgenjs's: PowerPoint and LibreOffice both write the p: and a: prefixes used here. Anything
// the deck needs and the template lacks is a PptxTemplateError naming it.

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
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'u').exec(tag)?.[1];
const num = (tag: string, name: string) => {
  const v = attr(tag, name);
  return v === undefined ? undefined : Number(v);
};

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
export function relationships(files: Map<string, string>, part: string) {
  const xml = files.get(relsOf(part)) ?? '';
  return [...xml.matchAll(/<Relationship\b[^>]*>/gu)].map(([tag]) => ({
    id: attr(tag, 'Id') ?? '',
    type: (attr(tag, 'Type') ?? '').split('/').at(-1) ?? '',
    target: attr(tag, 'TargetMode') === 'External' ? '' : resolve(part, attr(tag, 'Target') ?? ''),
  }));
}

function placeholders(xml: string): TemplatePlaceholder[] {
  return [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/gu)].flatMap(([sp]) => {
    const ph = /<p:ph\b[^>]*>/u.exec(sp)?.[0];
    if (!ph) return [];
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/u.exec(sp);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/u.exec(sp);
    const idx = num(ph, 'idx');
    return [
      {
        type: attr(ph, 'type') ?? 'obj',
        ...(idx !== undefined ? { idx } : {}),
        ...(off && ext ? { box: { x: Number(off[1]), y: Number(off[2]), w: Number(ext[1]), h: Number(ext[2]) } } : {}),
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
  const presentation = files.get('ppt/presentation.xml');
  if (!presentation || !files.has('[Content_Types].xml'))
    throw new PptxTemplateError('not a presentation (no ppt/presentation.xml in the package)');
  const sldSz = /<p:sldSz\b[^>]*>/u.exec(presentation)?.[0] ?? '';
  const size = { cx: num(sldSz, 'cx') ?? 0, cy: num(sldSz, 'cy') ?? 0 };
  if (!(size.cx > 0 && size.cy > 0)) throw new PptxTemplateError('no slide size (<p:sldSz>) in ppt/presentation.xml');
  // Every slide master, in the presentation's order: a template may keep its title layouts
  // under one master and its content layouts under another.
  const rels = relationships(files, 'ppt/presentation.xml');
  const listed = [
    ...(/<p:sldMasterIdLst>([\s\S]*?)<\/p:sldMasterIdLst>/u.exec(presentation)?.[1] ?? '').matchAll(/r:id="([^"]*)"/gu),
  ]
    .map(([, id]) => rels.find((r) => r.id === id && r.type === 'slideMaster')?.target)
    .filter((m): m is string => m !== undefined);
  const masters = [
    ...new Set([...listed, ...rels.filter((r) => r.type === 'slideMaster').map((r) => r.target)]),
  ].filter((m) => files.has(m));
  if (masters.length === 0) throw new PptxTemplateError('no slide master');
  const layouts = masters.flatMap((master) => {
    const masterPh = placeholders(files.get(master) as string);
    return relationships(files, master)
      .filter((r) => r.type === 'slideLayout' && files.has(r.target))
      .map((r): TemplateLayout => {
        const xml = files.get(r.target) as string;
        const own = placeholders(xml).map((p) => {
          if (p.box) return p;
          // A layout's placeholder without a box sits where the master's of its kind does.
          const kind = TITLE.has(p.type) ? 'title' : BODY.has(p.type) || p.type === 'subTitle' ? 'body' : p.type;
          const from = masterPh.find((m) => m.type === kind)?.box;
          return from ? { ...p, box: from } : p;
        });
        return {
          part: r.target,
          master,
          name: /<p:cSld\b[^>]*name="([^"]*)"/u.exec(xml)?.[1] ?? '',
          type: attr(/<p:sldLayout\b[^>]*>/u.exec(xml)?.[0] ?? '', 'type') ?? 'cust',
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
  const themeXml = files.get(theme) ?? '';
  const face = (kind: 'major' | 'minor') =>
    new RegExp(`<a:${kind}Font>\\s*<a:latin typeface="([^"]*)"`, 'u').exec(themeXml)?.[1] ?? '';
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
