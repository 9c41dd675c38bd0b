// Where a PDF's pages carry ink, read from the rendered pages (poppler's pdftoppm, grey
// levels): text, rules, panels and charts alike, as a reader sees them. The page-fill and
// cover checks take these plain measurements, so each can be shown failing on a bad page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A rendered page: for each row of pixels, the first and last column with ink (or -1). */
export interface InkPage {
  number: number;
  /** Points per pixel. */
  scale: number;
  width: number;
  height: number;
  /** Per row: [first inked column, last inked column], or undefined for a blank row. */
  rows: ([number, number] | undefined)[];
}

/** A grey level darker than this is ink (the panels' tint, #eef2f7, is ink: about 241). */
const INK = 250;

/** Render every page at `dpi` and find its ink. Needs pdftoppm (poppler-utils). */
export function readInk(pdf: Uint8Array, dpi = 36): InkPage[] {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-ink-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', `${dpi}`, file, join(dir, 'page')]);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)![1]) - Number(/(\d+)\.pgm$/.exec(b)![1]));
    return files.map((f, i) => parsePgm(readFileSync(join(dir, f)), i + 1, 72 / dpi));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePgm(data: Buffer, number: number, scale: number): InkPage {
  // "P5\n<width> <height>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`page ${number}: not a binary PGM`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const rows: InkPage['rows'] = [];
  for (let y = 0; y < height; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (data[start + y * width + x]! < INK) {
        if (first < 0) first = x;
        last = x;
      }
    }
    rows.push(first < 0 ? undefined : [first, last]);
  }
  return { number, scale, width, height, rows };
}

/**
 * How much of a page's frame (from `top` to `bottom`, in points) is left empty below its
 * last ink, as a share of the frame: 0 for a page filled to the foot.
 */
export function emptyBelow(page: InkPage, top: number, bottom: number): number {
  let lowest = top;
  for (let y = 0; y < page.rows.length; y++) {
    const at = y * page.scale;
    if (page.rows[y] && at >= top && at <= bottom + 4) lowest = at + page.scale;
  }
  return Math.max(0, bottom - lowest) / (bottom - top);
}

/** The tallest run of blank rows on a page (margins included), as a share of its height, and where it starts (points). */
export function largestBlankBand(page: InkPage): { share: number; at: number } {
  let best = { length: 0, start: 0 };
  let run = 0;
  page.rows.forEach((row, y) => {
    run = row ? 0 : run + 1;
    if (run > best.length) best = { length: run, start: y - run + 1 };
  });
  return { share: best.length / page.rows.length, at: best.start * page.scale };
}
