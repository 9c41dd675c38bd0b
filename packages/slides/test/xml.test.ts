// The package pass's XML editing (pptx/xml.ts): a part parsed and written back is the same
// text, byte for byte; an edit changes its own element and nothing else; an author's text is
// text, whatever it looks like.
import { assertReport, escapeXml, type Report, type ReportInput, reportInput } from '@briefing/content';
import { describe, expect, it } from 'vitest';
import { buildPresentation } from '../src/pptx/build.js';
import { renderPptx } from '../src/pptx/index.js';
import { PptxPassError } from '../src/pptx/pass.js';
import { fragment, XmlPart } from '../src/pptx/xml/read.js';
import { readZip } from '../src/pptx/zip.js';
import { planDeck } from '../src/render.js';

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

describe('a part parsed for the package pass', () => {
  it('is written back byte for byte, every part of pptxgenjs’s package, when nothing changed', async () => {
    const { report } = await import('@briefing/content');
    const { pres } = buildPresentation(planDeck(report));
    const parts = readZip((await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array).filter(
      (p) => /\.(xml|rels)$/u.test(p.name),
    );
    expect(parts.length).toBeGreaterThan(40);
    for (const { name, data } of parts)
      expect(new XmlPart(decode(data), { part: name }).toString(), name).toBe(decode(data));
  });

  it('keeps what it does not change as written: quotes, entities, spacing, comments, CDATA, the declaration', () => {
    const xml =
      "<?xml version='1.0'?>\n<!-- made by hand -->\n<r a='1' b=\"x &amp; &apos;y&apos;\">\n  <s  k = 'v'/><t>a &lt;b&gt; <![CDATA[<c>]]></t>\r\n</r >\n";
    const part = new XmlPart(xml, { part: 'p' });
    expect(part.toString()).toBe(xml);
    // One attribute set: that tag alone is written afresh, in one form; the rest is as it was.
    part.root.set('b', 'z');
    expect(part.toString()).toBe(xml.replace(`<r a='1' b="x &amp; &apos;y&apos;">`, `<r a='1' b="z">`));
    // A change under an element writes its tag as it was.
    part.root.first('s')?.set('k', '<w>', { first: true });
    expect(part.toString()).toContain(`<s k="&lt;w&gt;"/><t>a &lt;b&gt; <![CDATA[<c>]]></t>\r\n</r >`);
    expect(part.root.first('t')?.inside()).toBe('a &lt;b&gt; <![CDATA[<c>]]>');
  });

  it('adds, orders, removes and replaces elements and attributes where it is told', () => {
    const part = new XmlPart('<r><a x="1" y="2"/><b/><c>t</c></r>', { part: 'p' });
    const { root } = part;
    root
      .first('a')
      ?.set('w', '0', { first: true })
      .set('v', '9', { before: ['y'] })
      .unset('x');
    root.first('b')?.insert(fragment('<i/>text'));
    root.first('c')?.replace(fragment('<d/><e/>'));
    root.first('d')?.before(fragment('<z/>'));
    root.first('e')?.after(fragment('<f q="&quot;"/>'));
    root.first('z')?.remove();
    root.first('f')?.order(['q']);
    expect(part.toString()).toBe('<r><a w="0" v="9" y="2"/><b><i/>text</b><d/><e/><f q="&quot;"/></r>');
    expect(root.all('i').map((el) => el.parent?.name)).toEqual(['b']);
    expect(root.first('f')?.attr('q')).toBe('"');
  });

  it('is an error naming the part when it is not well-formed, or when what the pass needs is not there once', () => {
    expect(() => new XmlPart('<r><a></r>', { part: 'ppt/slides/slide9.xml' })).toThrow(PptxPassError);
    expect(() => new XmlPart('<r a="1" a="2"/>', { part: 'ppt/slides/slide9.xml' })).toThrow(
      /slide9\.xml unlike this pass expects \(well-formed XML/u,
    );
    const part = new XmlPart('<r><a/><a/></r>', { part: 'p.xml' });
    expect(() => part.root.need('a', part.place)).toThrow(/p\.xml .*exactly one <a>, found 2/u);
    expect(() => part.root.need('b', part.place, 'b element')).toThrow(/exactly one b element, found 0/u);
  });
});

describe('the package pass on an author’s text', () => {
  const withText = (text: string): Report => {
    const input = structuredClone(reportInput) as ReportInput;
    input.sections[0]?.blocks.push({ type: 'paragraph', text });
    return assertReport(input);
  };
  /** The chart parts and workbooks pptxgenjs names for a report now (its counter moves on with each). */
  const madeNames = async (report: Report) => {
    const { pres } = buildPresentation(planDeck(report));
    const raw = readZip((await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array);
    return raw.map((p) => p.name).filter((n) => /^ppt\/(charts\/chart\d+\.xml|embeddings\/.+\.xlsx)$/u.test(n));
  };

  it('leaves text alone that looks like the markup and the part names the pass edits', async () => {
    // pptxgenjs numbers chart parts with a counter that outlives a render; the pass numbers
    // them from 1 in part names and references only. Text naming the parts pptxgenjs is about
    // to make is text, and so is text that looks like the elements the pass edits.
    const peek = await madeNames(withText('x'));
    const charts = peek.filter((n) => n.includes('/charts/')).length;
    expect(charts).toBeGreaterThan(0);
    const next = peek.map((n) => (n.split('/').pop() as string).replace(/\d+/u, (k) => String(Number(k) + charts)));
    expect(next.some((n) => /^chart1\.xml$/u.test(n))).toBe(false);
    const text = `Parts: ${next.join(', ')}; markup: <a:rPr lang="en-US"/> <a:buSzPct val="100000"/><a:buChar char="x"/> <p:cNvPr id="7"/> lang="en-US" <a:latin typeface="Inter"/>.`;
    const parts = readZip(await renderPptx(withText(text)));
    expect(parts.map((p) => p.name)).toContain('ppt/charts/chart1.xml');
    // The slides' text, their lines (runs split at a break) joined.
    const shown = parts
      .filter((p) => /^ppt\/slides\/slide\d+\.xml$/u.test(p.name))
      .flatMap((p) => [...decode(p.data).matchAll(/<a:t>([^<]*)<\/a:t>/gu)].map((m) => m[1]))
      .join(' ')
      .replace(/\s+/gu, ' ');
    expect(shown).toContain(escapeXml(text));
  });
});
