// The PDF pane of the preview page: pdf.js draws the briefing, page by page.
import type * as PdfJs from 'pdfjs-dist';
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { note } from './dom.js';

type Pdfjs = { lib: typeof PdfJs; worker: PdfJs.PDFWorker };
/** A page's box, with the page it shows and, once asked for, its drawing. */
type PageBox = HTMLDivElement & { pdfPage: PDFPageProxy; viewport: PageViewport; drawn?: Promise<void> };

/**
 * pdf.js and one worker for every PDF the page opens (a worker per document would load
 * pdf.js's worker script each time), from the preview server's addresses: loaded on the
 * first call, the same promise after.
 */
export function pdfjsLoader(where: { module: string; worker: string }): () => Promise<Pdfjs> {
  let pdfjs: Promise<Pdfjs> | undefined;
  return () =>
    (pdfjs ??= (import(where.module) as Promise<typeof PdfJs>).then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = where.worker;
      return { lib, worker: new lib.PDFWorker() };
    }));
}

/**
 * Where each named destination of a PDF (the sections' ids) is: its page and how far down the
 * page, as one number (page index + fraction of the page from its top).
 */
async function destinations(doc: PDFDocumentProxy): Promise<Map<string, number>> {
  const at = new Map<string, number>();
  const dests = ((await doc.getDestinations()) ?? {}) as Record<string, unknown>;
  await Promise.all(
    Object.entries(dests).map(async ([name, dest]) => {
      if (!Array.isArray(dest) || !dest[0] || typeof dest[0] !== 'object') return;
      const index = await doc.getPageIndex(dest[0]);
      const [, y1, , y2] = (await doc.getPage(index + 1)).view as number[] as [number, number, number, number];
      const kind = dest[1]?.name;
      const top = kind === 'XYZ' ? dest[3] : kind === 'FitH' || kind === 'FitBH' ? dest[2] : null;
      const down = typeof top === 'number' && y2 > y1 ? Math.min(1, Math.max(0, (y2 - top) / (y2 - y1))) : 0;
      at.set(name, index + down);
    }),
  );
  return at;
}

/**
 * The same place in a new build of the PDF: as far from the same section's start as before,
 * the section being the one that starts nearest the pane's top edge (the edit may have moved
 * everything around it); the same page when the PDF has no sections.
 */
function mapPlace(place: number, before: Map<string, number>, after: Map<string, number>, count: number): number {
  let best: string | undefined;
  for (const [name, at] of before) {
    if (after.has(name) && (best === undefined || Math.abs(at - place) < Math.abs(before.get(best)! - place)))
      best = name;
  }
  const next = best === undefined ? place : after.get(best)! + (place - before.get(best)!);
  return Math.max(0, Math.min(next, count - 1e-6));
}

/** A PDF pane: pdf.js draws every page (canvas and selectable text), the visible ones first. */
export class PdfView {
  readonly el: HTMLDivElement;
  doc: PDFDocumentProxy | null = null;
  dests = new Map<string, number>();
  pages: PageBox[] = [];
  width = 0;
  digest: string | null = null;
  wanted: string | null = null;
  loads = 0;
  readonly visible: IntersectionObserver;
  readonly near: IntersectionObserver;

  constructor(
    readonly pane: HTMLElement,
    readonly pdfjs: () => Promise<Pdfjs>,
  ) {
    this.el = document.createElement('div');
    this.el.className = 'pdf';
    this.el.tabIndex = 0;
    pane.append(this.el);
    // Pages on screen are drawn at once; the ones a screen away when the browser is idle, so
    // that they never hold up a pane that is still to show a new build.
    this.visible = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) void this.draw(e.target as PageBox);
      },
      { root: this.el },
    );
    this.near = new IntersectionObserver(
      (entries) => {
        for (const e of entries)
          if (e.isIntersecting) requestIdleCallback(() => void this.draw(e.target as PageBox), { timeout: 2000 });
      },
      { root: this.el, rootMargin: '100% 0px' },
    );
    let resized: ReturnType<typeof setTimeout> | undefined;
    new ResizeObserver(() => {
      clearTimeout(resized);
      resized = setTimeout(() => void this.refit(), 150);
    }).observe(this.el);
  }

  /** Where the pane's top edge is: page index + how far down that page. */
  place(): number {
    const top = this.el.scrollTop;
    const i = this.pages.findIndex((p) => p.offsetTop + p.offsetHeight > top);
    if (i < 0) return 0;
    const p = this.pages[i]!;
    return i + Math.max(0, (top - p.offsetTop) / p.offsetHeight);
  }

  async show(url: string, digest: string): Promise<void> {
    if (digest === this.wanted) return;
    this.wanted = digest;
    const load = ++this.loads;
    const { lib, worker } = await this.pdfjs();
    const doc = await lib.getDocument({ url, worker, isEvalSupported: false }).promise;
    if (load !== this.loads) {
      void doc.destroy();
      return;
    }
    const dests = await destinations(doc);
    const place = () => (this.doc ? mapPlace(this.place(), this.dests, dests, doc.numPages) : 0);
    if (!(await this.layout(doc, dests, place, load))) {
      void doc.destroy();
      return;
    }
    this.digest = digest;
    note(this.pane);
  }

  /** The pane's width changed: the pages drawn again at the new width, at the same place. */
  async refit(): Promise<void> {
    if (!this.doc || Math.abs(this.el.clientWidth - this.width) < 8) return;
    await this.layout(this.doc, this.dests, () => this.place(), ++this.loads);
  }

  /**
   * Pages for `doc` as wide as the pane, the one at `place()` drawn first, then swapped in for
   * the pages shown so far in one go, scrolled to that place: no flash, no jump. `place` is
   * read again just before the swap, so that a scroll made while the pages were being drawn
   * (the reader's, or a jump to a section) is kept rather than undone. False when a newer load
   * overtook this one.
   */
  async layout(doc: PDFDocumentProxy, dests: Map<string, number>, place: () => number, load: number): Promise<boolean> {
    const width = Math.max(100, this.el.clientWidth - 24);
    const box = document.createElement('div');
    box.className = 'pages';
    const pages = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const page = await doc.getPage(i + 1);
        const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
        const div = document.createElement('div');
        div.className = 'page';
        div.dataset.page = String(i + 1);
        div.style.width = `${viewport.width}px`;
        div.style.height = `${viewport.height}px`;
        div.style.setProperty('--total-scale-factor', String(viewport.scale));
        return Object.assign(div, { pdfPage: page, viewport }) as PageBox;
      }),
    );
    box.append(...pages);
    const within = (p: number) => Math.max(0, Math.min(p, pages.length - 1e-6));
    let at = within(place());
    // Draw the page the pane will open on, again until it is still that page once drawn.
    while (pages.length > 0 && !pages[Math.floor(at)]!.drawn) {
      await this.draw(pages[Math.floor(at)]);
      if (load !== this.loads) return false;
      at = within(place());
    }
    const target = Math.floor(at);
    const old = this.el.firstElementChild;
    this.visible.disconnect();
    this.near.disconnect();
    if (old) old.replaceWith(box);
    else this.el.append(box);
    const top = pages[target];
    if (top) this.el.scrollTop = top.offsetTop + (at - target) * top.offsetHeight;
    for (const p of pages) {
      this.visible.observe(p);
      this.near.observe(p);
    }
    const before = this.doc;
    this.doc = doc;
    this.dests = dests;
    this.pages = pages;
    this.width = this.el.clientWidth;
    if (before !== doc) void before?.destroy();
    return true;
  }

  async draw(div: PageBox | undefined): Promise<void> {
    if (!div || div.drawn) return div?.drawn;
    div.drawn = (async () => {
      const { pdfPage: page, viewport } = div;
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      // `canvas` is what pdf.js takes from the context when it is not given; its types want it named.
      const canvasContext = canvas.getContext('2d')!;
      await page.render({
        canvas,
        canvasContext,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      }).promise;
      const text = document.createElement('div');
      text.className = 'textLayer';
      const { lib } = await this.pdfjs();
      await new lib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
      div.append(canvas, text);
    })();
    return div.drawn;
  }
}
