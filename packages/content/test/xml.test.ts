import { describe, expect, it } from 'vitest';
import { escapeXml, fixedDate, isoSeconds, xmlSafe } from '../src/xml.js';

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
});
