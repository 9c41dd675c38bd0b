// The PPTX of the slides: one full-bleed image per slide with the slide's notes as speaker
// notes (pptxgenjs), packaged reproducibly.
import { fixedDate, isoSeconds, xmlSafe, zipTime } from '@briefing/content';
import { PptxGenJS } from '@briefing/slides/pptxgenjs';
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

/** A PPTX of one full-bleed image per slide, with the slide's Marp notes as speaker notes. */
export async function buildPptx(
  images: readonly Uint8Array[],
  notes: readonly string[],
  size: { width: number; height: number },
  title: string | undefined,
  date: Date | undefined,
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  const layout = `${size.width}x${size.height}`;
  // PowerPoint's layout is in inches; the slide's CSS pixels are 96 to the inch.
  pptx.defineLayout({ name: layout, width: size.width / 96, height: size.height / 96 });
  pptx.layout = layout;
  pptx.author = 'briefing';
  pptx.company = 'briefing';
  if (title) pptx.title = title;
  images.forEach((png, i) => {
    const slide = pptx.addSlide();
    slide.background = { data: `data:image/png;base64,${Buffer.from(png).toString('base64')}` };
    const note = notes[i];
    if (note) slide.addNotes(xmlSafe(note));
  });
  const stored = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Buffer;
  return repack(stored, date);
}

/**
 * pptxgenjs's package made reproducible and quick: the fixed date (`date`, fixedDate's instant;
 * 1980-01-01 without one, as fixedDate says, never the conversion time) in place of the time it
 * stamps into docProps/core.xml and every zip entry (there, that day at ten: see zipTime; it has
 * no option for that), XML deflated, the slide PNGs stored as they are (deflating compressed
 * images saves nothing).
 */
export function repack(pptx: Uint8Array, date: Date | undefined): Uint8Array {
  const when = date ?? fixedDate(undefined);
  // fflate dates an entry by local time: zipTime's is the same day and hour in every zone.
  const mtime = zipTime(when);
  const files: Zippable = {};
  for (const [path, data] of Object.entries(unzipSync(pptx))) {
    if (path.endsWith('/')) continue;
    if (/\.(png|jpe?g)$/iu.test(path)) {
      files[path] = [data, { level: 0, mtime }];
      continue;
    }
    const text =
      path === 'docProps/core.xml'
        ? strFromU8(data).replace(
            /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/gu,
            `$1${isoSeconds(when)}$3`,
          )
        : null;
    files[path] = [text === null ? data : strToU8(text), { level: 6, mtime }];
  }
  return zipSync(files);
}
