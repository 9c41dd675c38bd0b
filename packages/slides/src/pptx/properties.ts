import { createRequire } from 'node:module';
import { escapeXml } from '@briefing/content';
import type { NamedFace } from '../layout/faces.js';
import { PptxPassError } from './pass.js';
import { type DeckFaces, FACES, fonts } from './slide-pass.js';
import { color } from './units.js';
import { fragment, XmlPart } from './xml/read.js';
import { find, type XmlElement } from './xml/tree.js';

// The package pass's edits on the theme and the application properties (see package.ts):
// pptxgenjs writes Office's ("Office Theme", Office's colours, "Microsoft Office PowerPoint",
// "PptxGenJS" as the company, the slides titled "Slide 1…"); the file says what it is instead.

/** The theme's name, and its colour and font schemes'. */
export const THEME = 'Briefing';

/** The application that made the file, with the renderer's version, as LibreOffice writes its own ("name/version"). */
export const APPLICATION = (() => {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return `briefing/${pkg.version}`;
})();

/** What the properties and the theme say of the deck. */
export interface DeckInfo {
  /** The faces the deck names: the text's (minor) and the headings' (major). */
  faces: DeckFaces;
  /** Every slide's title, in order, as the slide shows it. */
  slideTitles: readonly string[];
}

/**
 * The theme: our name, our colours (ink and paper as text and background, the accent and
 * highlight as the first accents, the link colour for links), the faces the deck names with
 * their classes, and without the extension that declares it a member of Office's theme family.
 */
export function finishTheme(part: string, xml: string, info: DeckInfo): string {
  const srgb = (name: string, value: string) => `<a:${name}><a:srgbClr val="${value}"/></a:${name}>`;
  const scheme = [
    `<a:clrScheme name="${THEME}">`,
    srgb('dk1', color.ink),
    srgb('lt1', color.paper),
    srgb('dk2', color.accent),
    srgb('lt2', color.panel),
    srgb('accent1', color.accent),
    srgb('accent2', color.highlight),
    srgb('accent3', color.muted),
    srgb('accent4', color.link),
    srgb('accent5', color.rule),
    srgb('accent6', color.ink),
    srgb('hlink', color.link),
    srgb('folHlink', color.link),
    '</a:clrScheme>',
  ].join('');
  const doc = new XmlPart(xml, { part });
  const theme = doc.root;
  const place = { part };
  if (theme.name !== 'a:theme') throw new PptxPassError(part, 'a theme (<a:theme>)');
  theme.set('name', THEME);
  theme.need('a:clrScheme', place, 'colour scheme (<a:clrScheme>)').replace(fragment(scheme));
  theme.need('a:fontScheme', place, 'font scheme (<a:fontScheme>)').set('name', THEME);
  theme.need('a:fmtScheme', place, 'format scheme (<a:fmtScheme>)').set('name', THEME);
  // Office's theme family: the extension that holds it, or its list when it is the only one.
  const family = theme.need('thm15:themeFamily', place, "Office's theme family (<thm15:themeFamily>)");
  const extension = family.parent as XmlElement;
  const list = extension.parent as XmlElement;
  (list.name === 'a:extLst' && list.elements().length === 1 ? list : extension).remove();
  const face = (kind: 'major' | 'minor', named: NamedFace) => {
    const [latin] = theme.need(`a:${kind}Font`, place, `${kind} font (<a:${kind}Font>)`).elements('a:latin');
    if (!latin) throw new PptxPassError(part, `a Latin face (<a:latin>) in the ${kind} font`);
    latin.set('typeface', named.family);
  };
  face('major', info.faces.serif);
  face('minor', info.faces.sans);
  fonts(find(theme, FACES), info.faces);
  return doc.toString();
}

/**
 * The application properties: the application that made the file, the number of slides and
 * notes, and the parts PowerPoint lists (the faces used, the theme, every slide's title).
 */
export function appProperties(info: DeckInfo): string {
  const fontsUsed = [info.faces.sans.family, info.faces.serif.family];
  const parts = [...fontsUsed, THEME, ...info.slideTitles];
  const n = info.slideTitles.length;
  const pair = (name: string, count: number) =>
    `<vt:variant><vt:lpstr>${name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
    `<Application>${escapeXml(APPLICATION)}</Application>`,
    '<PresentationFormat>On-screen Show (16:9)</PresentationFormat>',
    `<Slides>${n}</Slides>`,
    `<Notes>${n}</Notes>`,
    '<HiddenSlides>0</HiddenSlides>',
    '<HeadingPairs><vt:vector size="6" baseType="variant">',
    pair('Fonts Used', fontsUsed.length),
    pair('Theme', 1),
    pair('Slide Titles', n),
    '</vt:vector></HeadingPairs>',
    `<TitlesOfParts><vt:vector size="${parts.length}" baseType="lpstr">`,
    ...parts.map((p) => `<vt:lpstr>${escapeXml(p)}</vt:lpstr>`),
    '</vt:vector></TitlesOfParts>',
    '<LinksUpToDate>false</LinksUpToDate>',
    '<SharedDoc>false</SharedDoc>',
    '<HyperlinksChanged>false</HyperlinksChanged>',
    '</Properties>',
  ].join('');
}
