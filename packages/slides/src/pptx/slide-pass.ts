import { escapeXml } from '@briefing/content';
import type { NamedFace } from '../layout/faces.js';
import type { SlideKind } from '../plan/plan.js';
import { PptxPassError } from './pass.js';
import { placeholderShapes } from './placeholders.js';
import { KICKER_SHAPE } from './shapes.js';
import { color } from './units.js';
import { fragment, XmlPart } from './xml/read.js';
import { type Found, find, type Place, type XmlElement } from './xml/tree.js';

// The package pass's edits on slide, layout and notes parts (see package.ts for why each),
// made on the parsed part (xml/).

/** A slide's name (its <p:cSld name>): its kind, which the reader gives as the slide's class. */
export const slideName = (kind: SlideKind) => `Briefing ${kind}`;

/** The faces a deck names, each with its class (faces.ts): how a viewer without them picks a substitute. */
export interface DeckFaces {
  /** The text's. */
  sans: NamedFace;
  /** The headings'. */
  serif: NamedFace;
}

/** Keep a paragraph's first <a:pPr> only (pptxgenjs writes one before each run of a paragraph). */
export function onePPr(paragraphs: readonly XmlElement[]): void {
  for (const p of paragraphs) for (const extra of p.elements('a:pPr').slice(1)) extra.remove();
}

/** The elements `fonts` edits. */
export const FACES = ['a:latin', 'a:ea', 'a:cs'];

/**
 * Each face named with its class, so a viewer without it substitutes a font of the same kind.
 * The East Asian and complex-script faces pptxgenjs names after the Latin one are dropped:
 * Inter and Source Serif 4 have no such glyphs, and without a name the viewer uses its own
 * font for those scripts (it also makes a large deck's slides a quarter smaller).
 */
export function fonts(found: Found, faces: DeckFaces): void {
  const named = new Map([faces.sans, faces.serif].map((face) => [face.family, face]));
  for (const latin of found('a:latin')) {
    const face = named.get(latin.attr('typeface') ?? '');
    if (!face) continue;
    latin
      .set('panose', face.panose)
      .set('pitchFamily', String(face.pitchFamily))
      .order(['typeface', 'panose', 'pitchFamily']);
  }
  for (const name of ['a:ea', 'a:cs'])
    for (const other of found(name)) if (named.has(other.attr('typeface') ?? '')) other.remove();
}

/**
 * The deck's language on every element that names one: pptxgenjs writes lang="en-US" whatever
 * the deck's; one in any other language would be left wrong, so it is an error.
 */
function inLanguage(root: XmlElement, lang: string, place: Place): void {
  const walk = (el: XmlElement) => {
    const was = el.attr('lang');
    if (was === 'en-US') el.set('lang', lang);
    else if (was !== undefined && was !== lang)
      throw new PptxPassError(place.part, `every language as lang="en-US", found lang="${was}"`);
    for (const child of el.elements()) walk(child);
  };
  walk(root);
}

/** The sizes and faces of bullets, and the colour, that a paragraph's list marks replace. */
const MARKS = ['a:buClrTx', 'a:buClr', 'a:buSzTx', 'a:buSzPct', 'a:buSzPts', 'a:buFontTx', 'a:buFont'];

/**
 * Bullets in the highlight colour, a little smaller than the text, in the text's face (a
 * viewer that takes no bullet face from the layout would take the master's, pptxgenjs's
 * Arial); numbers in the highlight colour and the body face, at the text's size.
 */
function listMarks(found: Found, sans: string): void {
  const colour = `<a:buClr><a:srgbClr val="${color.highlight}"/></a:buClr>`;
  for (const bullet of found('a:buChar')) {
    for (const mark of bullet.parent?.elements() ?? []) if (MARKS.includes(mark.name)) mark.remove();
    bullet.before(fragment(`${colour}<a:buSzPct val="70000"/><a:buFont typeface="${escapeXml(sans)}"/>`));
  }
  for (const number of found('a:buAutoNum')) {
    const pPr = number.parent as XmlElement;
    for (const mark of pPr.elements()) if (mark.name === 'a:buClr' || mark.name === 'a:buClrTx') mark.remove();
    const face = pPr.elements('a:buFont')[0] ?? number.before(fragment('<a:buFont/>'))[0];
    face?.set('typeface', '+mn-lt');
    const first = pPr.elements().find((el) => MARKS.includes(el.name)) ?? number;
    first.before(fragment(colour));
  }
}

/** The elements finishSlide edits, found in one walk. */
const SLIDE = [...FACES, 'a:p', 'p:sp', 'p:ph', 'p:cSld', 'a:buChar', 'a:buAutoNum', 'a:rPr', 'p:cNvPr'];

export function finishSlide(part: string, xml: string, lang: string, kind: SlideKind, faces: DeckFaces): string {
  const place = { part };
  const doc = new XmlPart(xml, place);
  const root = doc.root;
  // Every step below edits what this one walk found: none needs an element another step
  // adds, and the paragraph properties onePPr drops go last (edits made in them go with them).
  const found = find(root, SLIDE);
  fonts(found, faces);
  placeholderShapes(found, kind, place);
  // The kicker is set in capitals; the slide is named by its kind, which the reader (inspect) reads.
  for (const shape of found('p:sp')) {
    if (shape.first('p:cNvPr')?.attr('name') !== KICKER_SHAPE) continue;
    const runs = shape.all('a:rPr');
    if (runs.length === 0) throw new PptxPassError(part, 'runs in the kicker, each with its <a:rPr>');
    for (const run of runs) run.set('cap', 'all', { first: true });
  }
  const [slide, ...more] = found('p:cSld');
  if (!slide || more.length > 0)
    throw new PptxPassError(part, `exactly one named slide (<p:cSld>), found ${more.length + (slide ? 1 : 0)}`);
  slide.set('name', slideName(kind));
  listMarks(found, faces.sans.family);
  // A run set regular says so: a placeholder the layout has no match for by index takes the
  // layout's first body placeholder's type (the kicker's, bold), and LibreOffice then set every
  // body text after a slide's first list in bold.
  for (const run of found('a:rPr')) if (run.attr('b') === undefined) run.set('b', '0', { first: true });
  // Every shape of the slide its own id, in order.
  found('p:cNvPr').forEach((shape, i) => {
    shape.set('id', String(i + 1));
  });
  onePPr(found('a:p'));
  inLanguage(root, lang, place);
  return doc.toString();
}

/** A layout part's runs and faces finished as a slide's are (the layout itself: placeholders.ts). */
export function finishLayoutText(root: XmlElement, lang: string, faces: DeckFaces, place: Place): void {
  const found = find(root, [...FACES, 'a:p']);
  fonts(found, faces);
  onePPr(found('a:p'));
  inLanguage(root, lang, place);
}

/** The notes placeholder's text as one paragraph per line, in the deck's language. */
export function finishNotes(part: string, xml: string, lang: string): string {
  const place = { part };
  const doc = new XmlPart(xml, place);
  inLanguage(doc.root, lang, place);
  const bodies = doc.root.all('p:sp').filter((shape) => shape.first('p:ph')?.attr('type') === 'body');
  if (bodies.length !== 1) throw new PptxPassError(part, `one notes placeholder, found ${bodies.length}`);
  const paragraphs = (bodies[0] as XmlElement).all('a:p');
  const runs = paragraphs[0]?.elements('a:r') ?? [];
  const [run] = runs;
  if (paragraphs.length !== 1 || runs.length !== 1 || !run)
    throw new PptxPassError(part, 'notes as one run in one paragraph');
  const style = run.need('a:rPr', place).toString();
  const text = run.need('a:t', place).inside();
  (paragraphs[0] as XmlElement).replace(
    fragment(
      text
        .split(/\r?\n/u)
        .map((line) => `<a:p><a:r>${style}<a:t>${line}</a:t></a:r></a:p>`)
        .join(''),
    ),
  );
  return doc.toString();
}
