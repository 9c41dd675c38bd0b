import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assertReport, type ReportInput, report, reportInput, tokens } from '@briefing/content';
import { convertDeck, renderDeckHtml, scaledReport, stressReport } from '@briefing/testkit';
import {
  browserOrReason,
  type Chromium,
  findOverflow,
  launchChromium,
  measureDeck,
  slidesPage,
} from '@briefing/testkit/chromium';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDeck, renderDeck } from '../src/index.js';
import { longTable, maximalTable, reportWithTables } from './table-fixtures.js';

// Browser checks: on CI a missing Chromium fails here (browserOrReason throws); elsewhere the
// suite is skipped with the reason in its name.
const found = browserOrReason();
const executablePath = 'path' in found ? found.path : undefined;
const title = executablePath
  ? 'in headless Chromium'
  : `in headless Chromium (skipped: ${'reason' in found ? found.reason : ''})`;

describe('browser tests on CI', () => {
  it('fail loudly instead of skipping when CI=true and no browser is found', () => {
    expect(() => browserOrReason({ CI: 'true', PATH: '' }, [])).toThrow(/CI=true but no Chromium found/);
    expect(browserOrReason({ PATH: '' }, [])).toEqual({ reason: expect.stringContaining('no Chromium found') });
  });
});

describe.skipIf(!executablePath)(title, () => {
  let chromium: Chromium;
  beforeAll(async () => {
    chromium = await launchChromium(executablePath as string);
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('keeps every box of every slide of the real deck inside its slide', async () => {
    const { slides, problems } = await measureDeck(chromium.browser, renderDeck(report));
    expect(slides).toBe(planDeck(report).slides.length);
    expect(problems).toEqual([]);
  });

  it('keeps the stress deck inside its slides by splitting long content over continuation slides', async () => {
    const stress = stressReport();
    const plan = planDeck(stress).slides;
    const { slides, problems } = await measureDeck(chromium.browser, renderDeck(stress));
    expect(slides).toBe(plan.length);
    expect(problems).toEqual([]);
    // The 40-item list and the long items needed more than one slide each.
    const perSection = (id: string) => plan.filter((s) => s.section === id && s.kind === 'content').length;
    expect(perSection('forty-items')).toBeGreaterThan(1);
    expect(perSection('huge-items')).toBeGreaterThanOrEqual(1);
  });

  it('splits single sentences of thousands of characters (lede, paragraph, items, callout, takeaway, source note) over slides, inside them', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    const sentence = 'and the argument keeps going without ever reaching a full stop '.repeat(60);
    input.sections = [
      {
        id: 'run-on',
        title: 'A run-on paragraph and run-on items',
        lede: `A lede that never ends ${sentence.slice(0, 3000)}`,
        blocks: [
          { type: 'paragraph', text: `A paragraph that never ends ${sentence}` },
          {
            type: 'list',
            intro: `An intro that never ends ${sentence.slice(0, 1500)}`,
            items: [
              { term: 'Run-on', text: `An item that never ends ${sentence.slice(0, 2000)}` },
              {
                text: [{ type: 'text', text: `Bold and never ending ${sentence.slice(0, 1200)}`, emphasis: 'strong' }],
              },
            ],
          },
          { type: 'callout', title: 'Run-on callout', text: `A callout that never ends ${sentence.slice(0, 1800)}` },
        ],
      },
    ];
    input.takeaways = [`A takeaway that never ends ${sentence}`, 'A short one.'];
    input.sources = [
      { ...(input.sources[0] as ReportInput['sources'][number]), note: `A note ${sentence.slice(0, 990)}` },
    ];
    const runOn = assertReport(input);
    const plan = planDeck(runOn).slides;
    expect(plan.filter((s) => s.section === 'run-on' && s.kind === 'content').length).toBeGreaterThan(4);
    expect(plan.filter((s) => s.kind === 'takeaways').length).toBeGreaterThan(1);
    const { slides, problems } = await measureDeck(chromium.browser, renderDeck(runOn));
    expect(slides).toBe(plan.length);
    expect(problems).toEqual([]);
  });

  it('keeps a chart of 24 data points with long labels and a long title inside its slide', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    const section = input.sections.find((s) => s.blocks.some((b) => b.type === 'chart'));
    const chart = section?.blocks.find((b) => b.type === 'chart');
    if (!section || chart?.type !== 'chart') throw new Error('the report has no chart');
    section.title = `${'A chart section title that runs on and on '.repeat(4)}end`;
    chart.title = `${'A chart title that is much too long for one line '.repeat(3)}end`;
    chart.unit = 'million internet users counted by a very particular method'.slice(0, 120);
    chart.source = {
      publisher: `${'A publisher with a long name '.repeat(7)}`.slice(0, 200).trim(),
      title: `${'A source title that goes on '.repeat(8)}`.slice(0, 200).trim(),
      url: `https://example.org/${'long-path-segment/'.repeat(40)}`,
    };
    chart.data = Array.from({ length: 24 }, (_, i) => ({
      label: `${i} ${'Country with a very long name '.repeat(4)}`.slice(0, 119).trim(),
      value: (i + 1) * 97_531.25,
      qualifier: 'about' as const,
      share: (i * 4) % 100,
    }));
    const big = assertReport(input);
    const { slides, problems } = await measureDeck(chromium.browser, renderDeck(big));
    expect(slides).toBe(planDeck(big).slides.length);
    expect(problems).toEqual([]);
  });

  it('keeps a 60-row table inside its slides, split by rows with the header on each', async () => {
    const tables = reportWithTables(longTable(60));
    const plan = planDeck(tables).slides;
    expect(plan.filter((s) => s.kind === 'table' && s.section === 'tables').length).toBeGreaterThan(2);
    const { slides, problems } = await measureDeck(chromium.browser, renderDeck(tables));
    expect(slides).toBe(plan.length);
    expect(problems).toEqual([]);
  });

  it('keeps a table of 600-character cells in six columns (words, bold, unbroken, wide) inside its slides', async () => {
    const tables = reportWithTables(maximalTable());
    const plan = planDeck(tables).slides;
    const { slides, problems } = await measureDeck(chromium.browser, renderDeck(tables));
    expect(slides).toBe(plan.length);
    expect(problems).toEqual([]);
  });

  it('fits a title slide, a section point under its kicker and a divider with every field at its maximum length', async () => {
    const input = structuredClone(reportInput) as ReportInput;
    const words = (n: number, word: string) =>
      word
        .repeat(Math.ceil(n / word.length))
        .slice(0, n)
        .trim();
    input.meta.title = words(200, 'Wordy ');
    input.meta.subtitle = words(200, 'Subtitle ');
    input.meta.organisation = { name: words(200, 'Organisation ') };
    input.meta.authors = Array.from({ length: 6 }, (_, i) => ({ name: words(200, `Author${i} `) }));
    input.meta.basedOn.title = words(200, 'Based ');
    input.meta.basedOn.publisher = words(200, 'Publisher ');
    input.meta.shortTitle = words(60, 'Short ');
    const first = input.sections[0] as ReportInput['sections'][number];
    first.title = words(200, 'Section ');
    first.lede = words(400, 'Lede ');
    first.point = words(200, 'Point ');
    const long = assertReport(input);
    const [titleSlide] = planDeck(long).slides;
    expect(titleSlide?.classes).toContain('dense');
    // Six 200-character names do not fit even the dense scale: the byline counts some, the notes name all.
    expect(titleSlide?.title?.byline.at(-1)).toMatch(/ and \d+ others$/);
    for (const author of long.meta.authors ?? []) expect(titleSlide?.notes.join(' ')).toContain(author.name);
    const { problems } = await measureDeck(chromium.browser, renderDeck(long));
    expect(problems).toEqual([]);
    const withDividers = planDeck(long, { dividers: true }).slides;
    expect(withDividers.filter((s) => s.kind === 'divider')).toHaveLength(long.sections.length);
    const divided = await measureDeck(chromium.browser, renderDeck(long, { dividers: true }));
    expect(divided.problems).toEqual([]);
  });

  it('keeps the ten-times report (80 sections, a split agenda) inside its slides', async () => {
    const big = scaledReport(10);
    const plan = planDeck(big).slides;
    expect(plan.filter((s) => s.kind === 'agenda').length).toBeGreaterThan(1);
    const { slides, problems } = await measureDeck(chromium.browser, renderDeck(big));
    expect(slides).toBe(plan.length);
    expect(problems).toEqual([]);
  });

  it('flags a slide that does overflow (80 bullets through the same engine, no splitter)', async () => {
    const bullets = Array.from({ length: 80 }, (_, i) => `- Bullet number ${i + 1}`).join('\n');
    const markdown = `---\nmarp: true\ntheme: briefing\n---\n\n## Too much\n\n${bullets}\n\n---\n\n## Fine\n\n- one\n`;
    const page = await chromium.browser.newPage();
    try {
      await page.setContent(slidesPage(markdown), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const problems = await findOverflow(page);
      expect(problems.length).toBeGreaterThan(0);
      expect(new Set(problems.map((p) => p.slide))).toEqual(new Set([1]));
    } finally {
      await page.close();
    }
  });

  it('loads the embedded fonts from their data: URLs in the HTML deck', async () => {
    const page = await chromium.browser.newPage();
    try {
      await page.setContent(await renderDeckHtml(report), { waitUntil: 'load' });
      const specs = [
        `700 20px "${tokens.font.serif.family}"`,
        `400 20px "${tokens.font.sans.family}"`,
        `700 20px "${tokens.font.sans.family}"`,
        `italic 400 20px "${tokens.font.sans.family}"`,
      ];
      const result = await page.evaluate(async (specs: string[]) => {
        await document.fonts.ready;
        // The bespoke view draws one slide at a time; load every face, as later slides would.
        const loaded = await Promise.all(specs.map((spec) => document.fonts.load(spec)));
        return {
          check: specs.map((spec) => document.fonts.check(spec)),
          loaded: loaded.map((faces) => faces.map((f) => f.status)),
        };
      }, specs);
      expect(result.check).toEqual([true, true, true, true]);
      // check() is also true for a family with no @font-face at all: the faces must exist and load.
      expect(result.loaded).toEqual(specs.map(() => ['loaded']));
    } finally {
      await page.close();
    }
  });

  it('draws headings in Source Serif 4 Bold and text in Inter, the fonts Chromium really used', async () => {
    const page = await chromium.browser.newPage();
    try {
      await page.setContent(slidesPage(renderDeck(report)), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const cdp = await page.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const used = async (selector: string) => {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        return fonts.map((f) => `${f.postScriptName}${f.isCustomFont ? ' (embedded)' : ''}`);
      };
      expect(await used('section.title h1')).toEqual(['SourceSerif4-Bold (embedded)']);
      expect(await used('section h2')).toEqual(['SourceSerif4-Bold (embedded)']);
      expect(await used('section li')).toEqual(['Inter-Regular (embedded)']);
      expect(await used('section li strong')).toEqual(['Inter-Bold (embedded)']);
    } finally {
      await page.close();
    }
  });

  it('embeds the same fonts in the slides PDF the CLI makes (convertDeck)', async () => {
    const { pdf: bytes } = await convertDeck(renderDeck(report), ['pdf'], {
      browserPath: executablePath as string,
      lang: report.meta.lang,
    });
    const pdf = await PDFDocument.load(bytes!, { updateMetadata: false });
    const fonts = new Set<string>();
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
        const base = object.get(PDFName.of('BaseFont'));
        if (base instanceof PDFName) fonts.add(base.decodeText().replace(/^[A-Z]{6}\+/, ''));
      }
    }
    expect([...fonts].filter((f) => !f.startsWith('Source') && !f.startsWith('Inter'))).toEqual([]);
    expect(fonts).toContain('SourceSerif4-Bold');
    expect(fonts).toContain('Inter-Regular');
    expect(fonts).toContain('Inter-Bold');
  }, 60_000);

  async function axeViolations(html: string) {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const page = await chromium.browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      return await page.evaluate(async () => {
        type Axe = {
          run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
        const result = await (window as unknown as { axe: Axe }).axe.run(document);
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
    } finally {
      await page.close();
    }
  }

  it('reports no serious or critical axe-core violations on the HTML deck', async () => {
    const violations = await axeViolations(await renderDeckHtml(report));
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('reports no serious or critical axe-core violations with every slide visible (contrast of all slides)', async () => {
    const violations = await axeViolations(
      slidesPage(renderDeck(report)).replace('<html>', '<html lang="en-GB"><title>Deck</title>'),
    );
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
