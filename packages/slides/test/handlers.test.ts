import type { BlockType } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { callout } from '../src/plan/blocks/callout.js';
import { chart, chartElement } from '../src/plan/blocks/chart.js';
import { type BlockElementDefs, blockElements, handlers, type SlideHandlers } from '../src/plan/blocks/index.js';
import { list } from '../src/plan/blocks/list.js';
import { paragraph } from '../src/plan/blocks/paragraph.js';
import { table, tableElement } from '../src/plan/blocks/table.js';

// Type tests: `npm run typecheck` (tsc over src and test) fails if a handler map missing a
// block type, or giving a block type another type's handler, ever compiles.

// @ts-expect-error: no handler for tables
const missingTable: SlideHandlers = { paragraph, list, callout, chart };

// @ts-expect-error: the table handler takes a Paragraph
const wrongTable: SlideHandlers = { paragraph, list, callout, chart, table: paragraph };

const complete: SlideHandlers = { paragraph, list, callout, chart, table };

// @ts-expect-error: no definition of the table element
const missingTableElement: BlockElementDefs = { chart: chartElement };

// @ts-expect-error: the table element defined by the chart's definition
const wrongTableElement: BlockElementDefs = { chart: chartElement, table: chartElement };

describe('the slides’ block handlers', () => {
  it('have one handler per block type', () => {
    const types: BlockType[] = ['paragraph', 'list', 'callout', 'chart', 'table'];
    expect(Object.keys(handlers).sort()).toEqual([...types].sort());
    expect(complete).toEqual(handlers);
    // The maps the compiler must refuse are wrong at run time too, as their comments say.
    expect(Object.keys(missingTable).sort()).toEqual(types.filter((t) => t !== 'table').sort());
    expect(wrongTable.table).toBe(handlers.paragraph);
    expect(wrongTable.table).not.toBe(handlers.table);
  });
});

describe('the elements of a block type’s own', () => {
  it('have one definition each, its own', () => {
    expect(Object.keys(blockElements).sort()).toEqual(['chart', 'table']);
    expect(blockElements).toEqual({ chart: chartElement, table: tableElement });
    expect(Object.keys(missingTableElement)).toEqual(['chart']);
    expect(wrongTableElement.table).not.toBe(blockElements.table);
  });
});
