// Paragraphs read back from a rendered PDF, line by line, for the typesetting checks (runts,
// hyphenation). The tagged structure, read with qpdf, gives every text element's marked
// content in reading order across pages; pdf.js gives each page's text with its position
// and whether it is marked as an artifact. Together: each paragraph's lines as drawn, which
// lines end in a hyphen drawn as an artifact, and each word broken across lines (a Span whose
// ActualText is the whole word). The checks take this plain data, so each can be shown to
// catch a bad paragraph as well as to pass on real output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPdf } from '@briefing/inspect';

export interface ReadLine {
  page: number;
  /** Baseline, from the top of the page. */
  y: number;
  x: number;
  right: number;
  text: string;
  /** The line ends in a hyphen drawn as an artifact: a word broken by hyphenation. */
  hyphen: boolean;
}

export interface ReadParagraph {
  /** Structure roles from the root down to the paragraph's element ("Document/Sect/P"). */
  path: string;
  lines: ReadLine[];
}

export interface BrokenWord {
  /** The Span's ActualText: the word as it reads. */
  word: string;
  /** The text of the Span's marked content: the drawn halves, without the hyphen. */
  halves: string[];
  pages: number[];
  path: string;
}

export interface Readback {
  paragraphs: ReadParagraph[];
  words: BrokenWord[];
  /** Text that is neither tagged content nor an artifact (PDF/UA allows none). */
  untagged: string[];
}

/** Elements whose content is text set as lines: paragraphs, list item bodies, cells, headings. */
const BLOCKS = new Set(['P', 'LBody', 'TD', 'TH', 'H1', 'H2', 'H3']);

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  hyphenAfter: boolean;
}

type Obj = Record<string, unknown>;

/** The structure tree of `bytes` as qpdf reads it: elements with roles, ActualText and their kids. */
function objects(bytes: Uint8Array): { objs: Record<string, { value: unknown }>; pages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-lines-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const json = JSON.parse(
      execFileSync('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', file], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      }),
    ) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value: unknown }>] };
    return { objs: json.qpdf[1], pages: json.pages.map((p) => p.object) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : '');

/** Read every paragraph's lines and every hyphenated word back from a PDF. */
export async function readParagraphs(bytes: Uint8Array): Promise<Readback> {
  const { objs, pages } = objects(bytes);
  const get = (ref: string) => objs[`obj:${ref}`]?.value as Obj | undefined;
  const pageNumber = (ref: unknown) => pages.indexOf(String(ref)) + 1;

  // Text items per page and marked-content id, in content order.
  const items = new Map<string, Item[]>();
  const untagged: string[] = [];
  const doc = await openPdf(bytes);
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = (page.view as number[])[3]!;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: { tag: string | null; mcid: number | null }[] = [];
      let previous: Item | undefined;
      for (const raw of content.items) {
        if ('type' in raw) {
          if (raw.type === 'endMarkedContent') stack.pop();
          else {
            // pdf.js gives the tag too, though its types do not say so.
            const { tag } = raw as { tag?: string };
            const id = /_mc(\d+)$/.exec(raw.id ?? '');
            stack.push({ tag: tag ?? null, mcid: id ? Number(id[1]) : null });
          }
          continue;
        }
        if (!('str' in raw) || !raw.str) continue;
        const [, , , , e, f] = raw.transform as number[];
        const item: Item = { str: raw.str, x: e!, y: height - f!, width: raw.width, hyphenAfter: false };
        if (stack.some((m) => m.tag === 'Artifact')) {
          const adjacent =
            previous && Math.abs(previous.y - item.y) < 0.5 && Math.abs(previous.x + previous.width - item.x) < 1;
          if (/^[-\u2010]$/u.test(item.str) && previous && adjacent) previous.hyphenAfter = true;
          continue;
        }
        const mcid = [...stack].reverse().find((m) => m.mcid !== null)?.mcid;
        if (mcid === undefined || mcid === null) {
          untagged.push(`page ${n}: "${item.str}"`);
          continue;
        }
        const key = `${n}:${mcid}`;
        items.set(key, [...(items.get(key) ?? []), item]);
        previous = item;
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }

  const paragraphs: ReadParagraph[] = [];
  const words: BrokenWord[] = [];
  /** Marked content of an element's subtree, in order, as [page, mcid]. */
  const marked = (elem: Obj, page: number): [number, number][] => {
    const out: [number, number][] = [];
    const own = elem['/Pg'] ? pageNumber(elem['/Pg']) : page;
    const kids = Array.isArray(elem['/K']) ? elem['/K'] : elem['/K'] === undefined ? [] : [elem['/K']];
    for (const kid of kids) {
      if (typeof kid === 'number') out.push([own, kid]);
      else if (typeof kid === 'string') {
        const child = get(kid);
        if (child) out.push(...marked(child, own));
      } else if (kid && typeof kid === 'object') {
        const k = kid as Obj;
        if (k['/Type'] === '/MCR') out.push([k['/Pg'] ? pageNumber(k['/Pg']) : own, k['/MCID'] as number]);
      }
    }
    return out;
  };
  const visit = (elem: Obj, path: string, page: number) => {
    const role = String(elem['/S'] ?? '').replace(/^\//, '');
    const here = path ? `${path}/${role}` : role;
    const own = elem['/Pg'] ? pageNumber(elem['/Pg']) : page;
    if (role === 'Span' && elem['/ActualText'] !== undefined) {
      const parts = marked(elem, own);
      words.push({
        word: text(elem['/ActualText']),
        halves: parts.map(([p, m]) => (items.get(`${p}:${m}`) ?? []).map((i) => i.str).join('')),
        pages: parts.map(([p]) => p),
        path: here,
      });
    }
    if (BLOCKS.has(role)) {
      const lines: ReadLine[] = [];
      for (const [p, m] of marked(elem, own)) {
        for (const item of items.get(`${p}:${m}`) ?? []) {
          const last = lines[lines.length - 1];
          if (last && last.page === p && Math.abs(last.y - item.y) < 0.5) {
            last.text += item.str;
            last.right = Math.max(last.right, item.x + item.width);
            last.hyphen = item.hyphenAfter;
          } else {
            lines.push({
              page: p,
              y: item.y,
              x: item.x,
              right: item.x + item.width,
              text: item.str,
              hyphen: item.hyphenAfter,
            });
          }
        }
      }
      if (lines.length > 0) paragraphs.push({ path: here, lines });
    }
    const kids = Array.isArray(elem['/K']) ? elem['/K'] : [elem['/K']];
    for (const kid of kids) {
      if (typeof kid !== 'string') continue;
      const child = get(kid);
      if (child?.['/S']) visit(child, here, own);
    }
  };
  const trailer = (objs.trailer?.value ?? {}) as Obj;
  const catalog = get(String(trailer['/Root']));
  const root = get(String(catalog?.['/StructTreeRoot']));
  const top = root?.['/K'];
  for (const kid of Array.isArray(top) ? top : [top]) {
    const elem = typeof kid === 'string' ? get(kid) : undefined;
    if (elem) visit(elem, '', 0);
  }
  return { paragraphs, words, untagged };
}

/** Whether a paragraph is a heading (no runt rule for it, no hyphenation in it). */
export const isHeading = (p: { path: string }) => /(^|\/)(H[1-6]|TH)$/.test(p.path);

/**
 * Paragraphs (list items, callouts, cells) of two lines or more whose last line is one word
 * narrower than a fifth of the paragraph's widest line: a runt.
 */
export function runts(paragraphs: readonly ReadParagraph[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    if (isHeading(p) || p.lines.length < 2) continue;
    const last = p.lines[p.lines.length - 1]!;
    const measure = Math.max(...p.lines.map((l) => l.right - l.x));
    const word = last.text.trim();
    if (!/\s/u.test(word) && last.right - last.x < measure / 5)
      out.push(`page ${last.page}, ${p.path}: "…${p.lines[p.lines.length - 2]!.text.slice(-30)}" / "${word}"`);
  }
  return out;
}

/**
 * Hyphenation that breaks the rules: in a heading or link, in a word of fewer than six
 * letters, a name (a capital) or a figure, more than two hyphenated lines in a row, a hyphen
 * before a paragraph's last line or at the foot of a page, or a broken word whose pieces do
 * not make the word it reads as.
 */
export function hyphenationProblems(read: Readback): string[] {
  const out: string[] = [];
  for (const p of read.paragraphs) {
    const at = (i: number) => `page ${p.lines[i]!.page}, ${p.path}: "…${p.lines[i]!.text.slice(-30)}-"`;
    let run = 0;
    p.lines.forEach((line, i) => {
      if (!line.hyphen) {
        run = 0;
        return;
      }
      run++;
      if (isHeading(p)) out.push(`${at(i)}: a heading is hyphenated`);
      if (run > 2) out.push(`${at(i)}: ${run} hyphenated lines in a row`);
      if (i === p.lines.length - 2) out.push(`${at(i)}: hyphen before the last line`);
      if (i === p.lines.length - 1) out.push(`${at(i)}: the last line ends in a hyphen`);
      const next = p.lines[i + 1];
      if (next && next.page !== line.page) out.push(`${at(i)}: a word broken across pages`);
    });
  }
  for (const w of read.words) {
    const where = `${w.path}: "${w.word}"`;
    const letters = w.word.replace(/\P{L}/gu, '');
    if (/\/(Link|H[1-6]|TH)(\/|$)/u.test(w.path)) out.push(`${where}: hyphenated in a link or heading`);
    if (letters.length < 6) out.push(`${where}: a word of fewer than six letters is hyphenated`);
    if (/\p{Lu}/u.test(w.word)) out.push(`${where}: a name (a capitalised word) is hyphenated`);
    if (/\p{N}/u.test(w.word)) out.push(`${where}: a figure is hyphenated`);
    if (w.halves.map((h) => h.trim()).join('') !== w.word) out.push(`${where}: drawn as ${JSON.stringify(w.halves)}`);
  }
  return out;
}
