// The small rules every writer of XML or a dated file follows, in one place: the PPTX
// writer, the deck's chart SVG, the slides PDF's XMP packet and the PDF briefing all read
// them from here.

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe as XML character data or a double-quoted attribute value. `apostrophe`
 * also escapes `'` (the deck's SVG, which Marp's Markdown may quote either way).
 */
export function escapeXml(text: string, { apostrophe = false }: { apostrophe?: boolean } = {}): string {
  return text.replace(apostrophe ? /[&<>"']/gu : /[&<>"]/gu, (c) => ENTITY[c] as string);
}

/**
 * Text an XML 1.0 part can hold: characters outside XML's Char production (C0 controls but
 * tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. The schema already
 * refuses them in a report; this keeps a file well-formed for any plan or Markdown given.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/**
 * The one date rule of every output: the moment a file carries as its creation and
 * modification date. SOURCE_DATE_EPOCH (whole seconds) wins; otherwise `date` (YYYY-MM-DD,
 * the report's date) at midnight UTC; with neither, 1980-01-01, the zip format's first day,
 * never the time of the build (same input, same bytes).
 */
export function fixedDate(date: string | undefined, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined) {
    if (!(Number.isInteger(sourceDateEpoch) && sourceDateEpoch >= 0)) {
      throw new RangeError(`sourceDateEpoch must be a whole number of seconds since 1970, not ${sourceDateEpoch}`);
    }
    return new Date(sourceDateEpoch * 1000);
  }
  const day = date ?? '1980-01-01';
  const when = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day) || Number.isNaN(when.getTime())) {
    throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  }
  return when;
}

/** A fixed date as a W3C date-time to the second (core.xml, XMP): 2026-01-01T00:00:00Z. */
export const isoSeconds = (when: Date): string => when.toISOString().replace(/\.\d{3}Z$/u, 'Z');

/** The first and last days a zip entry can carry here: MS-DOS dates start in 1980, and fflate writes none after 2099. */
const ZIP_DAYS = [Date.UTC(1980, 0, 1), Date.UTC(2099, 11, 31)] as const;

/**
 * The `mtime` to give fflate for every entry of a zip dated `when`, so that the entries carry
 * the same MS-DOS date and time on every machine. fflate reads an entry's time with the
 * local-time getters (MS-DOS times have no zone), so this is the local time whose fields are
 * the day of `when` (UTC; within 1980 to 2099) at 10:00. Ten in the morning, because that hour
 * exists on every such day in every zone of the time zone database, but for the five days a
 * zone skipped whole (Pacific/Apia and Pacific/Fakaofo 2011-12-30, Pacific/Kiritimati and
 * Pacific/Enderbury 1994-12-31, Pacific/Kwajalein 1993-08-21), where no hour of that day does:
 * midnight is skipped when Chile or Paraguay start summer time, noon was in Sudan on
 * 2000-01-15. The time of day of a SOURCE_DATE_EPOCH is not kept: the file's own dates have it.
 */
export function zipTime(when: Date): Date {
  const day = new Date(Math.min(Math.max(when.getTime(), ZIP_DAYS[0]), ZIP_DAYS[1]));
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10);
}
