// Build step: writes dist/report.json and dist/report.schema.json next to the compiled
// module. Runs as `node dist/emit-json.js <outDir>` from the package's build script.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { report } from './index.js';
import { reportJsonSchema, reportToJson } from './json.js';

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const outDir = process.argv[2] ?? 'dist';
writeAtomic(join(outDir, 'report.json'), reportToJson(report));
writeAtomic(join(outDir, 'report.schema.json'), `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
