import { report, tokens } from '@briefing/content';
import { renderDeckHtml } from '@briefing/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { themeCss } from '../src/index.js';
import { DECK_FACES, fontFaceCss } from '../src/layout/fonts.js';

interface FaceRule {
  family: string;
  style: string;
  weight: string;
  src: string;
  range: string;
}

/** The `@font-face` rules of a style sheet, descriptors unquoted. */
function faceRules(css: string): FaceRule[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body = '']) => {
    const get = (name: string) => new RegExp(`${name}:\\s*((?:url\\([^)]*\\)|[^;])+);`).exec(body)?.[1]?.trim() ?? '';
    return {
      family: get('font-family').replace(/^['"]|['"]$/g, ''),
      style: get('font-style'),
      weight: get('font-weight'),
      src: get('src'),
      range: get('unicode-range'),
    };
  });
}

/** The first family of every `font-family` declaration outside `@font-face` rules. */
function familiesUsed(css: string): Set<string> {
  const rules = css.replace(/@font-face\s*\{[^}]*\}/g, '');
  return new Set(
    [...rules.matchAll(/font-family:\s*([^;]+);/g)].map(([, stack = '']) =>
      (stack.split(',')[0] ?? '').trim().replace(/^['"]|['"]$/g, ''),
    ),
  );
}

describe('fontFaceCss', () => {
  const faces = faceRules(fontFaceCss());

  it('embeds every subset of every face the deck draws as a WOFF2 data: URL with its subset’s unicode-range', () => {
    expect(faces).toHaveLength(DECK_FACES.flatMap((f) => f.subsets).length);
    for (const face of faces) {
      expect(face.src).toMatch(/^url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\('woff2'\)$/);
      expect(face.range).toMatch(/^U\+[0-9A-F]+(-[0-9A-F]+)?(,U\+[0-9A-F]+(-[0-9A-F]+)?)*$/);
      // The WOFF2 signature, so the browser gets a font and not an error page or a pointer file.
      const data = Buffer.from(/base64,([^)]+)\)/.exec(face.src)?.[1] ?? '', 'base64');
      expect(data.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
  });

  it('covers Basic Latin, Latin Extended-A, Greek and Cyrillic in every face', () => {
    const covers = (family: string, style: string, weight: string, cp: string) =>
      faces.some(
        (f) =>
          f.family === family &&
          f.style === style &&
          f.weight === weight &&
          f.range.split(',').some((r) => {
            const [lo = '', hi = lo] = r.slice(2).split('-');
            return (
              Number.parseInt(lo, 16) <= Number.parseInt(cp, 16) && Number.parseInt(cp, 16) <= Number.parseInt(hi, 16)
            );
          }),
      );
    for (const { family, style, weight } of DECK_FACES) {
      const face = `${family} ${weight} ${style}`;
      for (const [cp, char] of [
        ['0041', 'A'],
        ['0141', 'Ł'],
        ['03B9', 'ι'],
        ['0434', 'д'],
        ['1EA1', 'ạ'],
      ])
        expect(covers(family, style, String(weight), cp as string), `${face} ${char}`).toBe(true);
    }
  });

  it('is the same string on every call (the theme, and so every deck, is deterministic)', () => {
    expect(fontFaceCss()).toBe(fontFaceCss());
    expect(themeCss()).toBe(themeCss());
    expect(themeCss()).toContain(fontFaceCss());
  });

  // Latin alone was about 250 KB; Greek, Cyrillic and Vietnamese in every face add about 220 KB.
  it('adds less than 480 KB to the theme', () => {
    expect(Buffer.byteLength(fontFaceCss())).toBeLessThan(480 * 1024);
  });
});

describe('the HTML deck’s fonts', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderDeckHtml(report);
  }, 60_000);

  it('has @font-face rules for the families, weights and styles the theme uses', () => {
    const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    const faces = faceRules(css);
    expect(familiesUsed(themeCss())).toEqual(new Set([tokens.font.serif.family, tokens.font.sans.family]));
    for (const family of familiesUsed(themeCss())) expect(faces.map((f) => f.family)).toContain(family);
    const has = (family: string, style: string, weight: number) =>
      faces.some((f) => f.family === family && f.style === style && f.weight === String(weight));
    expect(has(tokens.font.serif.family, 'normal', 700)).toBe(true); // headings
    expect(has(tokens.font.sans.family, 'normal', 400)).toBe(true); // body
    expect(has(tokens.font.sans.family, 'normal', 700)).toBe(true); // strong
    expect(has(tokens.font.sans.family, 'italic', 400)).toBe(true); // em
    // Once: the bespoke template does not repeat the theme.
    expect(faces).toHaveLength(faceRules(fontFaceCss()).length);
  });

  it('keeps the fallback stacks after the embedded families', () => {
    expect(html).toContain(`'${tokens.font.sans.family}', 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif`);
    expect(html).toContain(`'${tokens.font.serif.family}', 'Liberation Serif', Georgia, 'DejaVu Serif', serif`);
  });
});
