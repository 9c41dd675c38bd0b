import { formatDate, numberedTitle, outline, type RichText, type Section } from '@briefing/content';
import { block, listItems } from './blocks/index.js';
import type { Builder, Drawer } from './builder.js';
import type { Opening } from './cover.js';
import { artifact, baseline, drawText, type Node, pieces, plain } from './draw.js';
import { FREE, NEVER } from './paginate.js';
import { C, H2_LEADING, leading, S, SPACE } from './styles.js';
import { type Piece, type Style, wrap } from './text-layout.js';

// ---------------------------------------------------------------------------------------
// Parts of the brief (the cover is in cover.ts)

export function contents(b: Builder, opening: Opening) {
  const { root, g, m } = b;
  const summary = b.report.meta.summary;
  const first = b.units.length;
  if (summary) {
    const sect = root.child('Sect');
    b.lines([plain('Summary', S.h2)], {
      node: sect.child('H2'),
      inner: NEVER,
      lineHeight: H2_LEADING,
      anchor: { outline: 'Summary' },
    });
    b.keepWithLines(2);
    b.lines(pieces(summary, 'lead'), { node: sect.child('P'), gap: SPACE.headingAfter });
  }
  const sect = root.child('Sect');
  b.lines([plain('Contents', S.h2)], {
    node: sect.child('H2'),
    inner: NEVER,
    lineHeight: H2_LEADING,
    gap: summary ? SPACE.section : 0,
    anchor: { outline: 'Contents' },
  });
  if (opening.coverFits) b.units[first]!.newPage = true;
  b.keepWithLines(2);
  const toc = sect.child('TOC');
  const entries = [
    ...outline(b.report).map((e) => ({ id: e.id, label: `${e.label}. `, title: e.title })),
    { id: SOURCES_ID, label: '', title: 'Sources' },
  ];
  const numberCol = 24;
  const pageCol = 30;
  const lh = leading(S.toc, 1.25);
  entries.forEach((entry, i) => {
    // One TOCI per entry holding one Link: the number, the title and the page number are
    // its content, and one annotation covers the whole entry.
    const toci = toc.child('TOCI');
    const link = toci.child('Link');
    const label = `Go to ${entry.label}${entry.title}`;
    const lines = wrap([plain(entry.title, S.toc)], g.width - numberCol - pageCol, m);
    const mark = (d: Drawer, text: string, style: Style, x: number, top: number) => {
      const content = d.doc.markStructureContent('Link');
      drawText(d.doc, text, style, x, baseline(style, top, lh), m.string(style.face, style.size, text));
      d.doc.endMarkedContent();
      link.get().add(content);
    };
    let entryTop = 0;
    lines.forEach((line, j) => {
      const lastLine = j === lines.length - 1;
      b.push({
        height: lh,
        gap: j === 0 ? (i === 0 ? 12 : 5) : 0,
        breakAfter: lastLine ? FREE : NEVER,
        draw: (d, top) => {
          if (j === 0) {
            entryTop = top;
            if (entry.label) mark(d, entry.label, S.tocNumber, g.left, top);
          }
          for (const f of line.fragments) mark(d, f.text, f.style, g.left + numberCol + f.x, top);
          if (!lastLine) return;
          const page = `${(d.anchors.get(entry.id) ?? 0) + 1}`;
          const w = m.string(S.tocPage.face, S.tocPage.size, page);
          mark(d, page, S.tocPage, g.left + g.width - w, top);
          // Dotted leader from the title to the page number.
          const from = g.left + numberCol + line.width + 6;
          const to = g.left + g.width - w - 6;
          const y = baseline(S.toc, top, lh);
          if (to > from) {
            artifact(d.doc, () => {
              d.doc.moveTo(from, y).lineTo(to, y).lineWidth(0.7).dash(0.7, { space: 2.5 }).strokeColor(C.rule).stroke();
            });
          }
          d.doc.goTo(g.left, entryTop, g.width, top + lh - entryTop, entry.id, {
            Contents: new String(label),
            structParent: link.get(),
          } as unknown as PDFKit.Mixins.AnnotationOption);
          link.get().end();
        },
      });
    });
  });
}

/** Named destination of the sources list: not kebab-case, so it can never clash with a section id. */
export const SOURCES_ID = '_sources';

export function section(
  b: Builder,
  entry: { id: string; label: string; title: string; section: Section },
  first: boolean,
  closing?: RichText,
) {
  const { root } = b;
  const sect = root.child('Sect');
  const lh = H2_LEADING;
  const heading = b.lines([plain(`${entry.label}. `, S.h2Number), plain(entry.title, S.h2)], {
    node: sect.child('H2'),
    gap: SPACE.section,
    inner: NEVER,
    lineHeight: lh,
    anchor: { id: entry.id, outline: numberedTitle(entry) },
  });
  // The first section opens the body on a page of its own, after the contents. Tables and
  // figures of the section before are set before this one starts.
  if (first) heading[0]!.newPage = true;
  heading[0]!.barrier = true;
  b.keepWithLines(2);
  const lede = entry.section.lede;
  if (lede) {
    b.lines(pieces(lede, 'lead'), { node: sect.child('P'), gap: SPACE.headingAfter - 2 });
  }
  entry.section.blocks.forEach((blk, i) => {
    if (i === 0) {
      // Given to the block's first unit as it is pushed, so the block knows its full height.
      b.nextGap = SPACE.headingAfter + (lede ? 2 : 0);
      block(b, blk, sect, 0);
    } else block(b, blk, sect, i);
  });
  // The report's conclusion closes the last section, as the article's closing paragraph did.
  if (closing) conclusion(b, sect, closing);
}

/** The report's conclusion: the briefing's closing paragraph, in the body type. */
export function conclusion(b: Builder, parent: Node, text: RichText) {
  b.lines(pieces(text), { node: parent.child('P'), gap: SPACE.paragraph });
}

/** A text closed as a sentence: a full stop added unless it already ends in one (or ? or !). */
const closed = (text: string) => (/[.!?…][”’"')\]]*$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * The sources, each set as a reference: "Publisher. “Title.” 23 February 2024. URL." with its
 * note, if any, as a sentence of its own on the line below.
 */
export function sources(b: Builder) {
  const { root, g, report, lang } = b;
  const sect = root.child('Sect');
  const [heading] = b.lines([plain('Sources', S.h2)], {
    node: sect.child('H2'),
    gap: SPACE.section,
    inner: NEVER,
    lineHeight: H2_LEADING,
    anchor: { id: SOURCES_ID, outline: 'Sources' },
  });
  heading!.barrier = true;
  b.keepWithLines(2);
  const L = sect.child('L');
  listItems(
    b,
    L,
    report.sources.map((s) => {
      const out: Piece[] = [plain(`${closed(s.publisher)} `, S.body), plain(`“${closed(s.title)}”`, S.body)];
      if (s.date) out.push(plain(` ${formatDate(s.date, lang)}.`, S.body));
      if (s.url)
        out.push(
          plain(' ', S.body),
          plain(s.url, S.bodyLink, { kind: 'uri', href: s.url, label: s.url }),
          plain('.', S.body),
        );
      return out;
    }),
    {
      ordered: true,
      gap: SPACE.headingAfter,
      x: g.left,
      width: g.width,
      anchors: report.sources.map((s) => s.id),
      after: report.sources.map((s) => (s.note ? [plain(closed(s.note), S.sourceNote)] : undefined)),
    },
  );
}

/**
 * "About this briefing": what it is, its source, how it was prepared, the licence of its text
 * (the report's own paragraphs), after the contents as a think tank's inside cover has it.
 */
export function about(b: Builder) {
  const paragraphs = b.report.meta.about;
  if (!paragraphs) return;
  const sect = b.root.child('Sect');
  b.lines([plain('About this briefing', S.h3)], {
    node: sect.child('H2'),
    gap: SPACE.section,
    inner: NEVER,
    anchor: { outline: 'About this briefing' },
  });
  b.keepWithLines(2);
  paragraphs.forEach((text, i) => {
    b.lines(pieces(text, 'small'), { node: sect.child('P'), gap: i === 0 ? 4 : SPACE.item });
  });
}
