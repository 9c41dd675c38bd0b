import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

// The few parts of the zip format a PPTX needs. pptxgenjs hands its
// package over as a zip (written by JSZip, whose JavaScript deflate and per-entry buffers
// took most of the time for a large deck: 5.8 s of 9 s for a report a hundred times the
// briefing); it is asked for one without compression, read here, finished (package.ts) and
// written once, deflated natively. Reading is fflate's (the project's zip library). No ZIP64,
// no encryption, no data descriptors on writing: the parts of a deck are far below 4 GB.
//
// Writing stays here because neither of fflate's (0.8.3) writers gives these bytes, and a changed
// container changes every deck. `zipSync` deflates with fflate's own deflate (other bytes: the
// briefing's deck grows 1.3 %) and takes no deflated data. The streaming `Zip` accepts entries
// deflated here, but always writes them streamed: general flag bit 3, zero CRC and sizes in each
// local header, a 16-byte data descriptor after each entry. Both set the UTF-8 name flag (0x0800)
// only for non-ASCII names, and both take an entry's time from the machine's local time, which a
// UTC date cannot always be mapped onto (a midnight lost to daylight saving).

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

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

/** MS-DOS time and date of a moment (UTC), as zip entries carry them; 1980 at the earliest. */
function dosDateTime(date: Date): { time: number; date: number } {
  const d = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * A zip of the entries in the order given, each deflated (or stored, where deflating does not
 * make it smaller) and dated `date`: the same entries give the same bytes.
 */
export function writeZip(entries: readonly ZipEntry[], date: Date, level = 6): Uint8Array {
  if (entries.length > 0xffff)
    throw new Error(`zip: ${entries.length} entries need ZIP64, which this writer does not do`);
  const { time, date: day } = dosDateTime(date);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.data) >>> 0;
    const deflated = new Uint8Array(deflateRawSync(entry.data, { level }));
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const method = stored ? 0 : 8;
    const local = new Uint8Array(30 + name.length);
    const lv = view(local);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // names in UTF-8
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, day, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, entry.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const header = new Uint8Array(46 + name.length);
    const cv = view(header);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, day, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, entry.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    header.set(name, 46);
    chunks.push(local, body);
    central.push(header);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = view(end);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const chunk of [...chunks, ...central, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
