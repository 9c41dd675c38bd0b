import { z } from 'zod';
import { type Report, ReportSchema } from './schema.js';

/** The JSON Schema of a report as an author writes it (draft 2020-12), for editors and non-TypeScript users. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://briefing.invalid/report.schema.json',
    title: 'Briefing report',
    description:
      'A policy briefing held as data: metadata, key takeaways, sections of typed blocks, and sources. Also checked by the @briefing/content zod schema, which adds cross-field rules (unique ids).',
  };
}

/** A report as stable, pretty JSON text (key order as in the schema, trailing newline). */
export function reportToJson(report: Report, schemaRef = './report.schema.json'): string {
  const { $schema: _ignored, ...rest } = report;
  return `${JSON.stringify({ $schema: schemaRef, ...rest }, null, 2)}\n`;
}
