import { report } from '@briefing/content';
import { renderDeck } from '@briefing/slides';
import { describe, expect, it } from 'vitest';
import type { BrowserFormat, DeckConverter } from '../src/browser/marp.js';
import { ALL_FORMATS, FORMATS, type Format } from '../src/edge/formats.js';
import { deckOf, type Produced, produce } from '../src/outputs/outputs.js';

/** A browser that takes the given times: opening the deck, printing the PDF, making the PPTX. */
function browserTaking(times: { open: number; pdf: number; pptx: number }) {
  const calls: BrowserFormat[][] = [];
  const browser: DeckConverter = {
    async convert(_markdown, formats) {
      calls.push([...formats]);
      return {
        pdf: new Uint8Array([1]),
        pptx: new Uint8Array([2]),
        times: { open: times.open, pdf: times.pdf, pptx: times.pptx },
      };
    },
  };
  return { browser, calls };
}

/** The formats made in the browser: its PDF and its PPTX. */
const inBrowser = (as: BrowserFormat): Format => {
  const format = ALL_FORMATS.find((f) => {
    const how = FORMATS[f].produce;
    return how.by === 'browser' && how.as === as;
  });
  if (!format) throw new Error(`no browser format makes ${as}`);
  return format;
};
const slidesPdf = inBrowser('pdf');
const pictures = inBrowser('pptx');

async function all(formats: Parameters<typeof produce>[1], options: Parameters<typeof produce>[2]) {
  const out: Produced[] = [];
  for await (const p of produce(report, formats, options)) out.push(p);
  return out;
}

describe('produce', () => {
  it("gives each browser format its own time, the first one carrying the browser's start, instead of an even split", async () => {
    const { browser, calls } = browserTaking({ open: 900, pdf: 300, pptx: 2100 });
    const out = await all([slidesPdf, pictures], { paper: 'a4', browser });
    expect(out.map((o) => [o.format, o.ms])).toEqual([
      [slidesPdf, 1200],
      [pictures, 2100],
    ]);
    // One conversion for both.
    expect(calls).toEqual([['pdf', 'pptx']]);
    const pptxOnly = await all([pictures], {
      paper: 'a4',
      browser: browserTaking({ open: 900, pdf: 0, pptx: 2100 }).browser,
    });
    expect(pptxOnly.map((o) => [o.format, o.ms])).toEqual([[pictures, 3000]]);
  });

  it('uses the deck it is given (its Markdown) for the Markdown deck and the HTML deck', async () => {
    const given = `${renderDeck(report)}\n---\n\n# A slide only the given Markdown has\n`;
    const deck = { ...deckOf(report), markdown: async () => given };
    const out = await all(['md', 'html'], { paper: 'a4', deck });
    expect(out[0]?.data).toBe(given);
    expect(String(out[1]?.data)).toContain('A slide only the given Markdown has');
  });
});
