import { escapeXml } from '@briefing/content';
import type { NamedFace } from '../layout/faces.js';
import { KICKER_SHAPE, TITLE_SHAPE } from './build.js';
import { PptxPassError, replaceExpected } from './pass.js';
import { color } from './units.js';

// The package pass's edits on slide, layout and notes parts (see package.ts for why each).

/** The faces a deck names, each with its class (faces.ts): how a viewer without them picks a substitute. */
export type DeckFaces = readonly NamedFace[];

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
export function fonts(xml: string, faces: DeckFaces): string {
  let out = xml;
  for (const { family, panose, pitchFamily } of faces) {
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

export function finishSlide(part: string, xml: string, lang: string, faces: DeckFaces): string {
  let out = fonts(onePPr(xml, part), faces);
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
export function finishNotes(part: string, xml: string, lang: string): string {
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
