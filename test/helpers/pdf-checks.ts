// What a LibreOffice rendering of the PPTX must show, checked on the PDF it wrote: every word
// on its page, no two words printed over each other, the report's text on the pages the plan
// gave it, in order, and the headings in the face the deck names.
import { execFileSync } from 'node:child_process';
import { outline, type Report } from '@briefing/content';
import { compact, expectations } from '@briefing/inspect';
import type { DeckPlan } from '@briefing/slides';
import type { PdfPageWords, PdfWord } from './libreoffice.js';

/** Words that lie (by more than a quarter point) outside their page. */
export function outsideWords(pages: readonly PdfPageWords[]): string[] {
  return pages.flatMap((page, i) =>
    page.words
      .filter((w) => w.xMin < -0.25 || w.yMin < -0.25 || w.xMax > page.width + 0.25 || w.yMax > page.height + 0.25)
      .map((w) => `page ${i + 1}: "${w.text}" at [${w.xMin}, ${w.yMin}, ${w.xMax}, ${w.yMax}]`),
  );
}

/**
 * Pairs of words printed over each other: their boxes share more than a quarter of the
 * smaller one's height and a quarter of its width. Two text boxes (or a table and the line
 * under it) that overlap on the page overlap word on word; words of one line only touch, and
 * lines of one paragraph sit a line apart.
 */
export function overlappingWords(pages: readonly PdfPageWords[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, p) => {
    const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < words.length; i++) {
      const a = words[i] as PdfWord;
      for (let j = i + 1; j < words.length; j++) {
        const b = words[j] as PdfWord;
        if (b.yMin >= a.yMax) break;
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        const w = Math.min(a.xMax - a.xMin, b.xMax - b.xMin);
        if (dy > h / 4 && dx > w / 4) problems.push(`page ${p + 1}: "${a.text}" over "${b.text}"`);
      }
    }
  });
  return problems;
}

/**
 * What of the report the converted PDF does not show where the plan put it: each section's
 * title on its section's pages (a kicker cut short with an ellipsis counts for the title it
 * begins), each item, cell and figure on its section's pages in order, a page per slide.
 * `drawn` is the pages' words in the order they are drawn (pdfWords with `drawn`), where a
 * chart's labels and a table's cells are looked for: in reading order a short cell's column
 * runs on into the next row before its tall neighbours (FC_SEED=11's table). Required, so no
 * caller checks cells in reading order by leaving it out.
 */
export function missingText(
  r: Report,
  plan: DeckPlan,
  pages: readonly PdfPageWords[],
  kickers: string[],
  drawn: readonly PdfPageWords[],
): string[] {
  const problems: string[] = [];
  if (pages.length !== plan.slides.length) problems.push(`${pages.length} pages for ${plan.slides.length} slides`);
  const words = (ps: readonly PdfPageWords[]) => ps.map((p) => compact(p.words.map((w) => w.text).join(' ')));
  const text = words(pages);
  const drawnText = words(drawn);
  const entries = outline(r);
  const cursors = new Map<string, number>();
  for (const e of expectations(r)) {
    const id = entries[e.section]?.id;
    const span = plan.slides.flatMap((s, i) => (s.section === id ? [i] : []));
    const hay = span.map((i) => text[i] ?? '').join('\u0000');
    if (e.kind === 'section') {
      const cut = span.map((i) => compact(kickers[i] ?? '')).find((k) => k.endsWith('...'));
      const found = hay.includes(e.needle) || (cut !== undefined && e.numbered?.startsWith(cut.slice(0, -3)));
      if (!found) problems.push(`section "${e.label}" not on its pages`);
      cursors.clear();
      continue;
    }
    if (e.kind === 'figure') {
      // A chart's labels and figures are separate texts of the chart: each on the section's
      // pages, as drawn (in reading order a bar's figure may sit between its label's lines).
      const chart = span.map((i) => drawnText[i] ?? '').join('\u0000');
      // A bar's label may be cut with an ellipsis where more label lines than the plot holds
      // would print over each other (chart-axis.ts): its start must show, ended so.
      const shown = (t: string) =>
        chart.includes(t) || [...t].some((_, n) => n > 0 && chart.includes(`${t.slice(0, n)}...`));
      if (!(chart.includes(e.needle) && (e.with ?? []).every(shown)))
        problems.push(`figure "${e.label}" not on its pages`);
      continue;
    }
    // A table's cells in the order the page draws them: LibreOffice draws a table row by row,
    // each cell whole, where reading order (pdftotext's flow of text blocks) may go down a
    // column of short cells into the next row before it reads the tall cell beside them.
    const within = e.kind === 'cell' ? span.map((i) => drawnText[i] ?? '').join('\u0000') : hay;
    const needle = e.screen ?? e.needle;
    const at = within.indexOf(needle, cursors.get(e.kind) ?? 0);
    if (at < 0) problems.push(`${e.kind} "${e.label}" not on its section's pages in order`);
    else cursors.set(e.kind, at + needle.length);
  }
  return problems;
}

/** Each page's runs of text with the font family they are set in (pdftohtml -xml). */
export function pdfFontRuns(pdf: string): { text: string; family: string }[][] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const families = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]*)"/gu)].map(([, id, family]) => [id, family ?? '']),
  );
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/gu)].map(([, body]) =>
    [...(body ?? '').matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/gu)].map(([, id, inner]) => ({
      text: (inner ?? '')
        .replace(/<[^>]+>/gu, '')
        .replace(/&amp;/gu, '&')
        .replace(/&#39;|&apos;/gu, "'"),
      family: families.get(id ?? '') ?? '',
    })),
  );
}

/**
 * Slides whose heading is not set in a face matching `face` (a family name pattern): the
 * heading's first planned line must be found on its page in runs of that face only.
 */
export function headingsNotIn(
  plan: DeckPlan,
  runs: readonly { text: string; family: string }[][],
  face: RegExp,
): string[] {
  const problems: string[] = [];
  plan.slides.forEach((slide, i) => {
    if (slide.kind === 'title') return;
    const first = compact(slide.headingLines?.[0] ?? slide.heading).slice(0, 12);
    const page = runs[i] ?? [];
    const hits = page.filter((r) => {
      const t = compact(r.text);
      return t.length >= Math.min(8, first.length) && (first.startsWith(t.slice(0, 12)) || t.startsWith(first));
    });
    // The first such run on the page: the heading is above the slide's body.
    const hit = hits[0];
    if (!hit) problems.push(`page ${i + 1}: heading "${slide.heading}" not found`);
    else if (!face.test(hit.family)) problems.push(`page ${i + 1}: heading "${slide.heading}" in ${hit.family}`);
  });
  return problems;
}

/**
 * Slides whose heading LibreOffice did not break where the plan did: the heading's words,
 * found in the page's reading order, must sit on as many lines as the plan has, each line
 * holding the planned line's words.
 */
export function headingBreakProblems(plan: DeckPlan, pages: readonly PdfPageWords[]): string[] {
  const problems: string[] = [];
  plan.slides.forEach((slide, i) => {
    const planned = slide.headingLines;
    if (!planned) return;
    const words = pages[i]?.words ?? [];
    const want = compact(planned.join(' '));
    // The first run of words on the page that spells the heading.
    let taken: PdfWord[] | undefined;
    for (let k = 0; k < words.length && !taken; k++) {
      const run: PdfWord[] = [];
      let text = '';
      for (let j = k; j < words.length && want.startsWith(text) && text.length < want.length; j++) {
        const word = words[j] as PdfWord;
        run.push(word);
        text += compact(word.text);
      }
      if (text === want) taken = run;
    }
    if (!taken) {
      problems.push(`page ${i + 1}: heading "${planned.join(' / ')}" not found`);
      return;
    }
    const lines: PdfWord[][] = [];
    for (const word of taken) {
      const line = lines.find((l) => Math.abs((l[0] as PdfWord).yMin - word.yMin) < 2);
      if (line) line.push(word);
      else lines.push([word]);
    }
    const shown = lines.map((l) => l.map((w) => w.text).join(' '));
    if (shown.length !== planned.length || shown.some((l, k) => compact(l) !== compact(planned[k] ?? '')))
      problems.push(`page ${i + 1}: heading shown as "${shown.join(' / ')}", planned "${planned.join(' / ')}"`);
  });
  return problems;
}
