import { escapeXml } from '@briefing/content';
import type { NamedFace } from '../layout/faces.js';
import type { SlideKind } from '../plan/plan.js';
import { KICKER_SHAPE } from './build.js';
import { PptxPassError, replaceExpected } from './pass.js';
import { placeholderShapes } from './placeholders.js';
import { color } from './units.js';

// The package pass's edits on slide, layout and notes parts (see package.ts for why each).

/** A slide's name (its <p:cSld name>): its kind, which the reader gives as the slide's class. */
export const slideName = (kind: SlideKind) => `Briefing ${kind}`;

/** The faces a deck names, each with its class (faces.ts): how a viewer without them picks a substitute. */
export interface DeckFaces {
  /** The text's. */
  sans: NamedFace;
  /** The headings'. */
  serif: NamedFace;
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
 * font for those scripts (it also makes a large deck's slides a quarter smaller). A face
 * written in another form than these patterns expect is an error, not a face left unclassed.
 */
export function fonts(xml: string, faces: DeckFaces, part = 'a part'): string {
  let out = xml;
  for (const { family, panose, pitchFamily } of [faces.sans, faces.serif]) {
    const name = escapeXml(family);
    out = out
      .replace(
        new RegExp(`<a:latin typeface="${name}"(?: pitchFamily="\\d+")?`, 'gu'),
        `<a:latin typeface="${name}" panose="${panose}" pitchFamily="${pitchFamily}"`,
      )
      .replace(new RegExp(`<a:(?:ea|cs) typeface="${name}"[^>]*/>`, 'gu'), '');
    if (new RegExp(`<a:latin\\b(?![^>]*panose=)[^>]*typeface="${name}"`, 'u').test(out))
      throw new PptxPassError(part, `every ${family} face as <a:latin typeface="${name}"`);
    if (new RegExp(`<a:(?:ea|cs)\\b[^>]*typeface="${name}"`, 'u').test(out))
      throw new PptxPassError(part, `every East Asian and complex-script ${family} face as one empty element`);
  }
  return out;
}

/**
 * The deck's language on every run: pptxgenjs writes lang="en-US" whatever the deck's; one in
 * any other language would be left wrong, so it is an error.
 */
export function inLanguage(part: string, xml: string, lang: string): string {
  const l = escapeXml(lang);
  const out = xml.replaceAll('lang="en-US"', `lang="${l}"`);
  const other = [...out.matchAll(/\blang="([^"]*)"/gu)].find((m) => m[1] !== l);
  if (other) throw new PptxPassError(part, `every language as lang="en-US", found ${other[0]}`);
  return out;
}

export function finishSlide(part: string, xml: string, lang: string, kind: SlideKind, faces: DeckFaces): string {
  let out = placeholderShapes(part, fonts(onePPr(xml, part), faces, part), kind);
  // The kicker is set in capitals; the slide is named by its kind, which the reader (inspect) reads.
  out = out.replace(/<p:sp>[\s\S]*?<\/p:sp>/gu, (shape) =>
    shape.includes(`name="${KICKER_SHAPE}"`)
      ? replaceExpected(part, shape, /<a:rPr /gu, () => '<a:rPr cap="all" ', { what: 'runs in the kicker' })
      : shape,
  );
  out = replaceExpected(part, out, /<p:cSld name="[^"]*">/u, () => `<p:cSld name="${slideName(kind)}">`, {
    what: 'a named slide',
    count: 1,
  });
  // Bullets in the highlight colour, a little smaller than the text, in the text's face (a
  // viewer that takes no bullet face from the layout would take the master's, pptxgenjs's
  // Arial); numbers in the body face.
  const bullet = `<a:buClr><a:srgbClr val="${color.highlight}"/></a:buClr>`;
  const square = `${bullet}<a:buSzPct val="70000"/><a:buFont typeface="${escapeXml(faces.sans.family)}"/><a:buChar`;
  out = out
    .replaceAll('<a:buSzPct val="100000"/><a:buChar', square)
    .replaceAll(
      '<a:buSzPct val="100000"/><a:buFont typeface="+mj-lt"/>',
      `${bullet}<a:buSzPct val="100000"/><a:buFont typeface="+mn-lt"/>`,
    );
  if (out.split('<a:buChar').length !== out.split(square).length)
    throw new PptxPassError(part, 'every bullet character after <a:buSzPct val="100000"/>');
  if (out.includes('<a:buFont typeface="+mj-lt"/>'))
    throw new PptxPassError(part, 'every number after <a:buSzPct val="100000"/>');
  // A run set regular says so: a placeholder the layout has no match for by index takes the
  // layout's first body placeholder's type (the kicker's, bold), and LibreOffice then set every
  // body text after a slide's first list in bold.
  out = out.replace(/<a:rPr (?![^>]*\bb=")/gu, '<a:rPr b="0" ');
  if (/<a:rPr(?![^>]*\bb=")[\s/>]/u.test(out))
    throw new PptxPassError(part, 'every run property as <a:rPr with attributes');
  // Every shape of the slide its own id, in order.
  let id = 0;
  out = replaceExpected(part, out, /<p:cNvPr id="\d+"/gu, () => `<p:cNvPr id="${++id}"`, {
    what: 'shape ids, one per <p:cNvPr>',
    count: out.split('<p:cNvPr ').length - 1,
  });
  return inLanguage(part, out, lang);
}

/** The notes placeholder's text as one paragraph per line, in the deck's language. */
export function finishNotes(part: string, xml: string, lang: string): string {
  const l = escapeXml(lang);
  const notes = replaceExpected(
    part,
    xml,
    /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/u,
    (_m, text) =>
      (text ?? '')
        .split(/\r?\n/u)
        .map((line) => `<a:p><a:r><a:rPr lang="${l}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`)
        .join(''),
    { what: 'notes as one run', count: 1 },
  );
  return inLanguage(part, notes, lang);
}
