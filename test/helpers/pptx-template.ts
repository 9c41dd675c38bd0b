// Organisation templates the tests make themselves (pptxgenjs, then a few edits of its XML):
// another slide size, other theme faces and colours, layouts named as PowerPoint names them
// with their title and body placeholders elsewhere than ours, a logo bar, a sample slide the
// deck must drop; and broken ones (not a zip, no presentation, no usable layout).
import { PptxGenJS } from '@briefing/slides/pptxgenjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface TemplateSpec {
  /** Slide size in inches. */
  width: number;
  height: number;
  faces: { heading: string; body: string };
  /** accent1 and accent2 of the theme, six hex digits. */
  colours: { accent1: string; accent2: string };
  /** Write the layouts' PowerPoint types (`type="obj"`...), as PowerPoint does; pptxgenjs writes none. */
  typed: boolean;
  /** Where the content layout's title and body sit (inches). */
  title: { x: number; y: number; w: number; h: number };
  body: { x: number; y: number; w: number; h: number };
  /** Layouts with a title only (for the broken template): no layout has a body. */
  noBody?: boolean;
}

export const TEMPLATE_43: TemplateSpec = {
  width: 10,
  height: 7.5,
  faces: { heading: 'DejaVu Serif', body: 'DejaVu Sans' },
  colours: { accent1: '7A1F3D', accent2: '2E8B57' },
  typed: true,
  title: { x: 0.6, y: 0.9, w: 8.8, h: 1 },
  body: { x: 0.6, y: 2.0, w: 8.8, h: 4.7 },
};

export const TEMPLATE_169: TemplateSpec = {
  width: 13.333,
  height: 7.5,
  faces: { heading: 'Liberation Serif', body: 'Liberation Sans' },
  colours: { accent1: '0B6E4F', accent2: 'C8553D' },
  typed: false,
  title: { x: 2.2, y: 0.5, w: 10.5, h: 0.9 },
  body: { x: 2.2, y: 1.6, w: 10.5, h: 5.2 },
};

/** A package's parts, to change: their names, each part's text, and ways to set or change it. */
export interface Parts {
  names(): string[];
  text(name: string): string;
  put(name: string, data: string | Uint8Array): void;
  /** The part's text changed by `change`; an error when it changes nothing (the package is not what the caller expects). */
  edit(name: string, change: (xml: string) => string): void;
}

/** `bytes` (a zip package) with its parts changed by `change`, zipped again at a fixed time. */
export function withParts(bytes: Uint8Array, change: (parts: Parts) => void): Uint8Array {
  const files = unzipSync(bytes);
  const parts: Parts = {
    names: () => Object.keys(files),
    text: (name) => strFromU8(files[name] as Uint8Array),
    put: (name, data) => {
      files[name] = typeof data === 'string' ? strToU8(data) : new Uint8Array(data);
    },
    edit: (name, edit) => {
      const before = parts.text(name);
      const after = edit(before);
      if (after === before) throw new Error(`the change to ${name} changed nothing`);
      parts.put(name, after);
    },
  };
  change(parts);
  return zipSync(files, { mtime: new Date('2020-01-01T00:00:00Z') });
}

/** A template's bytes, made to `spec`. */
export async function makeTemplate(spec: TemplateSpec): Promise<Uint8Array> {
  const pres = new PptxGenJS();
  pres.defineLayout({ name: 'BRAND', width: spec.width, height: spec.height });
  pres.layout = 'BRAND';
  pres.theme = { headFontFace: spec.faces.heading, bodyFontFace: spec.faces.body };
  const logo = { rect: { x: 0, y: spec.height - 0.35, w: spec.width, h: 0.35, fill: { color: spec.colours.accent1 } } };
  const ph = (name: string, type: 'title' | 'body', at: { x: number; y: number; w: number; h: number }) => ({
    placeholder: {
      options: { name, type, ...at, fontFace: type === 'title' ? spec.faces.heading : spec.faces.body },
      text: '',
    },
  });
  const mid = { x: spec.title.x, y: spec.height * 0.3, w: spec.title.w, h: 1.4 };
  const sub = { x: spec.title.x, y: spec.height * 0.3 + 1.6, w: spec.title.w, h: 1 };
  pres.defineSlideMaster({
    title: 'Title Slide',
    objects: [logo, ph('Title', 'title', mid), ...(spec.noBody ? [] : [ph('Subtitle', 'body', sub)])],
  });
  pres.defineSlideMaster({
    title: 'Title and Content',
    objects: [logo, ph('Title', 'title', spec.title), ...(spec.noBody ? [] : [ph('Content', 'body', spec.body)])],
  });
  pres.defineSlideMaster({ title: 'Title Only', objects: [logo, ph('Title', 'title', spec.title)] });
  pres.defineSlideMaster({
    title: 'Section Header',
    objects: [logo, ph('Title', 'title', mid), ...(spec.noBody ? [] : [ph('Text', 'body', sub)])],
  });
  const sample = pres.addSlide({ masterName: 'Title and Content' });
  sample.addText('A sample slide of the template', { placeholder: 'title' });
  const written = (await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return withParts(written, (parts) => {
    parts.edit('ppt/theme/theme1.xml', (xml) =>
      xml
        .replace(/(<a:accent1>)[\s\S]*?(<\/a:accent1>)/u, `$1<a:srgbClr val="${spec.colours.accent1}"/>$2`)
        .replace(/(<a:accent2>)[\s\S]*?(<\/a:accent2>)/u, `$1<a:srgbClr val="${spec.colours.accent2}"/>$2`)
        .replace(/<a:clrScheme name="[^"]*">/u, '<a:clrScheme name="Brand">'),
    );
    if (!spec.typed) return;
    const types: Record<string, string> = {
      'Title Slide': 'title',
      'Title and Content': 'obj',
      'Title Only': 'titleOnly',
      'Section Header': 'secHead',
    };
    for (const name of parts.names().filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(n))) {
      const type = types[/<p:cSld name="([^"]*)"/u.exec(parts.text(name))?.[1] ?? ''];
      if (type) parts.edit(name, (xml) => xml.replace('<p:sldLayout ', `<p:sldLayout type="${type}" `));
    }
  });
}

/** A zip that holds no presentation. */
export function zipWithoutPresentation(): Uint8Array {
  return zipSync({ 'word/document.xml': strToU8('<w:document/>') }, { mtime: new Date('2020-01-01T00:00:00Z') });
}

/**
 * A template with two slide masters, as a designer may make one: `bytes` (a template of
 * makeTemplate's) with its "Title and Content" layout moved under a second master, whose
 * theme is a copy of the first with `theme` changed (say, another accent colour).
 */
export function withSecondMaster(bytes: Uint8Array, theme: (xml: string) => string): Uint8Array {
  return withParts(bytes, ({ names, text, put, edit }) => {
    const content = names().find(
      (n) =>
        /^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(n) && text(n).includes('<p:cSld name="Title and Content"'),
    ) as string;
    const layoutFile = content.split('/').at(-1) as string;
    const masterRels = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';
    const rel = new RegExp(`<Relationship Id="(rId\\d+)"[^>]*Target="\\.\\./slideLayouts/${layoutFile}"/>`, 'u');
    const id = rel.exec(text(masterRels))?.[1] as string;
    // The first master loses the layout…
    edit(masterRels, (xml) => xml.replace(rel, ''));
    edit('ppt/slideMasters/slideMaster1.xml', (xml) =>
      xml.replace(new RegExp(`<p:sldLayoutId id="\\d+" r:id="${id}"/>`, 'u'), ''),
    );
    // …which goes under a second, a copy of the first with a theme of its own.
    put(
      'ppt/slideMasters/slideMaster2.xml',
      text('ppt/slideMasters/slideMaster1.xml').replace(
        /<p:sldLayoutIdLst>[\s\S]*?<\/p:sldLayoutIdLst>/u,
        '<p:sldLayoutIdLst><p:sldLayoutId id="2147483700" r:id="rId1"/></p:sldLayoutIdLst>',
      ),
    );
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    put(
      'ppt/slideMasters/_rels/slideMaster2.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/slideLayout" Target="../slideLayouts/${layoutFile}"/><Relationship Id="rId2" Type="${REL}/theme" Target="../theme/theme2.xml"/></Relationships>`,
    );
    put('ppt/theme/theme2.xml', theme(text('ppt/theme/theme1.xml')));
    edit(`ppt/slideLayouts/_rels/${layoutFile}.rels`, (xml) => xml.replace('slideMaster1.xml', 'slideMaster2.xml'));
    edit('ppt/presentation.xml', (xml) =>
      xml.replace('</p:sldMasterIdLst>', '<p:sldMasterId id="2147483701" r:id="rIdMaster2"/></p:sldMasterIdLst>'),
    );
    edit('ppt/_rels/presentation.xml.rels', (xml) =>
      xml.replace(
        '</Relationships>',
        `<Relationship Id="rIdMaster2" Type="${REL}/slideMaster" Target="slideMasters/slideMaster2.xml"/></Relationships>`,
      ),
    );
    edit('[Content_Types].xml', (xml) =>
      xml.replace(
        '</Types>',
        '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/><Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>',
      ),
    );
  });
}
