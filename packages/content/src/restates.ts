// When one text says again what another says: the rule the PDF's ledes and the deck's lines
// are held to. A lede (or an on-screen line) should add to the paragraph under it, not
// repeat it in other order. The rule is deliberately crude, so anyone can apply it by hand:
// - a text's content words are its words of four letters or more, less stop words and the
//   report's topic words (the words of its title and the countries it names), each cut to
//   its first five letters ("networks" and "network" are both "netwo");
// - two texts restate each other when the one with fewer content words shares half or more
//   of them with the other.

import { openingText } from './fields.js';
import type { Report } from './schema.js';
import { plainText } from './text.js';

/** Words of four letters or more that carry no content of their own. English: the reports' language so far. */
const STOP_WORDS = new Set(
  `about above after again against along also although among another around away because been before being below
between both cannot could does doing done down during each either else even ever every from further have having here
however into itself just less like made make makes many more most much must neither never only onto other others
ours over same several should since some still such than that their theirs them themselves then there these they
this those though through thus under until upon very were what whatever when where whether which while whom whose
will with within without would your yours`.split(/\s+/u),
);

/** A text's words, lower case, apostrophes dropped ("country’s" is one word), any other punctuation a break. */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘ʼ]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const stem = (word: string) => [...word].slice(0, 5).join('');

/** The content words of a text, each cut to its first five letters, topic words aside. */
export function contentWords(text: string, topic: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if ([...w].length < 4 || STOP_WORDS.has(w)) continue;
    const s = stem(w);
    if (!topic.has(s)) out.add(s);
  }
  return out;
}

/**
 * Whether two texts restate each other: the one with fewer content words shares half or
 * more of them with the other. A text with no content words restates nothing.
 */
export function restates(a: string, b: string, topic: ReadonlySet<string> = new Set()): boolean {
  const [x, y] = [contentWords(a, topic), contentWords(b, topic)];
  const [shorter, longer] = x.size <= y.size ? [x, y] : [y, x];
  if (shorter.size === 0) return false;
  let shared = 0;
  for (const w of shorter) if (longer.has(w)) shared++;
  return shared * 2 >= shorter.size;
}

/** Country and region names in a language, from the runtime's own data (Intl), once per language. */
const regionNames = new Map<string, string[]>();
function regions(lang: string): string[] {
  let names = regionNames.get(lang);
  if (!names) {
    const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    const found = new Set<string>();
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const name = display.of(String.fromCharCode(a, b));
        // "Myanmar (Burma)": either name names the country.
        if (name) for (const part of name.split(/\s*[()]\s*/u)) if (part.trim()) found.add(part.trim());
      }
    names = [...found].sort();
    regionNames.set(lang, names);
  }
  return names;
}

/**
 * The report's topic words (stems): the content words of its title and of the countries it
 * names anywhere. Every lede of a report on Myanmar names Myanmar; sharing it says nothing.
 */
export function topicWords(report: Report): Set<string> {
  const all = ` ${words(reportText(report)).join(' ')} `;
  const topic = contentWords(report.meta.title);
  for (const name of regions(report.meta.lang)) {
    const w = words(name);
    if (w.length > 0 && all.includes(` ${w.join(' ')} `)) for (const s of contentWords(name)) topic.add(s);
  }
  return topic;
}

function reportText(report: Report): string {
  const { meta } = report;
  const parts = [meta.title, meta.subtitle ?? '', meta.summary ?? '', ...report.takeaways.map(plainText)];
  for (const s of report.sections) {
    parts.push(s.title, s.lede ? plainText(s.lede) : '');
    for (const block of s.blocks) {
      const under = openingText(block, '', meta.lang);
      if (under) parts.push(under.text);
      if (block.type === 'list') parts.push(...block.items.map((i) => plainText(i.text)));
    }
  }
  return parts.join(' ');
}

export interface Restatement {
  /** Field path of the lede, e.g. `sections[3].lede`. */
  path: string;
  /** Field path of the text it restates, e.g. `sections[3].blocks[0].text`. */
  restates: string;
}

/** Ledes that restate the text under them (their section's first block). */
export function ledeRestatements(report: Report): Restatement[] {
  const topic = topicWords(report);
  const out: Restatement[] = [];
  report.sections.forEach((section, s) => {
    const first = section.blocks[0];
    // What a reader meets first under the lede: its section's first block says which text that is (fields.ts).
    const under = first && openingText(first, `sections[${s}].blocks[0]`, report.meta.lang);
    if (!section.lede || !under) return;
    if (restates(plainText(section.lede), under.text, topic))
      out.push({ path: `sections[${s}].lede`, restates: under.path });
  });
  return out;
}
