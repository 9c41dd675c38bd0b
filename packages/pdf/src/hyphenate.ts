// Where a word may take a hyphen at a line end: Liang's TeX patterns from the `hyphen`
// package, for the report's language, with the limits a printed brief keeps.
import { createRequire } from 'node:module';
import type { HyphenationFunctionSync } from 'hyphen';

/**
 * The `hyphen` package's pattern module for a language tag (lower case), by the whole tag
 * first and then by its language subtag. English is British where the region says so and
 * American otherwise; German is the 1996 spelling. Only languages written in an alphabet with
 * capitals are listed: the rules below tell names by their capitals. A language not listed
 * is not hyphenated.
 */
const MODULES: Record<string, string> = {
  en: 'en-us',
  'en-gb': 'en-gb',
  'en-au': 'en-gb',
  'en-ie': 'en-gb',
  'en-in': 'en-gb',
  'en-nz': 'en-gb',
  'en-za': 'en-gb',
  de: 'de-1996',
  el: 'el-monoton',
  mn: 'mn-cyrl',
  sr: 'sr-cyrl',
  'sr-latn': 'sh-latn',
  ...Object.fromEntries(
    'af be bg ca cs cy da es et eu fi fr fur ga gl hr hsb hu ia id is it kmr la lt lv mk nb nl nn no oc pl pms pt rm ro ru sk sl sq sv tk tr uk'
      .split(' ')
      .map((l) => [l, l]),
  ),
};

/** TeX's limits for English: at least two letters before the hyphen and three after it. */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
/** No word shorter than this is hyphenated. */
export const MIN_WORD = 6;

const loaded = new Map<string, HyphenationFunctionSync | null>();
const require = createRequire(import.meta.url);

function hyphenator(lang: string): HyphenationFunctionSync | null {
  const tag = lang.toLowerCase();
  const name = MODULES[tag] ?? MODULES[tag.split('-')[0]!];
  if (!name) return null;
  let fn = loaded.get(name);
  if (fn === undefined) {
    fn = (require(`hyphen/${name}`) as { hyphenateSync: HyphenationFunctionSync }).hyphenateSync;
    loaded.set(name, fn);
  }
  return fn;
}

/** Whether the patterns for `lang` exist, so its text is hyphenated at all. */
export const hyphenates = (lang: string) => hyphenator(lang) !== null;

const caches = new Map<string, Map<string, number[]>>();
const NONE: number[] = [];

/**
 * Where `text` (one word, perhaps with punctuation around it: `“infrastructure,”`) may take a
 * hyphen, as offsets into `text`. None for a word of fewer than six letters, a word with a
 * capital (a name, an acronym, a sentence's first word), a figure or anything else that is
 * not all letters between its punctuation (addresses, e-mail, `don't`). With `limits` off
 * (tests only), any run of five letters or more is hyphenated, capitals and all.
 */
export function hyphenPoints(text: string, lang: string, limits = true): number[] {
  const fn = hyphenator(lang);
  if (!fn) return NONE;
  const key = limits ? lang : `${lang}!`;
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  const known = cache.get(text);
  if (known) return known;
  const match = /^(\P{L}*)(\p{L}+)\P{L}*$/u.exec(text);
  let points = NONE;
  const core = match?.[2];
  if (core && (limits ? core.length >= MIN_WORD && /^\p{Ll}+$/u.test(core) : core.length >= 5)) {
    const syllables = fn(limits ? core : core.toLowerCase(), { hyphenChar: '\u00AD', minWordLength: 5 }).split(
      '\u00AD',
    );
    points = [];
    let at = 0;
    for (const s of syllables.slice(0, -1)) {
      at += s.length;
      if (!limits || (at >= LEFT_MIN && core.length - at >= RIGHT_MIN)) points.push(match[1]!.length + at);
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(text, points);
  return points;
}
