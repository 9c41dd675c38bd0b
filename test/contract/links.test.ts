// Links and keywords as every output writes them: a report whose sources carry nasty but valid
// links (queries with & and &amp;, %-escapes, an international host, mailto with a subject,
// fragments, ports, parentheses) and keywords with punctuation is built with the real
// `briefing build`; the PDF's URI actions, the HTML deck's <a href> and the PPTX's relationship
// Targets are read back from the files, and each must be the href the schema stored, byte for
// byte. The keywords must come back from each output's list of them as the report's keywords.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertReport, type Report, type ReportInput, reportInput } from '@briefing/content';
import { readDeckHtml, readPdf, readPptx } from '@briefing/inspect';
import { freshDir } from '@briefing/testkit';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../helpers/artifacts.js';

/** Valid links as an author might write them; the schema stores each in its canonical spelling. */
export const NASTY_LINKS = [
  'https://example.org/search?q=a&b=c&amp;d=e',
  'https://example.org/a%20b/%C3%A9?x=%2F&y=%26#frag',
  'https://bücher.example/straße?q=ü#ä',
  'mailto:editor@example.org?subject=Briefing%20feedback&body=a%26b',
  'https://example.org:8443/path/(paren)/x?k=v#section-2',
  'HTTPS://Example.ORG/a/../b/./c',
  'https://example.org/a|b^c{d}',
  'http://192.0.2.1:8080/x;y=1',
  "https://example.org/it's*ok!$,;=+@:~",
  'https://example.org/a_(b)',
];

const KEYWORDS = ['R&D', '"quoted"', '<b>bold</b>', 'Cybersécurité', 'India–Myanmar', "it's", 'white \t  space'];

function linksReport(): Report {
  const input = structuredClone(reportInput) as ReportInput;
  input.sources = NASTY_LINKS.map((url, i) => ({
    id: `link-${i + 1}`,
    publisher: 'Publisher',
    title: `Link ${i + 1}`,
    url,
  }));
  input.meta.keywords = KEYWORDS;
  input.meta.basedOn.url = NASTY_LINKS[0];
  const chart = input.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
  if (chart?.type !== 'chart') throw new Error('fixture moved');
  chart.source.url = NASTY_LINKS[4];
  return assertReport(input);
}

/** Every link the report holds (link runs' hrefs and every url), as the schema stored them. */
function hrefsOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) hrefsOf(v, out);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'href' || key === 'url') && typeof v === 'string') out.add(v);
      else hrefsOf(v, out);
    }
  return out;
}

describe('links and keywords in every output', () => {
  const report = linksReport();
  const stored = report.sources.map((s) => s.url ?? '');
  const all = hrefsOf(report);
  const got: Record<'pdf' | 'deck' | 'pptx', string[]> = { pdf: [], deck: [], pptx: [] };
  const keywords: Record<'pdf' | 'deck' | 'pptx', string> = { pdf: '', deck: '', pptx: '' };

  beforeAll(async () => {
    const file = join(freshDir(), 'report.json');
    writeFileSync(file, JSON.stringify(report));
    const { dir, code, stderr } = await build(['--input', file, '--format', 'pdf,html,pptx', '--quiet']);
    if (code !== 0) throw new Error(`briefing build failed (${code}): ${stderr}`);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(dir, 'briefing.pdf'))));
    got.pdf = pdf.links.flatMap((l) => (l.uri === undefined ? [] : [l.uri]));
    keywords.pdf = String(pdf.info.Keywords ?? '');
    const html = readFileSync(join(dir, 'slides.html'), 'utf8');
    got.deck = readDeckHtml(html).slides.flatMap((s) => s.links.map((l) => l.href));
    keywords.deck = parseHTML(html).document.querySelector('meta[name="keywords"]')?.getAttribute('content') ?? '';
    const pptx = new Uint8Array(readFileSync(join(dir, 'slides.pptx')));
    got.pptx = (await readPptx(pptx)).slides.flatMap((s) => s.links.map((l) => l.href));
    const core = strFromU8(unzipSync(pptx)['docProps/core.xml'] ?? new Uint8Array());
    keywords.pptx = parseHTML(core ?? '').document.querySelector('cp\\:keywords, keywords')?.textContent ?? '';
  }, 120_000);

  it('stores each link in its canonical spelling', () => {
    expect(stored).toEqual([
      'https://example.org/search?q=a&b=c&amp;d=e',
      'https://example.org/a%20b/%C3%A9?x=%2F&y=%26#frag',
      'https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC#%C3%A4',
      'mailto:editor@example.org?subject=Briefing%20feedback&body=a%26b',
      'https://example.org:8443/path/(paren)/x?k=v#section-2',
      'https://example.org/b/c',
      'https://example.org/a%7Cb%5Ec%7Bd%7D',
      'http://192.0.2.1:8080/x;y=1',
      "https://example.org/it's*ok!$,;=+@:~",
      'https://example.org/a_(b)',
    ]);
  });

  it.each(['pdf', 'deck', 'pptx'] as const)(
    'the %s links to each of them, and to nothing the report does not hold',
    (output) => {
      for (const href of stored) expect(got[output], href).toContain(href);
      expect(got[output].filter((href) => !all.has(href))).toEqual([]);
    },
  );

  it('stores each keyword with its white space folded', () => {
    expect(report.meta.keywords.at(-1)).toBe('white space');
  });

  it.each(['pdf', 'deck', 'pptx'] as const)('the %s lists the keywords as the report holds them', (output) => {
    expect(keywords[output].split(/[,;]/u).map((k) => k.trim())).toEqual(report.meta.keywords);
  });
});
