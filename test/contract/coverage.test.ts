// The project's promise, proved on the real files: every section of the report shows up
// in the PDF briefing and in the slide deck, with its list items and figures, in order.
import { formatNumber, itemLead, normalizeForMatch, numberedTitle, outline, report } from '@briefing/content';
import { tocPattern } from '@briefing/inspect';
import { browserOrReason } from '@briefing/testkit/chromium';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Artifacts, buildArtifacts } from '../helpers/artifacts.js';

const browser = browserOrReason();
const withBrowser = 'path' in browser;
const entries = outline(report);
let a: Artifacts;

beforeAll(async () => {
  a = await buildArtifacts(withBrowser);
});

/** Position of each needle in `text`, each searched after the one before; -1 when missing. */
function inOrder(text: string, needles: string[]): number[] {
  let cursor = 0;
  return needles.map((needle) => {
    const at = text.indexOf(needle, cursor);
    if (at >= 0) cursor = at + needle.length;
    return at;
  });
}

/** The body of the PDF: from the first section's page on, after the table of contents. */
function pdfBody(): string {
  const first = Math.min(...entries.map((e) => a.pdf.destinations[e.id] ?? Number.POSITIVE_INFINITY));
  const text = a.pdf.normalized.slice(first - 1).join(' ');
  // Section 1 may share its page with the contents: start at the last mention of its title
  // before section 2's, which is its heading.
  const t1 = normalizeForMatch(entries[0]!.title);
  const t2 = entries[1] ? normalizeForMatch(entries[1].title) : undefined;
  let at = text.indexOf(t1);
  while (at >= 0) {
    const next = text.indexOf(t1, at + 1);
    if (next < 0 || (t2 && text.indexOf(t2, at) < next)) break;
    at = next;
  }
  return text.slice(Math.max(0, at));
}

/** The deck's content slides: everything but title, agenda, takeaways and sources. */
function deckBody(): string {
  const nav = new Set(['title', 'agenda', 'takeaways', 'sources']);
  return a.deck.slides
    .filter((s) => !s.classes.some((c) => nav.has(c)))
    .map((s) => s.normalized)
    .join(' ');
}

describe('every section appears in both outputs, in report order', () => {
  const titles = entries.map((e) => normalizeForMatch(e.title));

  it('the PDF body has every section title in order', () => {
    const at = inOrder(pdfBody(), titles);
    expect(entries.filter((_, i) => at[i]! < 0).map((e) => e.id)).toEqual([]);
  });

  it('the HTML deck has every section title in order', () => {
    const at = inOrder(deckBody(), titles);
    expect(entries.filter((_, i) => at[i]! < 0).map((e) => e.id)).toEqual([]);
  });

  it.runIf(withBrowser)('slides.pdf has every section title in order', () => {
    const text = a.slidesPdf!.normalized.join(' ');
    // The agenda lists them all first; dividers must follow it, in order.
    const agendaEnd = inOrder(text, titles).at(-1)!;
    const at = inOrder(text.slice(agendaEnd), titles.slice(1));
    expect(
      entries
        .slice(1)
        .filter((_, i) => at[i]! < 0)
        .map((e) => e.id),
    ).toEqual([]);
  });
});

describe.each(entries.map((e) => [numberedTitle(e), e] as const))('section %s', (_label, entry) => {
  const leads = entry.section.blocks.flatMap((b) =>
    b.type === 'list' ? b.items.map((item) => normalizeForMatch(itemLead(item))) : [],
  );
  const figures = entry.section.blocks.flatMap((b) =>
    b.type === 'chart' ? b.data.map((d) => normalizeForMatch(formatNumber(d.value, report.meta.lang))) : [],
  );
  const spanOf = (text: string) => {
    const start = text.indexOf(normalizeForMatch(entry.title));
    const next = entries[entry.number] ? text.indexOf(normalizeForMatch(entries[entry.number]!.title), start) : -1;
    return start < 0 ? '' : text.slice(start, next < 0 ? undefined : next);
  };

  if (leads.length > 0) {
    it('has every list item lead, in order, inside the section in the PDF', () => {
      const at = inOrder(spanOf(pdfBody()), leads);
      expect(leads.filter((_, i) => at[i]! < 0)).toEqual([]);
    });

    it('has every list item lead, in order, inside the section in the slides', () => {
      const at = inOrder(spanOf(deckBody()), leads);
      expect(leads.filter((_, i) => at[i]! < 0)).toEqual([]);
    });
  }

  if (figures.length > 0) {
    it('has every figure value in both outputs', () => {
      expect(figures.filter((f) => !spanOf(pdfBody()).includes(f))).toEqual([]);
      expect(figures.filter((f) => !spanOf(deckBody()).includes(f))).toEqual([]);
    });
  }

  it('opens at its own page from the PDF bookmarks and named destination', () => {
    const page = a.pdf.destinations[entry.id];
    expect(page).toBeDefined();
    expect(a.pdf.normalized[page! - 1]).toContain(normalizeForMatch(entry.title));
    expect(a.pdf.outline.find((o) => o.title === numberedTitle(entry))?.page).toBe(page);
  });
});

describe('navigation lists the same sections everywhere', () => {
  const numbered = entries.map((e) => numberedTitle(e));

  it('the PDF bookmarks are the sections, in order', () => {
    expect(a.pdf.outline.map((o) => o.title).filter((t) => numbered.includes(t))).toEqual(numbered);
  });

  it('the PDF table of contents lists each section with the page it is on', () => {
    const contents = a.pdf.normalized.join(' ');
    const start = contents.indexOf('contents');
    expect(start).toBeGreaterThanOrEqual(0);
    let cursor = start;
    for (const e of entries) {
      const m = tocPattern(numberedTitle(e)).exec(contents.slice(cursor));
      expect(m, `contents entry for ${e.id}`).not.toBeNull();
      cursor += m!.index + m![0].length;
      expect(Number(m![1]), `page of ${e.id}`).toBe(a.pdf.destinations[e.id]);
    }
  });

  it('the slide agenda lists the sections in order', () => {
    const agenda = a.deck.slides.filter((s) => s.classes.includes('agenda'));
    expect(agenda.length).toBeGreaterThan(0);
    const at = inOrder(
      agenda.map((s) => s.normalized).join(' '),
      entries.map((e) => normalizeForMatch(e.title)),
    );
    expect(at.every((x) => x >= 0)).toBe(true);
  });
});
