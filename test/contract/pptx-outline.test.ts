// The PowerPoint's text in placeholders (issue 22, item 3): outline view shows only the text of
// placeholders, and "Reset slide" puts a placeholder back as its layout has it. Read back from
// the XML: every text-bearing shape but the decorations is a placeholder, each slide's
// placeholders are its layout's (the extra body texts of a slide excepted: PowerPoint keeps
// them as placeholders of their own), and the layouts are named as PowerPoint names its own.
// Each check is shown finding a slide made wrong on purpose.
import { report } from '@briefing/content';
import { type PptxFacts, readPptx } from '@briefing/inspect';
import { renderPptx } from '@briefing/slides';
import { nastyReport } from '@briefing/testkit';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const POWERPOINT_LAYOUTS = ['Title Slide', 'Title and Content', 'Title Only', 'Section Header'];

/** Text-bearing shapes that are not placeholders: text PowerPoint's outline view does not show. */
export function freeText(facts: PptxFacts): string[] {
  return facts.slides.flatMap((slide) =>
    slide.shapes
      .filter((s) => !s.placeholder && s.paragraphs.join('').trim() !== '')
      .map((s) => `slide ${slide.number}: "${s.name}" is a text box`),
  );
}

/** Each slide layout's placeholders, as `type` or `#idx`, by the layout's name. */
export function layoutPlaceholders(bytes: Uint8Array): Map<string, Set<string>> {
  const files = unzipSync(bytes);
  const out = new Map<string, Set<string>>();
  for (const [name, data] of Object.entries(files)) {
    if (!/^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(name)) continue;
    const xml = strFromU8(data);
    const layout = /<p:cSld name="([^"]*)"/u.exec(xml)?.[1] ?? '';
    const keys = [...xml.matchAll(/<p:ph\b([^>]*)\/>/gu)].flatMap(([, attrs]) => phKeys(attrs ?? ''));
    out.set(layout, new Set(keys));
  }
  return out;
}

/** How a placeholder is matched to its layout's: the title kinds and footer trio by type, the others by index. */
function phKeys(attrs: string): string[] {
  const type = /type="([^"]*)"/u.exec(attrs)?.[1];
  const idx = /idx="(\d+)"/u.exec(attrs)?.[1];
  return [...(type ? [type] : []), ...(idx ? [`#${idx}`] : [])];
}

/** Slide placeholders the slide's layout lacks (a slide's further body texts, index 20 on, are its own). */
export function unmatched(bytes: Uint8Array, facts: PptxFacts): string[] {
  const layouts = layoutPlaceholders(bytes);
  const files = unzipSync(bytes);
  return facts.slides.flatMap((slide) => {
    const xml = strFromU8(files[`ppt/slides/slide${slide.number}.xml`] as Uint8Array);
    const has = layouts.get(slide.layout) ?? new Set<string>();
    return [...xml.matchAll(/<p:ph\b([^>]*)\/>/gu)].flatMap(([, attrs]) => {
      const idx = Number(/idx="(\d+)"/u.exec(attrs ?? '')?.[1] ?? 0);
      if (idx >= 20) return [];
      const keys = phKeys(attrs ?? '');
      const type = /type="([^"]*)"/u.exec(attrs ?? '')?.[1];
      const wanted =
        type && ['title', 'ctrTitle', 'ftr', 'sldNum'].includes(type) ? [type] : keys.filter((k) => k.startsWith('#'));
      return wanted.every((k) => has.has(k)) ? [] : [`slide ${slide.number}: <p:ph${attrs}/> not on "${slide.layout}"`];
    });
  });
}

const packaged = await renderPptx(report);
const facts = await readPptx(packaged);

describe('the PowerPoint’s text in placeholders', () => {
  it('uses layouts named as PowerPoint names them', () => {
    expect([...new Set(facts.slides.map((s) => s.layout))].sort()).toEqual(
      expect.arrayContaining(['Title Slide', 'Title and Content']),
    );
    for (const s of facts.slides) expect(POWERPOINT_LAYOUTS).toContain(s.layout);
  });

  it('puts every text but the decorations in a placeholder, for the packaged and the adversarial report', async () => {
    expect(freeText(facts)).toEqual([]);
    const nasty = await renderPptx(nastyReport());
    expect(freeText(await readPptx(nasty))).toEqual([]);
    // The body text is there: each content slide's list is the layout's content placeholder
    // (index 1, no type: obj).
    // (A second list on a slide is a body placeholder of its own.)
    const lists = facts.slides.flatMap((s) => s.shapes.find((sh) => sh.name === 'List') ?? []);
    expect(lists.length).toBeGreaterThan(3);
    expect(lists.every((l) => l.placeholder === 'obj')).toBe(true);
  });

  it('gives each slide the placeholders of its layout: title, body, kicker, footer, slide number', () => {
    expect(unmatched(packaged, facts)).toEqual([]);
    const kinds = facts.slides.flatMap((s) => s.shapes.flatMap((sh) => sh.placeholder ?? []));
    expect(new Set(kinds)).toEqual(new Set(['ctrTitle', 'subTitle', 'title', 'obj', 'body', 'ftr', 'sldNum']));
  });

  it('the checks find a text box and a placeholder its layout lacks', async () => {
    const files = unzipSync(packaged);
    const slide = Object.keys(files).find(
      (n) =>
        /^ppt\/slides\/slide\d+\.xml$/u.test(n) &&
        strFromU8(files[n]!).includes('name="List"') &&
        strFromU8(files[n]!).includes('name="Kicker"'),
    )!;
    const xml = strFromU8(files[slide]!);
    const bad = xml
      .replace(/<p:ph idx="1"\/>/u, '')
      .replace(/<p:ph type="body" sz="quarter" idx="13"\/>/u, '<p:ph type="body" sz="quarter" idx="17"/>');
    const doctored = zipSync({ ...files, [slide]: strToU8(bad) });
    const read = await readPptx(doctored);
    expect(freeText(read)).toEqual([expect.stringContaining('"List" is a text box')]);
    expect(unmatched(doctored, read)).toEqual([expect.stringContaining('idx="17"')]);
  });
});
