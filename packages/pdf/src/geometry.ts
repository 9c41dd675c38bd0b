export type Paper = 'a4' | 'letter';

/** Page size and the text frame, in points from the top-left corner. */
export interface PageGeometry {
  paper: Paper;
  pageWidth: number;
  pageHeight: number;
  /** The text frame: body text never leaves it. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  /** The cover has no running head or foot: its frame is taller. */
  coverTop: number;
  coverBottom: number;
  /** Baselines of the running head and foot, in the top and bottom margins. */
  headBaseline: number;
  footBaseline: number;
}

const SIZES: Record<Paper, [number, number]> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

/** A measure of about 75 characters of 10.5 pt serif, centred, with room for the running head and foot. */
const MEASURE = 400;

export function geometry(paper: Paper): PageGeometry {
  const [pageWidth, pageHeight] = SIZES[paper];
  const left = Math.round((pageWidth - MEASURE) / 2);
  const top = 80;
  const bottom = pageHeight - 76;
  return {
    paper,
    pageWidth,
    pageHeight,
    left,
    right: left + MEASURE,
    top,
    bottom,
    width: MEASURE,
    coverTop: 56,
    coverBottom: pageHeight - 60,
    headBaseline: top - 30,
    footBaseline: bottom + 34,
  };
}
