import { formatDate } from '@briefing/content';
import { listItems } from './blocks/index.js';
import type { Builder, DrawUnit, Panel } from './builder.js';
import { artifact, pieces, plain } from './draw.js';
import { NEVER } from './paginate.js';
import { C, S, SPACE, st, T } from './styles.js';
import type { Piece, Style } from './text-layout.js';

/**
 * The opening pages: the cover (title block and key takeaways), then the summary and the
 * contents on a page of their own, then the sections from a fresh page. When the cover runs
 * over its page (very long takeaways), the summary and contents follow it directly instead,
 * so there is never a near-empty page.
 */
export interface Opening {
  coverFits: boolean;
}

/** The cover's title at the design's title size (as the deck's title slide has it), and its dek. */
const COVER = {
  title: st('serifBold', T.title, C.accent),
  titleLeading: T.title * 1.14,
  dek: st('sans', 13, C.muted),
};
/** No gap the cover's spare room opens may pass this share of the page: no blank band. */
const MAX_GAP = 0.07;

/**
 * The cover, set as one composition: a band of the accent colour across the top of the page
 * (as the deck's title slide has), the kicker, the title, the dek, the dateline and what the
 * briefing adapts, then the key takeaways in a panel that closes the page. The page's spare
 * room is shared out between the gaps of that column, none opening past MAX_GAP of the page,
 * and what is left goes into the panel (more air between the takeaways, then inside its
 * edges), so the takeaways end at the foot of the page and no blank band opens anywhere.
 */
export function cover(b: Builder): Opening {
  const first = b.units.length;
  // A title too long for the cover at the design's title size is set at the smaller size the
  // cover had before, rather than run the cover over its page.
  if (b.features.cover) {
    const opening = coverAt(b, COVER.title, COVER.titleLeading);
    if (opening.coverFits) return opening;
    b.units.length = first;
  }
  return coverAt(b, S.title, 28.5);
}

function coverAt(b: Builder, titleStyle: Style, titleLeading: number): Opening {
  const { meta } = b.report;
  const { root, g, lang } = b;
  const composed = b.features.cover;
  const first = b.units.length;
  const date = formatDate(meta.date, lang);
  const org = meta.organisation?.name;
  b.lines([plain((org ? `${org} · Policy briefing` : 'Policy briefing').toUpperCase(), S.kicker)], {
    node: root.child('P'),
    inner: NEVER,
    label: (d, top) =>
      artifact(d.doc, () => {
        if (composed) d.doc.rect(0, 0, g.pageWidth, 10).fillColor(C.accent).fill();
        d.doc
          .rect(g.left, top - 14, 36, 3)
          .fillColor(C.highlight)
          .fill();
      }),
  });
  const [title] = b.lines([plain(meta.title, titleStyle)], {
    node: root.child('H1'),
    gap: composed ? 16 : 12,
    inner: NEVER,
    lineHeight: titleLeading,
  });
  if (meta.subtitle)
    b.lines([plain(meta.subtitle, composed ? COVER.dek : S.subtitle)], {
      node: root.child('P'),
      gap: composed ? 12 : 10,
      inner: NEVER,
    });
  // Who publishes it and when: only what the report has (no organisation or author is invented).
  const people = meta.authors.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join('; ');
  const [dateline] = b.lines(
    [
      plain(date, S.metaStrong),
      ...(org ? [plain(` · ${org}`, S.meta)] : []),
      ...(people ? [plain(` · ${people}`, S.meta)] : []),
    ],
    {
      node: root.child('P'),
      gap: composed ? 24 : 20,
      inner: NEVER,
      label: (d, top) =>
        artifact(d.doc, () => {
          d.doc
            .moveTo(g.left, top - 9)
            .lineTo(g.left + g.width, top - 9)
            .lineWidth(0.6)
            .strokeColor(C.rule)
            .stroke();
        }),
    },
  );
  b.lines(adaptationLine(b), { node: root.child('P'), gap: 3, inner: NEVER });

  // Key takeaways panel.
  const pad = SPACE.panelPad + 2;
  const panel: Panel = {
    fill: C.panel,
    bar: { color: C.highlight, side: 'top' },
    x: g.left,
    width: g.width,
    padTop: pad,
    padBottom: pad,
  };
  const sect = root.child('Sect');
  const [panelTitle] = b.lines([plain('Key takeaways', S.panelTitle)], {
    node: sect.child('H2'),
    x: g.left + pad,
    width: g.width - 2 * pad,
    gap: 20 + pad,
    inner: NEVER,
    panel,
  });
  b.keepWithLines(2);
  const L = sect.child('L');
  const items = b.units.length;
  listItems(
    b,
    L,
    b.report.takeaways.map((t) => pieces(t)),
    { ordered: false, gap: 6, x: g.left + pad, width: g.width - 2 * pad, panel },
  );
  const last = b.units[b.units.length - 1]!;
  last.height += pad;

  const units = b.units.slice(first);
  const height = units.reduce((h, u, i) => h + (i === 0 ? 0 : u.gap) + u.height, 0);
  const spare = g.coverBottom - g.coverTop - height;
  if (spare < 0) return { coverFits: false };
  // Never quite to the foot: a rounding slip must not push the last line over.
  let left = Math.max(0, Math.floor(spare) - 1);
  if (!composed) {
    panelTitle!.gap += left;
    return { coverFits: true };
  }
  // The column's gaps first, in these shares, each up to MAX_GAP of the page.
  const cap = MAX_GAP * g.pageHeight;
  const gaps: [DrawUnit, number][] = [
    [title!, 1],
    [dateline!, 1],
    [panelTitle!, 1.5],
  ];
  const weight = gaps.reduce((w, [, s]) => w + s, 0);
  const share = left;
  for (const [unit, s] of gaps) {
    const add = Math.min((share * s) / weight, Math.max(0, cap - unit.gap));
    unit.gap += add;
    left -= add;
  }
  // Then air between the takeaways, up to a line's worth each, and the rest inside the panel.
  const itemStarts = b.units.slice(items).filter((u, i) => i > 0 && u.gap > 0);
  const perItem = itemStarts.length > 0 ? Math.min(left / itemStarts.length, 10) : 0;
  for (const u of itemStarts) u.gap += perItem;
  left -= perItem * itemStarts.length;
  panel.padTop += left / 2;
  panelTitle!.gap += left / 2;
  last.height += left / 2;
  return { coverFits: true };
}

/**
 * What the briefing is adapted from, said plainly on the cover: "An adaptation of “Title”, an
 * article by Author published by Publisher on 23 February 2024." (or "…, published by
 * Publisher on 23 February 2024, with no named author.").
 */
function adaptationLine(b: Builder): Piece[] {
  const based = b.report.meta.basedOn;
  const title = `“${based.title}”`;
  const published = formatDate(based.published, b.lang);
  return [
    plain('An adaptation of ', S.meta),
    based.url
      ? plain(title, S.metaLink, { kind: 'uri', href: based.url, label: `${based.title} (${based.url})` })
      : plain(title, S.meta),
    plain(
      based.author
        ? `, an article by ${based.author} published by ${based.publisher} on ${published}.`
        : `, an article published by ${based.publisher} on ${published} with no named author.`,
      S.meta,
    ),
  ];
}
