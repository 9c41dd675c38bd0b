// The checks on a LibreOffice rendering, on pages written by hand: what they must find and
// what they must report, without LibreOffice.
import { planPptx } from '@briefing/slides';
import { craftedReport } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { missingText } from './pdf-checks.js';

/** One section holding one table: a short cell beside a tall one, then a row of short cells. */
const report = craftedReport([
  {
    id: 'berths',
    title: 'Crowded berths',
    point: 'Most dock accidents happen at crowded berths',
    blocks: [
      {
        type: 'table',
        caption: 'Accidents by berth',
        columns: [{ header: 'Berth' }, { header: 'What happened' }],
        rows: [
          ['North', 'Forklifts reversing into walkers on a crowded quay, three times in one winter'],
          ['South', 'Nothing'],
        ],
      },
    ],
  },
]);
const plan = planPptx(report);
const table = plan.slides.findIndex((s) => s.kind === 'table');

/** A page per slide, each with the section's title, the table's slide with `words` as well. */
function pages(words: string[]) {
  return plan.slides.map((_, i) => ({
    width: 960,
    height: 540,
    words: ['Crowded', 'berths', ...(i === table ? words : [])].map((text) => ({
      text,
      xMin: 10,
      yMin: 10,
      xMax: 20,
      yMax: 20,
    })),
  }));
}

const header = ['Berth', 'What', 'happened'];
const tall = 'Forklifts reversing into walkers on a crowded quay, three times in one winter'.split(' ');
// As LibreOffice draws the table: row by row, each cell whole.
const drawn = pages([...header, 'North', ...tall, 'South', 'Nothing']);
// As pdftotext reads it: down the short first column into the next row, then the tall cell.
const read = pages([...header, 'North', 'South', ...tall, 'Nothing']);

describe('missingText', () => {
  it('finds a table slide that holds the table', () => {
    expect(table).toBeGreaterThan(0);
  });

  it('takes a table’s cells in the order they are drawn, not the order they are read', () => {
    expect(missingText(report, plan, read, [], drawn)).toEqual([]);
  });

  it('reports cells drawn out of order, or missing', () => {
    const swapped = pages([...header, 'South', 'Nothing', 'North', ...tall]);
    expect(missingText(report, plan, read, [], swapped)).toEqual([
      'cell "Berth: South" not on its section\'s pages in order',
      'cell "What happened: Nothing" not on its section\'s pages in order',
    ]);
    const lost = pages([...header, 'North', ...tall, 'South']);
    expect(missingText(report, plan, read, [], lost)).toEqual([
      'cell "What happened: Nothing" not on its section\'s pages in order',
    ]);
  });
});
