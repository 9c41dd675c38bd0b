import { zipTime } from '@briefing/content';
import { unzipSync, type Zippable, zipSync } from 'fflate';

// The PPTX's zip, read and written with fflate (the project's one zip library). pptxgenjs
// hands its package over as a zip (written by JSZip, whose JavaScript deflate and per-entry
// buffers took most of the time for a large deck); it is asked for one without compression,
// read here, finished (package.ts) and written once. fflate deflates every part at its
// default level: a deck holds no images, and its chart workbooks, though zips themselves,
// still shrink a little.

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** The files of a zip, in the order of its central directory (folders left out). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new Error(`not a zip file (${(e as Error).message})`);
  }
  return Object.entries(files)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, data]) => ({ name, data }));
}

/**
 * A zip of the entries in the order given, each deflated and dated `date` (its day, by
 * zipTime's rule, the same in every time zone): the same entries give the same bytes.
 */
export function writeZip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  // fflate writes no ZIP64: the count would wrap in the end record.
  if (entries.length > 0xffff)
    throw new Error(`zip: ${entries.length} entries need ZIP64, which fflate does not write`);
  // fflate takes the entries as an object's keys, written in the keys' order: a name with no
  // dot in its last segment could be a number ("1"), which an object lists first, or
  // "__proto__". Every part of a package has an extension ("_rels/.rels" too).
  const files: Zippable = Object.create(null);
  for (const { name, data } of entries) {
    if (!/\.[^/]*$/u.test(name)) throw new Error(`zip: ${JSON.stringify(name)} is not a part name with an extension`);
    if (name in files) throw new Error(`zip: two entries named ${name}`);
    files[name] = data;
  }
  return zipSync(files, { level: 6, mtime: zipTime(date) });
}
