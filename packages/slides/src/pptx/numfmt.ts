// Number formats for the chart's data labels. A native chart's values live in its data sheet,
// where a presenter may change them; each bar's label is written as a number format applied to
// its value, so it follows an edit ("about 1 billion" becomes "about 1.2 billion"), yet shows
// exactly what the HTML deck and the PDF print for the report's own value. A figure the
// format language cannot say (another language's words for large numbers) is written as
// a literal label instead: still exact, though no longer following an edit.

const SCALE: Record<string, number> = { thousand: 1, million: 2, billion: 3, trillion: 4 };

/** A literal inside a number format: quoted, with its quotes doubled as the format language asks. */
const literal = (text: string) => (text === '' ? '' : `"${text.replaceAll('"', '""')}"`);

/**
 * The number format that shows `value` as `figure` (formatNumber's "1 billion", "600 million",
 * "1.5 billion", "1,234", "0.5", after a qualifier such as "about "; a share as "about 70%"),
 * or a format that is the figure as a literal when no pattern gives it exactly.
 */
export function labelFormat(value: number, figure: string): string {
  const m = /^(\D*?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(?: (thousand|million|billion|trillion))?(%?)$/u.exec(figure);
  if (m) {
    const [, before = '', whole = '', decimals = '', word, percent] = m;
    const scale = word ? (SCALE[word] as number) : 0;
    const shown = Number(`${whole.replaceAll(',', '')}${decimals ? `.${decimals}` : ''}`);
    // The shown number times its scale must be the value itself, or the format would show another figure.
    if (Math.abs(shown * 1000 ** scale - value) <= Math.abs(value) * 1e-12) {
      const digits = `${whole.includes(',') ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals.length)}` : ''}`;
      const code = `${literal(before)}${digits}${','.repeat(scale)}${word ? literal(` ${word}`) : ''}${literal(percent ?? '')}`;
      if (formatValue(code, value) === figure) return code;
    }
  }
  return literal(figure);
}

/**
 * A value shown through a number format of the kinds labelFormat writes (quoted literals,
 * `0` and `#,##0` with fixed decimals, trailing commas that divide by a thousand each); for
 * checking a format before writing it. The PPTX reader in @briefing/inspect applies them too.
 */
export function formatValue(code: string, value: number): string {
  const parts = [...code.matchAll(/"((?:[^"]|"")*)"|([#0,.]+)/gu)];
  let out = '';
  for (const [, quoted, digits] of parts) {
    if (quoted !== undefined) {
      out += quoted.replaceAll('""', '"');
      continue;
    }
    const pattern = digits ?? '';
    const scale = /,+$/u.exec(pattern)?.[0].length ?? 0;
    const body = pattern.slice(0, pattern.length - scale);
    const decimals = body.includes('.') ? (body.split('.')[1] ?? '').length : 0;
    const n = value / 1000 ** scale;
    const fixed = n.toFixed(decimals);
    const [int = '', frac] = fixed.split('.');
    const grouped = body.includes(',') ? int.replace(/\B(?=(\d{3})+(?!\d))/gu, ',') : int;
    out += frac ? `${grouped}.${frac}` : grouped;
  }
  return out;
}
