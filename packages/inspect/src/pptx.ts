// Reads a PPTX back from its XML (fflate for the package, saxes, a strict XML parser, for each
// part): the slides in presentation order with their layout, title placeholder, kicker, text,
// links, tables, charts (their labels as PowerPoint shows them) and speaker notes, the
// document properties, and every XML part that does not parse.
import { normalizeForMatch } from '@briefing/content';
import { strFromU8, unzipSync } from 'fflate';
import { format } from 'numfmt';
import type { DeckFacts, SlideFacts } from './deck.js';
import { all, elements, first, ownText, paragraphs, parseXml, type XmlNode } from './xml.js';

/** A shape, picture or graphic frame of a slide: its name, box in EMU and text. */
export interface PptxShape {
  name: string;
  /** The placeholder type (`title`, `body`...) when the shape is one. */
  placeholder?: string;
  /** Position and size in EMU (914400 to the inch); undefined when the layout gives them. */
  box?: { x: number; y: number; w: number; h: number };
  paragraphs: string[];
  /** Alt text (the `descr` of its non-visual properties). */
  descr?: string;
}

export interface PptxChart {
  /** The chart frame's name: "Chart: " and the chart's title (the writer's), the panel's after it. */
  name: string;
  title: string;
  altText: string;
  series: { name: string; categories: string[]; values: number[]; labels: string[] }[];
}

export interface PptxSlideFacts extends SlideFacts {
  /** The slide layout's name ("Title and Content"). */
  layout: string;
  shapes: PptxShape[];
  links: { text: string; href: string }[];
  tables: string[][][];
  charts: PptxChart[];
  /** Speaker notes, one string per paragraph. */
  noteParagraphs: string[];
}

export interface PptxFacts extends DeckFacts {
  slides: PptxSlideFacts[];
  /** The slide size in EMU. */
  size: { width: number; height: number };
  /** Slides that have a notes page. */
  notesCount: number;
  core: Record<string, string>;
  /** Every XML part (and .rels) that does not parse, with the parser's complaint. */
  illFormed: { part: string; error: string }[];
  /** Names of every part of the package. */
  parts: string[];
}

/** The part a relationship target names, resolved against the part that holds the relationship. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`;
};

/** Read a PPTX (its bytes) back: see PptxFacts. */
export async function readPptx(bytes: Uint8Array): Promise<PptxFacts> {
  const files = unzipSync(bytes);
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const text = (entries: Record<string, Uint8Array>, name: string) => strFromU8(entries[name] as Uint8Array);
  const parsed = new Map<string, XmlNode>();
  const illFormed: { part: string; error: string }[] = [];
  for (const name of names.filter((n) => /\.(xml|rels)$/u.test(n))) {
    try {
      parsed.set(name, parseXml(text(files, name)));
    } catch (e) {
      illFormed.push({ part: name, error: (e as Error).message });
    }
  }
  // A chart's data sheet is a workbook package inside the package: its XML parts must parse too.
  for (const name of names.filter((n) => /\.xlsx$/u.test(n))) {
    const inner = unzipSync(files[name] as Uint8Array);
    for (const innerName of Object.keys(inner).filter((n) => /\.(xml|rels)$/u.test(n))) {
      try {
        parseXml(text(inner, innerName));
      } catch (e) {
        illFormed.push({ part: `${name}/${innerName}`, error: (e as Error).message });
      }
    }
  }
  const part = (name: string) => parsed.get(name);
  const rels = (name: string) =>
    new Map(
      all(part(relsOf(name)) ?? { name: '', attrs: {}, children: [] }, 'Relationship').map((r) => [
        r.attrs.Id ?? '',
        {
          type: (r.attrs.Type ?? '').split('/').at(-1) ?? '',
          target: r.attrs.Target ?? '',
          external: r.attrs.TargetMode === 'External',
        },
      ]),
    );
  const presentation = part('ppt/presentation.xml');
  if (!presentation) throw new Error('not a presentation: ppt/presentation.xml is missing or not well-formed');
  const presRels = rels('ppt/presentation.xml');
  const size = first(presentation, 'p:sldSz')?.attrs ?? {};
  const slideParts = all(presentation, 'p:sldId').map((s) =>
    resolvePart('ppt/presentation.xml', presRels.get(s.attrs['r:id'] ?? '')?.target ?? ''),
  );
  let notesCount = 0;
  const slides = slideParts.map((name, index): PptxSlideFacts => {
    const xml = part(name) ?? { name: '', attrs: {}, children: [] };
    const slideRels = rels(name);
    const target = (type: string) => {
      const rel = [...slideRels.values()].find((r) => r.type === type);
      return rel ? resolvePart(name, rel.target) : undefined;
    };
    const layoutPart = target('slideLayout');
    const layout = (layoutPart && first(part(layoutPart) ?? xml, 'p:cSld')?.attrs.name) || '';
    const shapes = [...all(xml, 'p:sp'), ...all(xml, 'p:graphicFrame')].map((sp): PptxShape => {
      const nv = first(sp, 'p:cNvPr');
      const ph = first(sp, 'p:ph');
      const off = first(sp, 'a:off') ?? first(sp, 'p:xfrm');
      const ext = first(sp, 'a:ext');
      return {
        name: nv?.attrs.name ?? '',
        // A placeholder that names no type is a content placeholder (the schema's default, obj).
        ...(ph ? { placeholder: ph.attrs.type ?? 'obj' } : {}),
        ...(off && ext
          ? {
              box: {
                x: Number(off.attrs.x),
                y: Number(off.attrs.y),
                w: Number(ext.attrs.cx),
                h: Number(ext.attrs.cy),
              },
            }
          : {}),
        paragraphs: sp.name === 'p:sp' ? paragraphs(sp) : [],
        ...(nv?.attrs.descr !== undefined ? { descr: nv.attrs.descr } : {}),
      };
    });
    // A link is one run a word (the writer's text.ts, for LibreOffice's sake): a paragraph's
    // consecutive runs to one address are read as one link.
    const links = all(xml, 'a:p').flatMap((p) => {
      const found: { text: string; href: string }[] = [];
      let joined = false;
      for (const r of elements(p)) {
        const click = r.name === 'a:r' ? first(r, 'a:hlinkClick') : undefined;
        const rel = click ? slideRels.get(click.attrs['r:id'] ?? '') : undefined;
        const t = r.name === 'a:r' ? first(r, 'a:t') : undefined;
        const last = found.at(-1);
        if (rel && t && joined && last?.href === rel.target) last.text += ownText(t);
        else if (rel && t) found.push({ text: ownText(t), href: rel.target });
        joined = rel !== undefined && t !== undefined;
      }
      return found;
    });
    const tables = all(xml, 'a:tbl').map((tbl) =>
      all(tbl, 'a:tr').map((tr) => all(tr, 'a:tc').map((tc) => paragraphs(tc).join(' '))),
    );
    // Each chart's frame: the chart part it shows and its alt text.
    const charts = all(xml, 'p:graphicFrame').flatMap((frame) => {
      const ref = first(frame, 'c:chart');
      if (!ref) return [];
      const chartPart = resolvePart(name, slideRels.get(ref.attrs['r:id'] ?? '')?.target ?? '');
      const nv = first(frame, 'p:cNvPr');
      return [readChart(part(chartPart), nv?.attrs.descr ?? '', nv?.attrs.name ?? '')];
    });
    const notesPart = target('notesSlide');
    const notesXml = notesPart ? part(notesPart) : undefined;
    if (notesXml) notesCount++;
    const body = notesXml ? all(notesXml, 'p:sp').find((sp) => first(sp, 'p:ph')?.attrs.type === 'body') : undefined;
    const noteParagraphs = body ? paragraphs(body).filter((p) => p.trim() !== '') : [];
    const fold = (text: string) => text.replace(/\s+/gu, ' ').trim();
    const title = shapes.find((s) => s.placeholder === 'title' || s.placeholder === 'ctrTitle');
    const kicker = shapes.find((s) => s.name === 'Kicker');
    // Each chart's text: its frame's name (the chart's title, which a slide headed by the
    // section's point does not show), its panel title, then each bar's category and label.
    const chartText = charts.flatMap((c) => [
      c.name,
      c.title,
      ...c.series.flatMap((s) => s.categories.map((cat, i) => `${cat} ${s.labels[i] ?? ''}`)),
    ]);
    const text = fold(
      [...shapes.flatMap((s) => s.paragraphs), ...tables.flatMap((t) => t.flat()), ...chartText].join(' '),
    );
    return {
      number: index + 1,
      layout,
      // The slide's kind, from its name (the writer names each slide "Briefing <kind>").
      classes: [(first(xml, 'p:cSld')?.attrs.name ?? '').replace(/^Briefing /u, '')],
      text,
      normalized: normalizeForMatch(text),
      heading: fold(title?.paragraphs.join(' ') ?? ''),
      kicker: fold(kicker?.paragraphs.join(' ') ?? ''),
      notes: fold(noteParagraphs.join(' ')),
      noteParagraphs,
      shapes,
      links,
      tables,
      charts,
    };
  });
  const core: Record<string, string> = {};
  for (const node of elements(part('docProps/core.xml') ?? { name: '', attrs: {}, children: [] })) {
    for (const prop of elements(node)) core[prop.name.replace(/^\w+:/u, '')] = ownText(prop);
  }
  return {
    lang: core.language ?? null,
    slides,
    scripts: 0,
    size: { width: Number(size.cx), height: Number(size.cy) },
    notesCount,
    core,
    illFormed,
    parts: names,
  };
}

function readChart(xml: XmlNode | undefined, altText: string, name: string): PptxChart {
  if (!xml) return { name, title: '', altText, series: [] };
  const titleNode = first(xml, 'c:title');
  return {
    name,
    title: titleNode ? paragraphs(titleNode).join(' ') : '',
    altText,
    series: all(xml, 'c:ser').map((ser) => {
      const points = (node: XmlNode | undefined) =>
        node ? all(node, 'c:pt').map((pt) => ({ idx: Number(pt.attrs.idx), v: ownText(first(pt, 'c:v') ?? pt) })) : [];
      const categories = points(first(ser, 'c:cat')).map((p) => p.v);
      const values = points(first(ser, 'c:val')).map((p) => Number(p.v));
      const dLbls = first(ser, 'c:dLbls');
      const shared = dLbls ? elements(dLbls).find((n) => n.name === 'c:numFmt')?.attrs.formatCode : undefined;
      const perPoint = new Map(
        (dLbls ? all(dLbls, 'c:dLbl') : []).map((d) => [
          Number(first(d, 'c:idx')?.attrs.val),
          first(d, 'c:numFmt')?.attrs.formatCode,
        ]),
      );
      const labels = values.map((v, i) => formatNumberCode(perPoint.get(i) ?? shared ?? 'General', v));
      const tx = first(ser, 'c:tx');
      return { name: tx ? ownText(first(tx, 'c:v') ?? tx) : '', categories, values, labels };
    }),
  };
}

/**
 * A value shown through a spreadsheet number format as a spreadsheet shows it, by numfmt (an
 * implementation of the ECMA-376 format language kept apart from the writer's own): so the
 * tests check the formats the PPTX writer makes against an independent reading of them.
 */
export function formatNumberCode(code: string, value: number): string {
  return format(code, value, { locale: 'en-US' });
}
