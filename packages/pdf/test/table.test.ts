import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertReport,
  plainText,
  type Report,
  type ReportInput,
  report,
  reportInput,
  type Table,
} from '@briefing/content';
import { normalise, openPdf, type PageText, readPages, readPdf } from '@briefing/inspect';
import { beforeAll, describe, expect, it } from 'vitest';
import { geometry, renderPdf } from '../src/index.js';
import { textOutsideFrame } from './layout-checks.js';

/** The structure tree as poppler prints it (with attributes such as /Scope). */
function structText(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'briefing-table-')), 'table.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The lines of the structure dump of the `Table` element whose first header is `header`. */
function tableDump(struct: string, header: string): string[] {
  const lines = struct.split('\n');
  const depth = (l: string) => l.length - l.trimStart().length;
  for (const [start, line] of lines.entries()) {
    if (!/^\s*Table\b/.test(line)) continue;
    const end = lines.findIndex((l, i) => i > start && l.trim() !== '' && depth(l) <= depth(line));
    const dump = lines.slice(start, end < 0 ? undefined : end);
    if (dump.some((l) => l.includes(`"${header}"`))) return dump;
  }
  throw new Error(`no table with the header "${header}" in the structure tree`);
}

/** The text of a structure dump: its quoted strings, joined. */
const dumpText = (dump: string[]) =>
  dump
    .flatMap((l) => [...l.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? ''))
    .map(normalise)
    .join('')
    .replace(/\s+/g, '');

const tablesOf = (r: Report) => r.sections.flatMap((s) => s.blocks).filter((b): b is Table => b.type === 'table');
const squash = (s: string) => normalise(s).replace(/\s+/g, '');

/** The packaged report with a 60-row table (some rows several lines tall) appended to a section. */
function longTableReport(): Report {
  const input = structuredClone(reportInput) as ReportInput;
  input.sections[1]!.blocks.push({
    type: 'table',
    caption: 'Sixty rows',
    columns: [{ header: 'Name' }, { header: 'Detail' }, { header: 'Amount', align: 'right' }],
    rows: Array.from({ length: 60 }, (_, i) => [
      `Row ${i + 1}`,
      i % 7 === 0
        ? `Detail ${i + 1}, long enough to wrap over several lines of its column in the table`
        : `Detail ${i + 1}`,
      `${(i + 1) * 1000} units`,
    ]),
  });
  return assertReport(input);
}

describe('the table in the PDF', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderPdf(report);
  });

  it('is tagged Table > TR > TH (scope Column) / TD, one TR per row plus the header, every cell in its TD', () => {
    const table = tablesOf(report)[0] as Table;
    const dump = tableDump(structText(pdf), table.columns[0]?.header as string);
    const count = (role: string) => dump.filter((l) => new RegExp(`^\\s*${role}\\b`).test(l)).length;
    expect(count('TR')).toBe(table.rows.length + 1);
    expect(count('TH')).toBe(table.columns.length);
    expect(dump.filter((l) => /\/Scope \/Column/.test(l))).toHaveLength(table.columns.length);
    expect(count('TD')).toBe(table.rows.length * table.columns.length);
    const text = dumpText(dump);
    for (const column of table.columns) expect(text).toContain(squash(column.header));
    for (const row of table.rows) for (const cell of row) expect(text).toContain(squash(plainText(cell)));
  });

  it('shows its caption, headers and every cell, each cell whole in reading order', async () => {
    const pages = await readPages(await openPdf(pdf));
    const all = squash(pages.map((p) => p.text).join(''));
    const table = tablesOf(report)[0] as Table;
    expect(all).toContain(squash(`Table 1. ${table.caption}`));
    let from = 0;
    for (const row of table.rows)
      for (const cell of row) {
        const at = all.indexOf(squash(plainText(cell)), from);
        expect(at, plainText(cell)).toBeGreaterThan(-1);
        from = at;
      }
  });

  describe('a table longer than a page', () => {
    let pages: PageText[];
    let struct: string;
    beforeAll(async () => {
      const long = await renderPdf(longTableReport());
      pages = await readPages(await openPdf(long));
      struct = structText(long);
    });

    const rowsOn = (page: PageText) => [...page.text.matchAll(/Row (\d+)\b/g)].map((m) => Number(m[1]));

    it('repeats the header row at the top of every page it continues on, and never splits a row', () => {
      const spanned = pages.filter((p) => rowsOn(p).length > 0);
      expect(spanned.length).toBeGreaterThan(1);
      for (const page of spanned) {
        const header = page.text.indexOf('Name Detail Amount');
        expect(header, `page ${page.number}`).toBeGreaterThan(-1);
        expect(header, `page ${page.number}`).toBeLessThan(page.text.indexOf(`Row ${rowsOn(page)[0]}`));
        // A row is whole on its page: its detail and amount are there too.
        for (const n of rowsOn(page)) {
          expect(page.text, `row ${n} on page ${page.number}`).toContain(`${n * 1000} units`);
          expect(page.text).toContain(`Detail ${n}`);
        }
      }
      expect(spanned.flatMap(rowsOn)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    });

    it('tags the header once: the repeats are page artifacts', () => {
      const dump = tableDump(struct, 'Name');
      expect(dump.filter((l) => /^\s*TH\b/.test(l))).toHaveLength(3);
      expect(dump.filter((l) => /^\s*TR\b/.test(l))).toHaveLength(61);
    });
  });

  // Found by the random-report generator: a 600-character cell in one of six columns makes
  // a row taller than the frame, and a row that never splits ran off the foot of its page.
  describe('a row taller than a page', () => {
    // Words too wide for two to share a line of the column, so each takes a line of its own.
    const words = (tag: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${tag}${String(i + 1).padStart(3, '0')}${tag}${tag}`).join(' ');
    // 75 words in 599 characters, in one of six columns: 75 lines.
    const cell = words('w', 75);
    let pages: PageText[];
    beforeAll(async () => {
      const input = structuredClone(reportInput) as ReportInput;
      input.sections[1]!.blocks.push({
        type: 'table',
        caption: 'Tall row',
        columns: ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((header) => ({ header })),
        rows: [
          ['First', 'a', 'b', 'c', 'd', 'e'],
          ['Tall', cell, words('x', 60), words('y', 60), words('z', 60), words('v', 60)],
          ['Last', 'f', 'g', 'h', 'i', 'j'],
        ],
      });
      pages = await readPages(await openPdf(await renderPdf(assertReport(input))));
    });

    it('splits the row by its lines: no text past the foot, every word once in order', () => {
      expect(pages.flatMap((p) => textOutsideFrame(p, geometry('a4')))).toEqual([]);
      const all = pages.map((p) => p.text).join(' ');
      let from = all.indexOf('Tall row');
      for (const word of [...cell.split(' '), 'Last']) {
        const at = all.indexOf(word, from);
        expect(at, word).toBeGreaterThan(-1);
        from = at;
      }
    });

    it('draws each cell in one piece a page, so that its text reads whole there', () => {
      const spanned = pages.filter((p) => /w\d{3}ww/.test(p.text));
      expect(spanned.length).toBeGreaterThan(1);
      for (const page of spanned) {
        const from = page.text.search(/w\d{3}ww/);
        const to = page.text.lastIndexOf('ww');
        expect(page.text.slice(from, to), `page ${page.number}`).not.toMatch(/x\d{3}xx/);
      }
    });

    it('repeats the caption (continued) and the header row above the row continued on a new page', () => {
      const continued = pages.filter((p) => p.text.includes('w070ww'));
      const head = continued[0]!.text;
      expect(head).toContain('Table');
      expect(head.indexOf('Tall row (continued)')).toBeGreaterThan(-1);
      expect(head.indexOf('One Two Three Four Five Six')).toBeLessThan(head.indexOf('w070ww'));
    });

    it('reads a header cell "-" where the header row is repeated: not taken for a line-end hyphen', async () => {
      // The repeated header is drawn as artifacts, as a line-end hyphen is; a cell that is
      // only a hyphen, in the first or the last column, must still read as the page shows it.
      const input = structuredClone(reportInput) as ReportInput;
      input.sections[1]!.blocks.push({
        type: 'table',
        caption: 'Tall row',
        columns: ['-', 'Two', 'Three', 'Four', 'Five', '-'].map((header) => ({ header })),
        rows: [
          ['First', 'a', 'b', 'c', 'd', 'e'],
          ['Tall', cell, words('x', 60), words('y', 60), words('z', 60), words('v', 60)],
        ],
      });
      const facts = await readPdf(await renderPdf(assertReport(input)));
      const continued = facts.pages.filter((p) => p.includes('Tall row (continued)'));
      expect(continued.length).toBeGreaterThan(0);
      for (const page of continued) expect(page).toContain('Tall row (continued) - Two Three Four Five -');
    });
  });
});
