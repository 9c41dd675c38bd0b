// The PPTX of the slides: one full-bleed image per slide with the slide's notes as speaker
// notes (pptxgenjs), packaged reproducibly.
import JSZip from 'jszip';
import pptxgenjs from 'pptxgenjs';

// pptxgenjs's types describe its CommonJS build; Node imports its ES build, whose default
// export is the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

/**
 * Text an XML 1.0 part can hold: characters outside XML's Char production (C0 controls but
 * tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. The schema already
 * refuses them in a report; this keeps a PPTX well-formed whatever Markdown it is given.
 */
export function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/** A PPTX of one full-bleed image per slide, with the slide's Marp notes as speaker notes. */
export async function buildPptx(
  images: readonly Uint8Array[],
  notes: readonly string[],
  size: { width: number; height: number },
  title: string | undefined,
  date: string | undefined,
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
    if (note) slide.addNotes(xmlText(note));
  });
  const stored = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Buffer;
  return await repack(stored, date);
}

/**
 * pptxgenjs's package made reproducible and quick: with `date` (YYYY-MM-DD, midnight UTC) in
 * place of the conversion time it stamps into docProps/core.xml and every zip entry (it has
 * no option for that), XML deflated, the slide PNGs stored as they are (deflating compressed
 * images in JavaScript took a second and saved nothing).
 */
export async function repack(pptx: Uint8Array, date: string | undefined): Promise<Uint8Array> {
  const when = date ? new Date(`${date}T00:00:00Z`) : new Date();
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zip = await JSZip.loadAsync(pptx);
  const entries: [string, JSZip.JSZipObject][] = [];
  zip.forEach((path, file) => {
    entries.push([path, file]);
  });
  for (const [path, file] of entries) {
    if (file.dir) {
      file.date = when;
      continue;
    }
    if (/\.(png|jpe?g)$/i.test(path)) {
      zip.file(path, await file.async('uint8array'), { date: when, compression: 'STORE' });
      continue;
    }
    let text = await file.async('string');
    if (date && path === 'docProps/core.xml')
      text = text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    zip.file(path, text, { date: when, compression: 'DEFLATE' });
  }
  return await zip.generateAsync({ type: 'uint8array' });
}
