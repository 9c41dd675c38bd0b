import { readFileSync } from 'node:fs';
import { openPdf, readPages } from '../test/read-pdf.js';

const doc = await openPdf(new Uint8Array(readFileSync(process.argv[2]!)));
const pages = await readPages(doc);
const p = Number(process.argv[3] ?? 0);
for (const page of pages) if (!p || page.number === p) console.log(page.number, page.text, '\n');
