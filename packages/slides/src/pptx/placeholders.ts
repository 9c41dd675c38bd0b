import { escapeXml } from '@briefing/content';
import { roomHeight, roomWidth } from '../layout/measure.js';
import { bulletIndent, bulletPad, footer, gap, slide as geometry, lineHeight, size } from '../layout/metrics.js';
import { kicker as kickerMetrics } from '../plan/kicker.js';
import type { SlideKind } from '../plan/plan.js';
import { PptxPassError } from './pass.js';
import { KICKER_SHAPE, TITLE_SHAPE } from './shapes.js';
import { color, font, inch, pt } from './units.js';
import { fragment } from './xml/read.js';
import type { Found, Place, XmlElement } from './xml/tree.js';

// The slide layouts' placeholders, and the slides' text put in them. PowerPoint's outline view
// shows only the text of placeholders, "Reset slide" puts a placeholder back where its layout
// has it, in the layout's type, and "Change layout" moves text between placeholders of the
// same kind; text in free text boxes takes part in none of these. pptxgenjs 4.0.1 writes
// placeholders of a few types only (no ctrTitle, subTitle, ftr), numbers them from 100 and
// ignores a slide's own position for them, so the layouts' placeholders are written here and
// the slides' text boxes (written by pptxgenjs at the plan's positions, named by their role)
// are made placeholders by the package pass, each keeping its own position and type.

/** The four layouts, named and typed as PowerPoint names its own, and which slide takes which. */
export const LAYOUTS = {
  'Title Slide': 'title',
  'Title and Content': 'obj',
  'Title Only': 'titleOnly',
  'Section Header': 'secHead',
} as const;
export type LayoutName = keyof typeof LAYOUTS;

/** The layout of a slide: its kind, and whether it has text beside its heading (a chart alone takes Title Only). */
export function layoutOf(kind: SlideKind, hasBody: boolean): LayoutName {
  if (kind === 'title') return 'Title Slide';
  if (kind === 'divider') return 'Section Header';
  return hasBody ? 'Title and Content' : 'Title Only';
}

/** Placeholder indices, the same on every layout (and in PowerPoint's own: the body is 1, the footer's trio 10-12). */
export const IDX = { body: 1, footer: 11, number: 12, kicker: 13, more: 20 } as const;

/** The object names of the body text shapes (elements.ts, title-slides.ts): each becomes a body placeholder. */
export const BODY_SHAPES = ['List', 'Lead', 'Paragraph', 'Callout', 'Caption', 'Source', 'Byline'] as const;
/** The object name of the footer on each slide. */
export const FOOTER_SHAPE = 'Footer';

const EMU = 914400;
const emu = (px: number) => Math.round(inch(px) * EMU);
const hundredths = (px: number) => Math.round(pt(px) * 100);

interface Style {
  face: string;
  size: number;
  color: string;
  bold?: boolean;
  align?: 'l' | 'r';
  line?: number;
  after?: number;
  bullet?: boolean;
}

function lstStyle(s: Style): string {
  const bu = s.bullet
    ? `<a:buClr><a:srgbClr val="${color.highlight}"/></a:buClr><a:buSzPct val="70000"/><a:buFont typeface="${escapeXml(s.face)}"/><a:buChar char="&#x25A0;"/>`
    : '<a:buNone/>';
  const indent = s.bullet
    ? ` marL="${emu(bulletIndent + bulletPad)}" indent="-${emu(bulletIndent + bulletPad)}"`
    : ' marL="0" indent="0"';
  return (
    `<a:lstStyle><a:lvl1pPr${indent} algn="${s.align ?? 'l'}">` +
    (s.line ? `<a:lnSpc><a:spcPts val="${hundredths(s.line)}"/></a:lnSpc>` : '') +
    '<a:spcBef><a:spcPts val="0"/></a:spcBef>' +
    `<a:spcAft><a:spcPts val="${hundredths(s.after ?? 0)}"/></a:spcAft>${bu}` +
    `<a:defRPr sz="${hundredths(s.size)}"${s.bold ? ' b="1"' : ''}><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill>` +
    `<a:latin typeface="${escapeXml(s.face)}"/></a:defRPr></a:lvl1pPr></a:lstStyle>`
  );
}

function placeholder(
  id: number,
  name: string,
  ph: string,
  at: { x: number; y: number; w: number; h: number },
  style: Style,
  text = '',
): string {
  const body = text ? text : `<a:p><a:r><a:rPr lang="en-US"/><a:t>${escapeXml(name)}</a:t></a:r></a:p>`;
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${escapeXml(name)}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${emu(at.x)}" y="${emu(at.y)}"/><a:ext cx="${emu(at.w)}" cy="${emu(at.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/>${lstStyle(style)}${body}</p:txBody></p:sp>`
  );
}

/** The placeholders' XML of one layout, in our design: positions of the plan, the theme's type. */
export function layoutPlaceholders(layout: LayoutName, footerText: string): string {
  const dark = layout === 'Section Header';
  const x = geometry.padX;
  // The content box of the plan's room (our slide's unless the plan was made for a template).
  const w = roomWidth();
  const small = size.small * lineHeight.body;
  const headingLine = size.heading * lineHeight.heading;
  const top = geometry.padTop;
  const bottom = geometry.padTop + roomHeight();
  const footerTop = geometry.height - footer.bottom - small;
  const muted = dark ? color.panel : color.muted;
  const shapes: string[] = [];
  let id = 100;
  const add = (name: string, ph: string, at: { x: number; y: number; w: number; h: number }, style: Style, text = '') =>
    shapes.push(placeholder(id++, name, ph, at, style, text));
  const heading: Style = { face: font.serif, size: size.heading, color: color.accent, bold: true, line: headingLine };
  const bodyStyle: Style = {
    face: font.sans,
    size: size.body,
    color: color.ink,
    line: size.body * lineHeight.body,
    after: gap.item,
    bullet: true,
  };
  if (layout === 'Title Slide') {
    const titleLine = size.title * lineHeight.heading;
    const titleTop = (geometry.height - 2 * titleLine - size.lead * lineHeight.body) / 2;
    add(
      'Title',
      '<p:ph type="ctrTitle"/>',
      { x, y: titleTop, w, h: 2 * titleLine },
      { ...heading, size: size.title, line: titleLine },
    );
    add(
      'Subtitle',
      `<p:ph type="subTitle" idx="${IDX.body}"/>`,
      { x, y: titleTop + 2 * titleLine + 28, w, h: 2 * size.lead * lineHeight.body },
      { face: font.sans, size: size.lead, color: color.ink, line: size.lead * lineHeight.body },
    );
    return shapes.join('');
  }
  if (layout === 'Section Header') {
    const line = size.divider * lineHeight.heading;
    const titleTop = (geometry.height - 2 * line) / 2;
    add(
      'Title',
      '<p:ph type="title"/>',
      { x, y: titleTop, w, h: 2 * line },
      { ...heading, size: size.divider, color: color.paper, line },
    );
    add(
      'Text',
      `<p:ph type="body" idx="${IDX.body}"/>`,
      { x, y: titleTop + 2 * line + 24, w, h: 2 * size.lead * lineHeight.body },
      { face: font.sans, size: size.lead, color: color.panel, line: size.lead * lineHeight.body },
    );
  } else {
    add(
      KICKER_SHAPE,
      `<p:ph type="body" sz="quarter" idx="${IDX.kicker}"/>`,
      { x, y: top, w, h: small },
      { face: font.sans, size: size.small, color: color.highlight, bold: true, line: small },
    );
    const titleTop = top + kickerMetrics.height;
    add(TITLE_SHAPE, '<p:ph type="title"/>', { x, y: titleTop, w, h: headingLine }, heading);
    if (layout === 'Title and Content') {
      const bodyTop = titleTop + headingLine + 14 + 2 + gap.afterHeading;
      add('Content', `<p:ph idx="${IDX.body}"/>`, { x, y: bodyTop, w, h: bottom - bodyTop }, bodyStyle);
    }
  }
  const footerStyle: Style = { face: font.sans, size: size.small, color: muted, line: small };
  add(
    FOOTER_SHAPE,
    `<p:ph type="ftr" sz="quarter" idx="${IDX.footer}"/>`,
    { x, y: footerTop, w: geometry.width - geometry.padX - footer.right, h: small },
    footerStyle,
    `<a:p><a:r><a:rPr lang="en-US"/><a:t>${escapeXml(footerText)}</a:t></a:r></a:p>`,
  );
  add(
    'Slide Number',
    `<p:ph type="sldNum" sz="quarter" idx="${IDX.number}"/>`,
    { x: geometry.width - geometry.padX - footer.numberWidth, y: footerTop, w: footer.numberWidth, h: small },
    { ...footerStyle, align: 'r' },
    '<a:p><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-US"/><a:t>‹#›</a:t></a:fld></a:p>',
  );
  return shapes.join('');
}

/** A layout part of pptxgenjs's made one of ours: its type, and its placeholders before its decorations. */
export function finishLayout(root: XmlElement, footerText: string, place: Place): void {
  const name = root.need('p:cSld', place, 'named layout (<p:cSld>)').attr('name') ?? '';
  if (name === 'DEFAULT') return; // pptxgenjs's own first layout, used by no slide
  if (!(name in LAYOUTS))
    throw new PptxPassError(place.part, `a layout named as one of ${Object.keys(LAYOUTS).join(', ')}`);
  const layout = name as LayoutName;
  if (root.name !== 'p:sldLayout') throw new PptxPassError(place.part, 'a <p:sldLayout> element');
  root.set('type', LAYOUTS[layout], { before: ['preserve'] });
  // pptxgenjs copies the master's slide number onto the layout with an index no slide can match.
  for (const ph of root.all('p:ph')) if (ph.attr('idx') === MASTER_INDEX) shapeOf(ph, place).remove();
  const tree = root.need('p:spTree', place, 'shape tree (<p:spTree>)');
  const [group] = tree.elements('p:grpSpPr');
  if (!group) throw new PptxPassError(place.part, "the shape tree's own properties (<p:grpSpPr>)");
  group.after(fragment(layoutPlaceholders(layout, footerText)));
}

/** The index pptxgenjs gives the copies of the master's placeholders, which no slide can match. */
const MASTER_INDEX = '4294967295';

/** The shape (<p:sp>) an element is in. */
function shapeOf(el: XmlElement, place: Place): XmlElement {
  let shape = el.parent;
  while (shape && shape.name !== 'p:sp') shape = shape.parent;
  if (!shape) throw new PptxPassError(place.part, `<${el.name}> inside a shape (<p:sp>)`);
  return shape;
}

/** The one child named `name`; a PptxPassError naming it and the shape when there is not exactly one. */
function only(el: XmlElement, name: string, shape: string, place: Place): XmlElement {
  const found = el.elements(name);
  if (found.length !== 1 || !found[0])
    throw new PptxPassError(place.part, `one <${name}> in <${el.name}> of "${shape}", found ${found.length}`);
  return found[0];
}

/** The list style of a shape made a placeholder (see placeholderShapes). */
const OWN_LIST_STYLE =
  '<a:lstStyle><a:lvl1pPr algn="l"><a:spcBef><a:spcPts val="0"/></a:spcBef></a:lvl1pPr></a:lstStyle>';

/**
 * A slide's named text boxes made the placeholders of its layout: the heading the title (the
 * centred title on the title slide), the kicker the kicker's, the footer and the slide
 * number theirs, the first list (or else the first body text) the layout's body, and any
 * further body text a body placeholder of its own. Each keeps its position and its type.
 */
export function placeholderShapes(found: Found, kind: SlideKind, place: Place): void {
  let more = IDX.more;
  let bodyTaken = false;
  const shapes = found('p:sp');
  const nameOf = (shape: XmlElement) => shape.first('p:cNvPr')?.attr('name') ?? '';
  const names = shapes.map(nameOf);
  const main = names.includes('List') ? 'List' : names.find((n) => (BODY_SHAPES as readonly string[]).includes(n));
  const ph = (name: string): string | undefined => {
    if (name === TITLE_SHAPE) return kind === 'title' ? '<p:ph type="ctrTitle"/>' : '<p:ph type="title"/>';
    if (name === KICKER_SHAPE) return `<p:ph type="body" sz="quarter" idx="${IDX.kicker}"/>`;
    if (name === FOOTER_SHAPE) return `<p:ph type="ftr" sz="quarter" idx="${IDX.footer}"/>`;
    if (!(BODY_SHAPES as readonly string[]).includes(name)) return undefined;
    if (name === main && !bodyTaken) {
      bodyTaken = true;
      return kind === 'title'
        ? `<p:ph type="subTitle" idx="${IDX.body}"/>`
        : kind === 'divider'
          ? `<p:ph type="body" idx="${IDX.body}"/>`
          : `<p:ph idx="${IDX.body}"/>`;
    }
    return `<p:ph type="body" sz="quarter" idx="${more++}"/>`;
  };
  for (const shape of shapes) {
    const name = nameOf(shape);
    const made = ph(name);
    if (!made) continue;
    const nv = only(shape, 'p:nvSpPr', name, place);
    // Locked against grouping, as a placeholder is; not a text box.
    const props = only(nv, 'p:cNvSpPr', name, place).unset('txBox');
    const [locks] = props.elements('a:spLocks');
    if (locks) locks.set('noGrp', '1');
    else props.insert(fragment('<a:spLocks noGrp="1"/>'), 0);
    const nvPr = only(nv, 'p:nvPr', name, place);
    for (const old of nvPr.elements('p:ph')) old.remove();
    nvPr.insert(fragment(made), 0);
    // The shape's own list style: no space before a paragraph and left aligned, whatever the
    // master says (a template's master often sets both), so the text sits where the plan put it.
    const body = only(shape, 'p:txBody', name, place);
    const [list] = body.elements('a:lstStyle');
    if (list) list.replace(fragment(OWN_LIST_STYLE));
    else only(body, 'a:bodyPr', name, place).after(fragment(OWN_LIST_STYLE));
  }
  // The slide number pptxgenjs copies from the master, given the layout's index.
  const copied = found('p:ph').filter((el) => el.attr('idx') === MASTER_INDEX && el.attached());
  if (copied.some((el) => el.attr('type') !== 'sldNum') || copied.length > 1)
    throw new PptxPassError(place.part, "the master's slide number as the one placeholder with its index");
  for (const number of copied) number.set('idx', String(IDX.number));
}
