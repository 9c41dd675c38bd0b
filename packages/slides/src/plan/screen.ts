import { plainText, type RichText, type Run, toRuns } from '@briefing/content';
import { firstSentence } from '../layout/split.js';

/**
 * What the deck shows of a text: the author's on-screen line when there is one, otherwise the
 * text's first sentence. `notes` is the full text when the screen shows less of it (the
 * presenter's explanation), and empty when the screen shows it all.
 */
export function onScreen(text: RichText, line: RichText | undefined): { runs: Run[]; notes: string[] } {
  if (line !== undefined) {
    const shown = plainText(line);
    const full = plainText(text);
    return { runs: toRuns(line), notes: shown === full ? [] : [full] };
  }
  const short = firstSentence(toRuns(text));
  return { runs: short.runs, notes: short.cut ? [plainText(text)] : [] };
}
