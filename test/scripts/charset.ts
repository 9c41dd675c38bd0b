// Writes the content package's charset (the characters every output draws) from the real fonts:
//   npm run charset
// Run it after changing a font package or the subsets the deck embeds, and commit the result.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@briefing/testkit';
import { charsetModule, drawnEverywhere } from '../helpers/charset.js';

const file = join(repoRoot, 'packages/content/src/charset.ts');
const charset = drawnEverywhere();
writeFileSync(file, charsetModule(charset));
console.log(`wrote ${file}: ${charset.ranges.length} ranges`);
