// The document's metadata pass: the Info dictionary, an XMP packet with the PDF/UA
// identification, and the catalog's language and viewer preferences.
import { escapeXml, isoSeconds } from '@briefing/content';
import type { PDFDocument } from 'pdf-lib';
import type { SlidesPdfAccessibility } from './options.js';
import { name } from './pdf-objects.js';

/** Text of an XMP packet: PDF/UA identification plus Dublin Core, XMP basic and PDF properties. */
export function xmpPacket(
  fields: Pick<SlidesPdfAccessibility, 'title' | 'lang' | 'date' | 'authors' | 'subject' | 'keywords'> & {
    producer?: string | undefined;
    creatorTool?: string | undefined;
  },
): string {
  const x = escapeXml;
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${x(value)}</rdf:li></rdf:Alt>`;
  const list = (kind: 'Seq' | 'Bag', values: readonly string[]) =>
    `<rdf:${kind}>${values.map((v) => `<rdf:li>${x(v)}</rdf:li>`).join('')}</rdf:${kind}>`;
  const iso = fields.date ? isoSeconds(fields.date) : undefined;
  const lines = [
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:language>${list('Bag', [fields.lang])}</dc:language>`,
    fields.authors?.length ? `<dc:creator>${list('Seq', fields.authors)}</dc:creator>` : '',
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    fields.keywords?.length ? `<dc:subject>${list('Bag', fields.keywords)}</dc:subject>` : '',
    fields.keywords?.length ? `<pdf:Keywords>${x(fields.keywords.join(', '))}</pdf:Keywords>` : '',
    fields.producer ? `<pdf:Producer>${x(fields.producer)}</pdf:Producer>` : '',
    fields.creatorTool ? `<xmp:CreatorTool>${x(fields.creatorTool)}</xmp:CreatorTool>` : '',
    iso ? `<xmp:CreateDate>${iso}</xmp:CreateDate>` : '',
    iso ? `<xmp:ModifyDate>${iso}</xmp:ModifyDate>` : '',
    iso ? `<xmp:MetadataDate>${iso}</xmp:MetadataDate>` : '',
    `<pdfuaid:part>1</pdfuaid:part>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    ...lines.map((l) => `  ${l}`),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

export /** Info dictionary, XMP metadata stream, and the catalog's language and viewer preferences. */
function describeDocument(doc: PDFDocument, options: SlidesPdfAccessibility): void {
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setLanguage(options.lang);
  if (options.authors?.length) doc.setAuthor(options.authors.join(', '));
  if (options.subject) doc.setSubject(options.subject);
  // pdf-lib joins keywords with spaces; the PDF briefing's Info dictionary uses commas.
  if (options.keywords?.length) doc.setKeywords([options.keywords.join(', ')]);
  if (options.date) {
    doc.setCreationDate(options.date);
    doc.setModificationDate(options.date);
  }
  const xmp = xmpPacket({
    ...options,
    producer: doc.getProducer(),
    creatorTool: doc.getCreator(),
  });
  const metadata = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(name('Metadata'), doc.context.register(metadata));
}
