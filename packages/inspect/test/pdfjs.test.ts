// Reading a PDF with @briefing/inspect leaves the process's built-ins as they were: pdfjs-dist's
// legacy build replaces Array.prototype.push, JSON.parse and JSON.stringify with core-js's
// JavaScript versions when it loads (see src/pdfjs.ts). Each case runs in a fresh Node process,
// the only place where pdf.js has not been loaded yet.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/** A PDF of two pages that say "Hello" (its cross-reference table computed, so pdf.js reads it as written). */
const PDF = (() => {
  const text = 'BT /F1 12 Tf 20 50 Td (Hello) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    ...[3, 4].map(
      () =>
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>',
    ),
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
})();

/**
 * In a fresh process: every built-in function there is, then `load` (a module's source that
 * imports pdf.js one way or another and reads a PDF with it), then which of those functions are
 * no longer the same. Returns their names and the PDF's page count.
 */
async function replacedBy(load: string): Promise<{ replaced: string[]; pages: number }> {
  const script = join(mkdtempSync(join(tmpdir(), 'briefing-pdfjs-')), 'probe.mts');
  writeFileSync(
    script,
    `const targets = Object.getOwnPropertyNames(globalThis)
  .filter((n) => /^[A-Z]/u.test(n))
  .map((n) => [n, Object.getOwnPropertyDescriptor(globalThis, n)?.value])
  .filter(([, v]) => typeof v === 'function' || (typeof v === 'object' && v !== null))
  .flatMap(([n, v]) => [[n, v], [n + '.prototype', v.prototype]])
  .filter(([, v]) => typeof v === 'object' || typeof v === 'function');
const before = targets.flatMap(([n, t]) =>
  Reflect.ownKeys(t).flatMap((k) => {
    const d = Object.getOwnPropertyDescriptor(t, k);
    return typeof d?.value === 'function' ? [[n + '.' + String(k), t, k, d.value]] : [];
  }),
);
const bytes = new TextEncoder().encode(${JSON.stringify(PDF)});
${load}
const replaced = before.filter(([, t, k, f]) => Object.getOwnPropertyDescriptor(t, k)?.value !== f).map(([n]) => n);
process.stdout.write(JSON.stringify({ replaced, pages }));
`,
  );
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@briefing/source', '--import', 'tsx', script],
    { cwd: root },
  );
  return JSON.parse(stdout);
}

describe('pdf.js through @briefing/inspect', () => {
  it('leaves every built-in function as it was, once a PDF has been read', async () => {
    const { replaced, pages } = await replacedBy(
      `const { readPdf } = await import('${root}packages/inspect/src/index.ts');
const pages = (await readPdf(bytes)).pageCount;`,
    );
    expect(pages).toBe(2);
    expect(replaced).toEqual([]);
  }, 60_000);

  it('(the check above finds what pdf.js replaces when it is loaded directly)', async () => {
    const { replaced, pages } = await replacedBy(
      `const { getDocument } = await import('${root}node_modules/pdfjs-dist/legacy/build/pdf.mjs');
const pages = (await getDocument({ data: bytes, verbosity: 0 }).promise).numPages;`,
    );
    expect(pages).toBe(2);
    expect(replaced).toEqual(expect.arrayContaining(['Array.prototype.push', 'JSON.stringify']));
  }, 60_000);
});
