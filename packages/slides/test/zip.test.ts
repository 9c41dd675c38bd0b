// The PPTX's zip (fflate, dated by zipTime): the same report gives the same bytes in every
// time zone, although fflate dates each entry by the machine's local time.
import { report } from '@briefing/content';
import { afterEach, describe, expect, it } from 'vitest';
import { planDeck } from '../src/plan/deck.js';
import { renderPptx } from '../src/pptx/index.js';
import { readZip, writeZip } from '../src/pptx/zip.js';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** Each entry's MS-DOS time and date, from the central directory (fflate does not report them). */
function dosTimes(zip: Uint8Array): string[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const out: string[] = [];
  let at = dv.getUint32(end + 16, true);
  for (let n = dv.getUint16(end + 10, true); n > 0; n--) {
    const [time, day] = [dv.getUint16(at + 12, true), dv.getUint16(at + 14, true)];
    const pad = (v: number) => String(v).padStart(2, '0');
    out.push(
      `${1980 + (day >> 9)}-${pad((day >> 5) & 15)}-${pad(day & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}`,
    );
    at += 46 + dv.getUint16(at + 28, true) + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return out;
}

describe('the PPTX’s zip', () => {
  it('reads back entry for entry, the same bytes each time', () => {
    const entries = [
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'.repeat(50)) },
      { name: 'ppt/slides/slide1.xml', data: new TextEncoder().encode('<p:sld>é</p:sld>') },
    ];
    const date = new Date('2024-02-23T00:00:00Z');
    const zip = writeZip(entries, date);
    expect(readZip(zip).map((e) => [e.name, new TextDecoder().decode(e.data)])).toEqual(
      entries.map((e) => [e.name, new TextDecoder().decode(e.data)]),
    );
    expect(Buffer.compare(Buffer.from(writeZip(entries, date)), Buffer.from(zip))).toBe(0);
    expect(dosTimes(zip)).toEqual(['2024-02-23 10:00', '2024-02-23 10:00']);
    expect(() => readZip(new Uint8Array(40))).toThrow(/not a zip file/);
  });

  it('dates entries within the days MS-DOS time and fflate can hold', () => {
    const one = [{ name: 'a.xml', data: new Uint8Array([60, 97, 47, 62]) }];
    expect(dosTimes(writeZip(one, new Date(0)))).toEqual(['1980-01-01 10:00']);
    expect(dosTimes(writeZip(one, new Date('2150-06-01T00:00:00Z')))).toEqual(['2099-12-31 10:00']);
    // A SOURCE_DATE_EPOCH late in its UTC day: the entries keep the day, at ten.
    expect(dosTimes(writeZip(one, new Date('2023-11-14T23:59:59Z')))).toEqual(['2023-11-14 10:00']);
  });

  it('refuses names an object would reorder or swallow, and two entries of one name', () => {
    const data = new Uint8Array(1);
    const date = new Date(0);
    expect(() => writeZip([{ name: '1', data }], date)).toThrow(/not a part name/);
    expect(() => writeZip([{ name: '__proto__', data }], date)).toThrow(/not a part name/);
    expect(() => writeZip([{ name: 'ppt/', data }], date)).toThrow(/not a part name/);
    expect(() =>
      writeZip(
        [
          { name: 'a.xml', data },
          { name: 'a.xml', data },
        ],
        date,
      ),
    ).toThrow(/two entries named a\.xml/);
  });

  it('is the same file in every time zone, on days a zone skips midnight or noon', async () => {
    // Chile skipped 2024-09-08 00:00 (summer time); Sudan skipped 2000-01-15 12:00.
    const days = ['2024-09-08', '2000-01-15'];
    const zones = ['Pacific/Kiritimati', 'America/Santiago', 'Africa/Khartoum', 'Pacific/Pago_Pago'];
    // The title slide and a chart's (whose workbook is a zip of its own), to keep it quick.
    const full = planDeck(report);
    const withChart = (s: (typeof full.slides)[number]) => s.elements.some((e) => e.type === 'chart');
    const plan = { ...full, slides: full.slides.filter((s, i) => i === 0 || withChart(s)).slice(0, 2) };
    expect(plan.slides.map((s, i) => i === 0 || withChart(s))).toEqual([true, true]);
    process.env.TZ = 'UTC';
    const want = await Promise.all(days.map((date) => renderPptx(plan, { date })));
    for (const zone of zones) {
      process.env.TZ = zone;
      // The zone is in force: local midnight on New Year's Day 2024 is not midnight UTC.
      expect(new Date(2024, 0, 1).getTime(), zone).not.toBe(Date.UTC(2024, 0, 1));
      for (const [i, date] of days.entries()) {
        const got = await renderPptx(plan, { date });
        expect(Buffer.from(got).equals(Buffer.from(want[i]!)), `${date} under TZ=${zone}`).toBe(true);
      }
    }
    expect(new Set(dosTimes(want[0]!))).toEqual(new Set(['2024-09-08 10:00']));
  });
});
