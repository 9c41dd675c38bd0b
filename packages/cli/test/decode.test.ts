import { seeded } from '@briefing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReport, firstInvalidUtf8 } from '../src/edge/decode.js';

const strict = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Bytes that are mostly UTF-8, with the odd byte that may break it. */
const bytes = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => [...Buffer.from(s)]),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

describe('firstInvalidUtf8', () => {
  it('finds nothing exactly when a strict decoder accepts the bytes, and the bytes before what it finds are UTF-8', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === undefined).toBe(strict(b));
        if (at !== undefined) expect(strict(b.subarray(0, at))).toBe(true);
      }),
      seeded(500),
    );
  });

  it('points at the first byte of a sequence that is cut short, overlong, a surrogate or past U+10FFFF', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('Myanmar, ä, 中, 😀'))).toBeUndefined();
  });
});

describe('decodeReport', () => {
  it('drops a UTF-8 byte-order mark and keeps the rest', () => {
    expect(decodeReport(Buffer.from('\uFEFF{"a":"é"}'))).toEqual({ ok: true, text: '{"a":"é"}' });
  });

  it('names an invalid byte, its offset and its line', () => {
    expect(decodeReport(Buffer.from([0x7b, 0x0a, 0x22, 0xe9, 0x22, 0x7d]))).toEqual({
      ok: false,
      why: 'is not UTF-8: invalid byte 0xE9 at offset 3 (line 2); save it as UTF-8',
    });
  });

  it('takes no empty file or single character for UTF-16', () => {
    expect(decodeReport(new Uint8Array())).toEqual({ ok: true, text: '' });
    expect(decodeReport(Buffer.from('1'))).toEqual({ ok: true, text: '1' });
  });
});
