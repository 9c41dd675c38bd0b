// Chart figures bounded by what every output can label the same way: a value's label fits one
// line of the PDF, the slide and the PPTX chart, and the PPTX chart's spreadsheet shows it
// exactly; a zero is one zero.
import { z } from 'zod';

/**
 * Chart values stay below a thousand trillion: every label of one ("about 999 trillion",
 * "99,999,999,999,999") fits on one line of the PDF, the slide and the PPTX chart, where
 * 1e308 would be a 309-digit label.
 */
export const CHART_VALUE_LIMIT = 1e15;

/**
 * The PPTX chart's labels are its data sheet's cells shown through a number format, and a
 * spreadsheet keeps 15 significant digits at most; LibreOffice already labels some 15-digit
 * figures with two decimals differently (9,999,999,999,999.99 as 10,000,000,000,000.00), so a
 * label may need 14 at most.
 */
export const CHART_VALUE_DIGITS = 14;

/** Digits as formatNumber rounds them (two decimals at most), without grouping, in any language. */
const plainDigits = new Intl.NumberFormat('en', { maximumFractionDigits: 2, useGrouping: false });

/** The significant digits of a value as a chart labels it: 120 has two, 1234.5 five, 0.01 one. */
export function labelDigits(value: number): number {
  return plainDigits.format(Math.abs(value)).replace('.', '').replace(/^0+/u, '').replace(/0+$/u, '').length;
}

/**
 * Zero written as `-0` (JSON allows it) is zero: Intl writes "-0" where a spreadsheet and the
 * deck's JSON write "0", so every output labels it "0" only if the schema says so once.
 */
const unsigned = (n: number) => (n === 0 ? 0 : n);

const FiniteNumber = z
  .number({ error: 'must be a number' })
  .refine((n) => Number.isFinite(n), { message: 'must be a finite number', abort: true });

/** A data point's value: not negative, below CHART_VALUE_LIMIT, with a label of CHART_VALUE_DIGITS digits at most. */
export const ChartValue = FiniteNumber.min(0, { message: 'must not be negative', abort: true })
  .lt(CHART_VALUE_LIMIT, {
    message: 'must be less than 1e15 (a thousand trillion): a larger figure does not fit a chart label',
    abort: true,
  })
  .refine(
    (n) => labelDigits(n) <= CHART_VALUE_DIGITS,
    `must have at most ${CHART_VALUE_DIGITS} significant digits once rounded to two decimals (the PPTX chart's spreadsheet labels no more exactly)`,
  )
  .overwrite(unsigned);

/** A share of the population in per cent, from 0 to 100. */
export const Share = FiniteNumber.refine((n) => n >= 0 && n <= 100, 'must be a percentage from 0 to 100').overwrite(
  unsigned,
);
