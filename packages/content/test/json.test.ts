import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';

// Run the real build step (the same script `npm run build` runs) into a temp folder.
const out = mkdtempSync(join(tmpdir(), 'briefing-json-'));
execFileSync(
  process.execPath,
  ['--conditions=@briefing/source', '--import', 'tsx', 'packages/content/scripts/emit-json.ts', out],
  {
    cwd: join(import.meta.dirname, '../../..'),
  },
);
const reportJson = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
const schemaJson = JSON.parse(readFileSync(join(out, 'report.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schemaJson);

describe('report.json and report.schema.json', () => {
  it('report.json validates against report.schema.json (ajv)', () => {
    expect(validate(reportJson), JSON.stringify(validate.errors)).toBe(true);
  });

  it('report.json round-trips through the zod schema', () => {
    expect(parseReport(reportJson).ok).toBe(true);
    expect(reportJson.$schema).toBe('./report.schema.json');
  });

  it('the JSON Schema rejects what the zod schema rejects', () => {
    const broken = structuredClone(reportJson);
    broken.sections[3].blocks[0].items = [];
    broken.sections[0].unexpected = true;
    broken.sources[0].url = 'javascript:alert(1)';
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/sections/3/blocks/0/items');
    expect(paths).toContain('/sections/0');
  });

  it('the JSON Schema requires dates in ISO form', () => {
    const broken = structuredClone(reportJson);
    broken.meta.date = '25/11/2026';
    expect(validate(broken)).toBe(false);
    broken.meta.date = '2026-02-30';
    expect(validate(broken)).toBe(false);
  });

  it('the JSON Schema rejects every character the zod schema rejects, so editors flag them too', () => {
    for (const bad of [
      'bell \u0007',
      'escape \u001b[31m',
      'next line \u0085',
      'override \u202e',
      'isolate \u2066x',
      'half \ud83d',
      'zero\u200bwidth',
      'end \uffff',
      'an emoji 😀',
      'Arabic مرحبا',
    ]) {
      const broken = structuredClone(reportJson);
      broken.sections[2].title = bad;
      expect(validate(broken), JSON.stringify(bad)).toBe(false);
      expect((validate.errors ?? []).map((e) => e.instancePath)).toContain('/sections/2/title');
    }
    const fine = structuredClone(reportJson);
    fine.sections[2].title = 'Greek Ελλάδα, Cyrillic Мьянма, Vietnamese Đà Nẵng, “quotes” – €';
    fine.sections[2].lede = 'Two\r\nlines\tand a tab';
    expect(validate(fine), JSON.stringify(validate.errors)).toBe(true);
  });
});
