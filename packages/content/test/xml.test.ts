import { describe, expect, it } from 'vitest';
import { escapeXml, fixedDate, isoSeconds, xmlSafe, zipTime } from '../src/xml.js';

describe('the shared XML and date rules', () => {
  it('escapes the markup characters, and apostrophes only when asked', () => {
    expect(escapeXml(`a & b < c > "d" 'e'`)).toBe(`a &amp; b &lt; c &gt; &quot;d&quot; 'e'`);
    expect(escapeXml(`'e'`, { apostrophe: true })).toBe('&#39;e&#39;');
  });

  it('replaces what XML 1.0 cannot hold and keeps the rest', () => {
    expect(xmlSafe('tab\tline\nbell\u0007 \uD800 \uFFFE 😀')).toBe('tab\tline\nbell\uFFFD \uFFFD \uFFFD 😀');
  });

  it('dates a file by SOURCE_DATE_EPOCH, else the report’s day, else 1980, never now', () => {
    expect(isoSeconds(fixedDate('2026-03-04', 86400))).toBe('1970-01-02T00:00:00Z');
    expect(isoSeconds(fixedDate('2026-03-04'))).toBe('2026-03-04T00:00:00Z');
    expect(isoSeconds(fixedDate(undefined))).toBe('1980-01-01T00:00:00Z');
    expect(() => fixedDate('4 March 2026')).toThrow(/not a YYYY-MM-DD date/);
    expect(() => fixedDate(undefined, 1.5)).toThrow(/whole number of seconds/);
  });

  it('dates zip entries by the day at ten, local time, within 1980 to 2099', () => {
    const fields = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
    expect(fields(zipTime(new Date('2023-11-14T23:59:59Z')))).toEqual([2023, 11, 14, 10, 0]);
    expect(fields(zipTime(new Date(0)))).toEqual([1980, 1, 1, 10, 0]);
    expect(fields(zipTime(new Date('2150-06-01T00:00:00Z')))).toEqual([2099, 12, 31, 10, 0]);
  });
});
