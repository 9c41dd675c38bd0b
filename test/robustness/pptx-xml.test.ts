// Every XML part of every PPTX the build makes is well-formed XML 1.0 (checked by a strict
// parser), for the packaged report, the adversarial and stress reports and random reports;
// and the browser that makes it loads nothing from the network or the file system.

import { assertReport, fixedDate, type Report } from '@briefing/content';
import { renderDeck } from '@briefing/slides';
import { deckBrowser, nastyReport, report, richReportArbitrary, seeded, stressReport } from '@briefing/testkit';
import { browserOrReason } from '@briefing/testkit/chromium';
import { deckCsp, refusedLoad } from 'briefing/internal';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';

/** The XML parts of a zip that a strict parser rejects, with its first complaint. */
async function illFormedParts(zipBytes: Uint8Array): Promise<{ part: string; error: string }[]> {
  const problems: { part: string; error: string }[] = [];
  const parts = Object.entries(unzipSync(zipBytes)).filter(([name]) => /\.(xml|rels)$/.test(name));
  expect(parts.length).toBeGreaterThan(0);
  for (const [name, data] of parts) {
    const parser = new SaxesParser({ xmlns: true });
    let error: string | undefined;
    parser.on('error', (e) => {
      error ??= e.message;
    });
    try {
      parser.write(strFromU8(data)).close();
    } catch (e) {
      error ??= (e as Error).message;
    }
    if (error) problems.push({ part: name, error });
  }
  return problems;
}

const browser = browserOrReason();
const browserPath = 'path' in browser ? browser.path : '';

/** One Chromium for every conversion in this file (a conversion that fails starts another). */
const session = browserPath ? await deckBrowser(browserPath) : undefined;
afterAll(() => session?.close());

/** A deck converted as a build converts it (convertDeck), in the file's browser. */
function convertDeck(markdown: string, formats: ('pdf' | 'pptx')[], options: { lang: string; date?: Date }) {
  if (!session) throw new Error('no browser');
  return session.convert(markdown, formats, options);
}

async function pptxOf(r: Report): Promise<Uint8Array> {
  const { pptx } = await convertDeck(renderDeck(r), ['pptx'], { lang: r.meta.lang, date: fixedDate(r.meta.date) });
  return pptx as Uint8Array;
}

describe('well-formed PPTX parts', () => {
  it('the check finds a part that is not well-formed (a control character in a note)', async () => {
    const problems = await illFormedParts(
      zipSync({
        'ppt/notesSlides/notesSlide1.xml': strToU8('<?xml version="1.0"?><p:notes><a:t>bell \u0007</a:t></p:notes>'),
        'ppt/slides/slide1.xml': strToU8('<?xml version="1.0"?><p:sld xmlns:p="urn:p"/>'),
      }),
    );
    expect(problems.map((p) => p.part)).toEqual(['ppt/notesSlides/notesSlide1.xml']);
  });

  describe.skipIf(!browserPath)('made by the build', () => {
    it('parse for the packaged, adversarial and stress reports', async () => {
      for (const [name, r] of [
        ['packaged', report],
        ['adversarial', nastyReport()],
        ['stress', stressReport()],
      ] as const) {
        expect(await illFormedParts(await pptxOf(r)), name).toEqual([]);
      }
    }, 180_000);

    it('parse for random reports', async () => {
      await fc.assert(
        fc.asyncProperty(richReportArbitrary, async (input) => {
          expect(await illFormedParts(await pptxOf(assertReport(input)))).toEqual([]);
        }),
        { ...seeded(3, 7), endOnFailure: true },
      );
    }, 180_000);

    it('stay well-formed even when the Markdown given to the converter holds control characters', async () => {
      const pptx = (
        await convertDeck('---\nmarp: true\n---\n\n# Slide\n\n<!-- # bell \u0007 backspace \u0008 -->\n', ['pptx'], {
          lang: 'en',
        })
      ).pptx as Uint8Array;
      expect(await illFormedParts(pptx)).toEqual([]);
    }, 60_000);
  });
});

describe('the browser loads nothing while converting', () => {
  it("recognises Chromium's reports of the loads it refused", () => {
    expect(refusedLoad('Not allowed to load local resource: file:///etc/hostname')).toBe('file:///etc/hostname');
    expect(
      refusedLoad(
        'Loading the image \'http://127.0.0.1:9/x.png\' violates the following Content Security Policy directive: "img-src data:". The action has been blocked.',
      ),
    ).toBe('http://127.0.0.1:9/x.png');
    expect(refusedLoad('Some other message')).toBeUndefined();
  });

  it("allows only Marp's own inline scripts, by hash", () => {
    const policy = deckCsp('<p>x</p><script>alert(1)</script>');
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]{44}'$/);
    expect(policy).toContain("default-src 'none'");
    expect(deckCsp('<p>no script</p>')).toContain("script-src 'none'");
  });

  for (const markdown of ['![](http://127.0.0.1:9/image.png)', '![bg](http://127.0.0.1:9/background.png)']) {
    it.skipIf(!browserPath)(
      `fails the conversion when the deck holds ${markdown}`,
      async () => {
        const deck = `---\nmarp: true\n---\n\n# Slide\n\n${markdown}\n`;
        await expect(convertDeck(deck, ['pdf'], { lang: 'en' })).rejects.toThrow(
          /the deck asked the browser for http:\/\/127\.0\.0\.1:9\/\w+\.png; a deck must load nothing/,
        );
      },
      60_000,
    );
  }
});
