import type { BlockType } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { callout } from '../src/plan/blocks/callout.js';
import { chart } from '../src/plan/blocks/chart.js';
import { handlers, type SlideHandlers } from '../src/plan/blocks/index.js';
import { list } from '../src/plan/blocks/list.js';
import { paragraph } from '../src/plan/blocks/paragraph.js';
import { table } from '../src/plan/blocks/table.js';

// Type tests: `npm run typecheck` (tsc over src and test) fails if a handler map missing a
// block type, or giving a block type another type's handler, ever compiles.

// @ts-expect-error: no handler for tables
const missingTable: SlideHandlers = { paragraph, list, callout, chart };

// @ts-expect-error: the table handler takes a Paragraph
const wrongTable: SlideHandlers = { paragraph, list, callout, chart, table: paragraph };

const complete: SlideHandlers = { paragraph, list, callout, chart, table };

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
