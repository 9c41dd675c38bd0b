import { readFileSync } from 'node:fs';
import { openPdf, readPages } from '../test/read-pdf.js';

const doc = await openPdf(new Uint8Array(readFileSync(process.argv[2]!)));
const pages = await readPages(doc);
const page = pages[Number(process.argv[3]) - 1]!;
for (const i of page.items)
  console.log(JSON.stringify(i.str), i.x.toFixed(1), i.y.toFixed(1), i.width.toFixed(1), i.size.toFixed(1));
