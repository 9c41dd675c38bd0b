import { tokens } from '@briefing/content';

// The faces a deck may be set in, and how the layout measures them. The HTML deck embeds the
// design's faces (Inter and Source Serif 4) and is measured in them. A PPTX cannot embed
// fonts: it names faces and the viewer draws whatever it has, so the PPTX offers two sets.
//
// - `design`: Inter and Source Serif 4, as the HTML deck. Right where they are installed;
//   elsewhere every viewer substitutes, and the serif headings may come out in a sans.
// - `office`: Georgia for headings and Arial for text, which every Windows and macOS machine
//   (and so every PowerPoint, Keynote and Google Slides) has. They are measured in their
//   metric-compatible free equivalents from npm, Gelasio (Georgia's advance widths) and Arimo
//   (Arial's), which are also what a Linux LibreOffice substitutes for them (fontconfig's
//   metric aliases), so the plan's line counts hold in PowerPoint and in LibreOffice alike.

/** A set of faces a PPTX may name. */
export type FaceSetName = 'design' | 'office';

export const FACE_SETS: readonly FaceSetName[] = ['design', 'office'];

/** A face as a PPTX names it: its family and its class (PANOSE and pitch family, from the OS/2 table). */
export interface NamedFace {
  family: string;
  panose: string;
  pitchFamily: number;
}

/** The sans (text) and serif (headings) each set names. */
export const NAMED_FACES: Record<FaceSetName, { sans: NamedFace; serif: NamedFace }> = {
  design: {
    sans: { family: tokens.font.sans.family, panose: '02000503000000020004', pitchFamily: 34 },
    serif: { family: tokens.font.serif.family, panose: '02040603050405020204', pitchFamily: 18 },
  },
  office: {
    // Arial's and Georgia's own classes (Arimo carries Arial's; Gelasio writes none).
    sans: { family: 'Arial', panose: '020B0604020202020204', pitchFamily: 34 },
    serif: { family: 'Georgia', panose: '02040502050405020303', pitchFamily: 18 },
  },
};

/** How a plan measures text: in which faces, and whether it leaves room for a substitute. */
export interface Metrics {
  faces: FaceSetName;
  /**
   * Leave room for a wider substitute: every width is the wider of the face's and of the
   * widest face a viewer plausibly draws in its place (DejaVu, the last resort of a Linux
   * viewer's fontconfig, 15% wider than Arial in running text, its serif bold 10% wider
   * than Georgia's). For a PPTX, which cannot carry its faces: a box then holds its text in
   * either, so stacked elements cannot print over each other.
   */
  reserve: boolean;
  /**
   * The room the plan lays out in (default: our 16:9 slide's). A template sets it to its own
   * body area and slide at their real size (template/fit.ts roomFor), so the deck keeps its
   * type sizes there and a narrower area takes more lines instead of smaller type.
   */
  room?: Room;
}

/**
 * A content box and the slide it is on, in px of our slide (1/96 in, so the deck's type sizes
 * are the same points on any slide): the box's width and height, and the slide's height (the
 * title slide is centred in it).
 */
export interface Room {
  width: number;
  height: number;
  slideHeight: number;
}

/** The HTML deck's: the embedded design faces, nothing to reserve. */
export const HTML_METRICS: Metrics = { faces: 'design', reserve: false };

/** The TTF files (package-relative) measured for a set's faces, and for the substitute. */
export const TTF_FILES = {
  office: {
    regular: '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf',
    bold: '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf',
    italic: '@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf',
    heading: '@expo-google-fonts/gelasio/700Bold/Gelasio_700Bold.ttf',
  },
  substitute: {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
    heading: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
  },
} as const;
