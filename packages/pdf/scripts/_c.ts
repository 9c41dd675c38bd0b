import { report } from '@briefing/content';
import { compact, expectations } from '../../cli/src/check/coverage.js';
import { readPdf } from '../../cli/src/check/pdf.js';
import { renderPdf } from '../src/index.js';

const pdf = await readPdf(await renderPdf(report));
console.log(pdf.destinations);
pdf.pages.forEach((p, i) => console.log(i + 1, p.slice(0, 400), '\n'));
