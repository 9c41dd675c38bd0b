// A report file's bytes as text. Reports are UTF-8 (RFC 8259 says JSON exchanged between
// systems is), decoded strictly: an invalid byte is an error naming it and where it is, never
// a U+FFFD that surfaces later as a character the fonts cannot show. A file saved as UTF-16
// or UTF-32 is named as such, from its byte-order mark or, without one, from where the zero
// bytes of its first two characters fall (the first two characters of JSON are ASCII).

/** The text, or why the bytes are not a UTF-8 report (a phrase that follows the file's name). */
export type Decoded = { ok: true; text: string } | { ok: false; why: string };

const hex = (bytes: ArrayLike<number>) =>
  Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** The encoding the first bytes show, when it is not UTF-8: by byte-order mark, then by zero bytes. */
function otherEncoding(b: Uint8Array): string | undefined {
  const starts = (...mark: number[]) => mark.every((byte, i) => b[i] === byte);
  if (starts(0x00, 0x00, 0xfe, 0xff)) return `UTF-32 (a byte-order mark ${hex(b.subarray(0, 4))})`;
  if (starts(0xff, 0xfe, 0x00, 0x00)) return `UTF-32 (a byte-order mark ${hex(b.subarray(0, 4))})`;
  if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) return `UTF-16 (a byte-order mark ${hex(b.subarray(0, 2))})`;
  if (b.length < 2) return undefined;
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0 && b.length >= 4)
    return 'UTF-32 (big-endian, without a byte-order mark)';
  if (b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0 && b.length >= 4)
    return 'UTF-32 (little-endian, without a byte-order mark)';
  if (b[0] === 0 && b[1] !== 0) return 'UTF-16 (big-endian, without a byte-order mark)';
  if (b[0] !== 0 && b[1] === 0) return 'UTF-16 (little-endian, without a byte-order mark)';
  return undefined;
}

/**
 * Where the first byte that cannot begin or continue a UTF-8 character is: the start of the
 * ill-formed sequence (the Unicode Standard's table of well-formed byte sequences, 3-7).
 */
export function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  while (i < b.length) {
    const lead = b[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead === 0xe0) [need, low] = [2, 0xa0];
    else if (lead === 0xed) [need, high] = [2, 0x9f];
    else if (lead >= 0xe1 && lead <= 0xef) need = 2;
    else if (lead === 0xf0) [need, low] = [3, 0x90];
    else if (lead === 0xf4) [need, high] = [3, 0x8f];
    else if (lead >= 0xf1 && lead <= 0xf3) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return undefined;
}

/** Decode a report file: UTF-8, its byte-order mark (if any) dropped. */
export function decodeReport(bytes: Uint8Array): Decoded {
  const other = otherEncoding(bytes);
  if (other) return { ok: false, why: `is ${other}; save it as UTF-8` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes) ?? 0;
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    return {
      ok: false,
      why: `is not UTF-8: invalid byte 0x${hex([bytes[at] ?? 0])} at offset ${at} (line ${line}); save it as UTF-8`,
    };
  }
}
