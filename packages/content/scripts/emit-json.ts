// Build step, not shipped: writes dist/report.json and dist/report.schema.json from the
// compiled package. Runs after tsc in the package's build script:
//   node --import tsx scripts/emit-json.ts dist
// `@briefing/content` resolves to this package's own dist/ there (no source condition).
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { report, reportJsonSchema, reportToJson } from '@briefing/content';

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const outDir = process.argv[2] ?? 'dist';
writeAtomic(join(outDir, 'report.json'), reportToJson(report));
writeAtomic(join(outDir, 'report.schema.json'), `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
