import { foldSpace, plainText, report, type Table } from '@briefing/content';
import { NASTY } from '@briefing/testkit';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BriefingMarp, type DeckSlide, planDeck } from '../src/index.js';
import { HTML_METRICS } from '../src/layout/faces.js';
import { withMetrics } from '../src/layout/measure.js';
import { table as metrics } from '../src/layout/metrics.js';
import { columnWidths, layoutTable, rowRoom } from '../src/layout/table-layout.js';
import { slideMarkdown } from '../src/markdown/markdown.js';
import { rowSentence } from '../src/plan/blocks/table.js';
import { longTable, maximalTable, reportWithTables } from './table-fixtures.js';

/** The slides of the tables of the `tables` section, each rendered through the deck's engine and read back. */
function tableSlides(plan: DeckSlide[]) {
  const marp = new BriefingMarp();
  return plan
    .filter((s) => s.kind === 'table' && s.section === 'tables')
    .map((s) => {
      const { html } = marp.render(`---\nmarp: true\n---\n\n${slideMarkdown(s, 'en')}`);
      const { document } = parseHTML(`<html><body>${html}</body></html>`);
      const section = document.querySelector('section') as Element;
      const text = (e: Element) => foldSpace(e.textContent ?? '');
      return {
        slide: s,
        section,
        heading: text(section.querySelector('h2') as Element),
        tables: section.querySelectorAll('table').length,
        headers: [...section.querySelectorAll('thead th')].map(text),
        rows: [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text)),
        cells: [...section.querySelectorAll('tbody td')],
      };
    });
}

const cellText = (cell: Table['rows'][number][number]) => foldSpace(plainText(cell));

describe('a table on slides', () => {
  it('is a <table> with a <th> per column and a <td> per cell, every character literal', () => {
    const nasty = [...NASTY];
    const columns = nasty.slice(0, 3).map((header) => ({ header }));
    const rows: Table['rows'] = Array.from({ length: Math.ceil(nasty.length / 3) }, (_, r) =>
      [0, 1, 2].map((c) => nasty[(r * 3 + c) % nasty.length] as string),
    );
    rows.push(['pipes | in \\| text |', [{ type: 'link', text: 'a | link', href: 'https://example.org/a|b' }], 'x']);
    const plan = planDeck(reportWithTables({ caption: `Caption ${NASTY[1]} |`, columns, rows })).slides;
    const slides = tableSlides(plan);
    expect(slides.length).toBeGreaterThan(0);
    const seen: string[][] = [];
    for (const s of slides) {
      expect(s.tables).toBe(1);
      expect(s.headers).toEqual(columns.map((c) => c.header));
      expect(s.heading.startsWith(`Caption ${NASTY[1]} |`)).toBe(true);
      seen.push(...s.rows);
      // Nothing the author wrote became markup: only the table, its links and the heading.
      for (const tag of [
        'script',
        'img',
        'style',
        'em',
        'strong',
        'code',
        'ul',
        'ol',
        'blockquote',
        'hr',
        'h1',
        'del',
      ]) {
        expect(s.section.querySelector(tag), tag).toBeNull();
      }
    }
    expect(seen).toEqual(rows.map((row) => row.map(cellText)));
    const link = slides.at(-1)?.section.querySelector('td a');
    expect(link?.getAttribute('href')).toBe('https://example.org/a%7Cb');
  });

  it('splits 60 rows over several slides, each with the header, every row once, in order, none split', () => {
    const table = longTable(60);
    const plan = planDeck(reportWithTables(table)).slides;
    const slides = tableSlides(plan);
    expect(slides.length).toBeGreaterThan(2);
    const all: string[][] = [];
    slides.forEach((s, i) => {
      expect(s.headers).toEqual(['Row', 'Description', 'Amount']);
      expect(s.heading).toBe(i === 0 ? table.caption : `${table.caption} (continued)`);
      expect(s.rows.length).toBeGreaterThan(1);
      for (const row of s.rows) expect(row).toHaveLength(3);
      all.push(...s.rows);
      // The notes: the heading, then each row on the slide as a sentence.
      expect(s.slide.notes[0]).toBe(s.heading);
      expect(s.slide.notes.slice(1)).toEqual(
        s.rows.map((row) => `Row: ${row[0]}; Description: ${row[1]?.replace(/\.$/, '')}; Amount: ${row[2]}.`),
      );
      expect(s.section.textContent).toContain('Source: Test publisher, “Test data”. example.org');
    });
    expect(all).toEqual(table.rows.map((row) => row.map(cellText)));
  });

  it('comes right after the section’s first content slide', () => {
    const plan = planDeck(reportWithTables(longTable(3))).slides;
    const kinds = plan.filter((s) => s.section === 'tables').map((s) => s.kind);
    expect(kinds).toEqual(['content', 'table']);
  });

  it('passes each column’s alignment to its header and cells', () => {
    const plan = planDeck(
      reportWithTables({
        caption: 'Aligned',
        columns: [
          { header: 'L', align: 'left' },
          { header: 'C', align: 'center' },
          { header: 'R', align: 'right' },
          { header: 'D' },
        ],
        rows: [['l', 'c', 'r', 'd']],
      }),
    ).slides;
    const [s] = tableSlides(plan);
    const styles = [...(s?.section.querySelectorAll('tr') ?? [])].map((tr) =>
      [...tr.children].map((cell) => cell.getAttribute('style')),
    );
    const expected = ['text-align:left', 'text-align:center', 'text-align:right', null];
    expect(styles).toEqual([expected, expected]);
  });

  it('reads each row out as "Header: cell; Header: cell."', () => {
    const columns = [{ header: 'Country' }, { header: 'Response' }, { header: 'Note' }];
    expect(rowSentence(columns, ['China', 'Crackdowns, with many arrests.', 'Haphazard'])).toBe(
      'Country: China; Response: Crackdowns, with many arrests; Note: Haphazard.',
    );
    expect(rowSentence(columns, ['India', [{ type: 'text', text: 'Hardening', emphasis: 'strong' }], 'Works?'])).toBe(
      'Country: India; Response: Hardening; Note: Works?',
    );
  });
});

describe('the table layout rule', () => {
  it('shares the width in proportion to content, at least half an equal share, in whole steps adding up to 100', () => {
    const widths = columnWidths({ ...longTable(10), type: 'table' });
    expect(widths.reduce((a, b) => a + b, 0)).toBe(100);
    for (const w of widths) {
      expect(w % metrics.widthStep).toBe(0);
      expect(w).toBeGreaterThanOrEqual(Math.floor(100 / 6 / metrics.widthStep) * metrics.widthStep);
    }
    expect(widths[1]).toBeGreaterThan(widths[0] as number);
    expect(widths[1]).toBeGreaterThan(widths[2] as number);
  });

  it('sets a table at full size when it can, and shrinks 600-character cells only as far as their rows need', () => {
    expect(layoutTable({ ...longTable(60), type: 'table' }, 40).fontSize).toBe(metrics.size);
    const block = { ...maximalTable(), type: 'table' as const };
    const layout = layoutTable(block, 100);
    expect(layout.fontSize).toBeGreaterThanOrEqual(metrics.minSize);
    expect(layout.fontSize).toBeLessThan(metrics.size);
    const room = rowRoom(block.caption, layout.headerHeight, 100);
    for (const height of layout.rowHeights) expect(height).toBeLessThanOrEqual(room(1));
    expect(layout.slides.flat()).toEqual(block.rows.map((_, i) => i));
  });

  it('sets a table smaller, down to the one-slide size, when that at least halves its continuation slides', () => {
    // The briefing's table in the body area of a 4:3 template at the deck's own type sizes
    // (8.8 by 5.8 in): at full size its three long rows took a slide each.
    const block = report.sections.flatMap((s) => s.blocks).find((b) => b.type === 'table');
    if (block?.type !== 'table') throw new Error('fixture moved');
    const narrow = { ...HTML_METRICS, room: { width: 844.8, height: 556.8, slideHeight: 720 } };
    const layout = withMetrics(narrow, () => layoutTable(block, 70, 30));
    expect(layout.slides.length).toBe(2);
    expect(layout.fontSize).toBeGreaterThanOrEqual(metrics.oneSlideSize);
    expect(layout.fontSize).toBeLessThan(metrics.size);
    // A long table keeps its size: a slide fewer of many is no reason to shrink it.
    expect(layoutTable({ ...longTable(60), type: 'table' }, 40).fontSize).toBe(metrics.size);
  });
});
