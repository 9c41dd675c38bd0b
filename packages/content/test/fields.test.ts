import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Block,
  type BlockMap,
  blockFields,
  blockProse,
  blockTexts,
  dispatch,
  openingText,
  type Paragraph,
  parseReport,
  type ReportInput,
  report,
  reportInput,
  reportStats,
  type Table,
} from '../src/index.js';

const table: Table = {
  type: 'table',
  caption: 'How the two governments responded',
  columns: [{ header: 'Government' }, { header: 'Response', align: 'left' }],
  rows: [
    [
      'China',
      [
        { type: 'text', text: 'Crackdown on ' },
        { type: 'text', text: 'scam centres', emphasis: 'strong' },
      ],
    ],
    ['India', 'Advisories and rescues'],
  ],
  source: { publisher: 'Talktails', title: 'The growth of networks', url: 'https://talktails.in/' },
};

function problemsWith(edit: (r: ReportInput) => void) {
  const copy = structuredClone(reportInput) as ReportInput;
  edit(copy);
  const result = parseReport(copy);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('the table block', () => {
  it('is accepted in a section, and its text counts', () => {
    const result = parseReport({
      ...reportInput,
      sections: [{ id: 's', title: 'S', blocks: [table] }],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(reportStats(result.report)).toMatchObject({ sections: 1, items: 0, figures: 0, cells: 4 });
  });

  it('names by path a row whose cells do not match the columns, an empty table and an over-long cell', () => {
    const at = 'sections[0].blocks[0]';
    expect(
      problemsWith((r) => {
        r.sections[0]!.blocks[0] = { ...table, rows: [['only one cell'], ...table.rows] };
      }),
    ).toEqual([`${at}.rows[0]: must have 2 cells, one per column (has 1)`]);
    expect(
      problemsWith((r) => {
        r.sections[0]!.blocks[0] = { ...table, rows: [] };
      }),
    ).toEqual([`${at}.rows: must have at least one row`]);
    expect(
      problemsWith((r) => {
        r.sections[0]!.blocks[0] = { ...table, columns: [{ header: 'Alone' }] };
      }),
    ).toContain(`${at}.columns: must have at least two columns`);
    expect(
      problemsWith((r) => {
        r.sections[0]!.blocks[0] = { ...table, rows: [['x'.repeat(601), 'y']] };
      }),
    ).toEqual([`${at}.rows[0][0]: must be at most 600 characters`]);
  });
});

describe('blockFields', () => {
  it('lists every string of a table with its path, role and what the check must find', () => {
    const fields = blockFields(table, 'sections[0].blocks[0]', 'en-GB');
    expect(fields.map((f) => [f.path, f.role, f.text])).toEqual([
      ['sections[0].blocks[0].caption', 'heading', 'How the two governments responded'],
      ['sections[0].blocks[0].columns[0].header', 'label', 'Government'],
      ['sections[0].blocks[0].columns[1].header', 'label', 'Response'],
      ['sections[0].blocks[0].rows[0][0]', 'cell', 'China'],
      ['sections[0].blocks[0].rows[0][1][0].text', 'cell', 'Crackdown on '],
      ['sections[0].blocks[0].rows[0][1][1].text', 'cell', 'scam centres'],
      ['sections[0].blocks[0].rows[1][0]', 'cell', 'India'],
      ['sections[0].blocks[0].rows[1][1]', 'cell', 'Advisories and rescues'],
      ['sections[0].blocks[0].source.publisher', 'label', 'Talktails'],
      ['sections[0].blocks[0].source.title', 'label', 'The growth of networks'],
    ]);
    expect(fields[5]?.emphasis).toBe('strong');
    expect(fields.filter((f) => f.find).map((f) => f.find)).toEqual([
      { kind: 'cell', label: 'Government: China', needle: 'China' },
      { kind: 'cell', label: 'Response: Crackdown on scam centres', needle: 'Crackdown on scam centres' },
      { kind: 'cell', label: 'Government: India', needle: 'India' },
      { kind: 'cell', label: 'Response: Advisories and rescues', needle: 'Advisories and rescues' },
    ]);
  });

  it('marks the dates and numbers the renderers write as generated, in the report language', () => {
    const chart = report.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart') as Block;
    const fields = blockFields(chart, 'c', 'de-DE');
    expect(fields.filter((f) => f.generated).map((f) => f.path)).toEqual([
      'c.data',
      'c.asOf',
      'c.data[0].value',
      'c.data[0].share',
      'c.data[1].value',
      'c.data[1].share',
    ]);
    expect(fields.find((f) => f.path === 'c.asOf')?.text).toBe('as reported by Talktails in Februar 2024');
    expect(fields.find((f) => f.path === 'c.data[0].value')?.text).toBe('about 1 Milliarde internet users');
    expect(fields.find((f) => f.path === 'c.data')?.text).toBe('Share of the population');
  });

  it('gives blockTexts a table as its caption, headers and cells, runs joined', () => {
    expect(blockTexts(table, 'en')).toEqual([
      'How the two governments responded',
      'Government',
      'Response',
      'China',
      'Crackdown on scam centres',
      'India',
      'Advisories and rescues',
      'Talktails',
      'The growth of networks',
    ]);
  });
});

describe('the prose and the opening text a block declares in its fields', () => {
  const list: Block = {
    type: 'list',
    items: [
      {
        term: 'Shan State',
        text: [
          { type: 'text', text: 'Compounds ' },
          { type: 'text', text: 'grew', emphasis: 'em' },
        ],
      },
      { text: 'About 7,000  people were held.', onScreen: 'Thousands held.' },
    ],
  };
  const callout: Block = {
    type: 'callout',
    tone: 'note',
    title: 'In Myawaddy',
    text: 'Raids in 2024.',
    onScreen: 'Raids.',
  };

  it("gives the facts check each prose text once, a term with its item's text, never a deck-only line", () => {
    expect(blockProse(list, 'b', 'en')).toEqual([
      { path: 'b.items[0]', text: 'Shan State: Compounds grew' },
      { path: 'b.items[1]', text: 'About 7,000 people were held.' },
    ]);
    expect(blockProse({ ...list, intro: 'Two places:' }, 'b', 'en')[0]).toEqual({
      path: 'b.intro',
      text: 'Two places:',
    });
    expect(blockProse(callout, 'b', 'en')).toEqual([
      { path: 'b.title', text: 'In Myawaddy' },
      { path: 'b.text', text: 'Raids in 2024.' },
    ]);
    // A chart's figures and a table's cells are checked as such, not as prose.
    const chart = report.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart') as Block;
    expect([...blockProse(chart, 'c', 'en'), ...blockProse(table, 't', 'en')]).toEqual([]);
  });

  it("marks each text the deck shows through an on-screen line with that line's path, given or not", () => {
    const marked = blockFields(list, 'b', 'en').filter((f) => f.screen);
    expect(marked.map((f) => [f.path, f.screen])).toEqual([
      ['b.items[0].text[0].text', 'b.items[0].onScreen'],
      ['b.items[0].text[1].text', 'b.items[0].onScreen'],
      ['b.items[1].text', 'b.items[1].onScreen'],
    ]);
    expect(
      blockFields(callout, 'b', 'en')
        .filter((f) => f.screen || f.only)
        .map((f) => [f.path, f.screen, f.only]),
    ).toEqual([
      ['b.text', 'b.onScreen', undefined],
      ['b.onScreen', undefined, 'deck'],
    ]);
  });

  it('gives the restatement rule the text a reader meets first: an intro, else the first item without its term', () => {
    expect(openingText(list, 'b', 'en')).toEqual({ path: 'b.items[0].text', text: 'Compounds grew' });
    expect(openingText({ ...list, intro: 'Two places:' }, 'b', 'en')).toEqual({ path: 'b.intro', text: 'Two places:' });
    // A callout's title is a heading over it: its text is what is read.
    expect(openingText(callout, 'b', 'en')).toEqual({ path: 'b.text', text: 'Raids in 2024.' });
    expect(openingText(table, 't', 'en')).toBeUndefined();
  });
});

describe('BlockMap', () => {
  const handlers: BlockMap<[], string> = {
    paragraph: (b) => b.type,
    list: (b) => b.type,
    chart: (b) => b.type,
    callout: (b) => b.type,
    table: (b) => `${b.type} of ${b.columns.length} columns`,
  };

  it('dispatches each block to the handler of its type', () => {
    expect(dispatch(handlers, table)).toBe('table of 2 columns');
    expect(dispatch(handlers, { type: 'paragraph', text: 'x' })).toBe('paragraph');
  });

  it('is a compile error without a handler for every block type, or with one for another type', () => {
    // @ts-expect-error: no handler for `table`
    const missing: BlockMap<[], string> = {
      paragraph: (b) => b.type,
      list: (b) => b.type,
      chart: (b) => b.type,
      callout: (b) => b.type,
    };
    const wrong: BlockMap<[], string> = {
      ...handlers,
      // @ts-expect-error: a paragraph's handler cannot handle tables
      table: (b: Paragraph) => String(b.text),
    };
    expectTypeOf(handlers.table).parameter(0).toEqualTypeOf<Table>();
    expect([missing, wrong]).toHaveLength(2);
  });
});
