// The deck pane of the preview page.
import { note } from './dom.js';
import { mapIndex } from './map-index.js';

const SLIDES = 'svg[data-marpit-svg]';
const NOTES = '.bespoke-marp-note';

/**
 * What a deck is apart from its slides, its notes and its style sheets: when two builds agree
 * on it, the new one can be put into the page in place (the slides' content and the styles),
 * which is faster than loading it anew.
 */
function skeleton(doc: Document): string {
  const copy = doc.documentElement.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll(`${SLIDES}, ${NOTES}, style`)) el.replaceChildren();
  return copy.outerHTML;
}

/**
 * The deck pane: slides.html in an iframe. A new build with the same skeleton and number of
 * slides is patched into the page (each changed slide, note and style sheet); anything else is
 * loaded into a new iframe, swapped in once it has loaded. Either way the deck then shows the
 * slide the author was on, or the same slide of the same section.
 */
export class DeckView {
  frame: HTMLIFrameElement | null = null;
  slides: readonly string[] = [];
  source: Document | null = null;
  digest: string | null = null;
  wanted: string | null = null;
  loads = 0;

  constructor(
    readonly pane: HTMLElement,
    /** The deck's address (slides.html with the live flag and the sync key). */
    readonly deck: string,
  ) {}

  index(): number {
    const n = Number.parseInt((this.frame?.contentWindow?.location.hash ?? '').slice(1), 10);
    return n > 0 ? n - 1 : 0;
  }

  async show(digest: string, slides: readonly string[]): Promise<void> {
    if (digest === this.wanted) return;
    this.wanted = digest;
    const load = ++this.loads;
    const url = `${this.deck}&v=${digest}`;
    // The file as built (without the live script the window of its own gets).
    const text = await (await fetch(`/slides.html?v=${digest}`)).text();
    if (load !== this.loads) return;
    const source = new DOMParser().parseFromString(text, 'text/html');
    if (!this.patch(source, slides)) {
      await this.replace(url, slides);
      if (load !== this.loads) return;
    }
    this.source = source;
    this.slides = slides;
    this.digest = digest;
    note(this.pane);
  }

  /** Put a new build of the deck into the page in place; false when it must be loaded anew. */
  patch(source: Document, slides: readonly string[]): boolean {
    const doc = this.frame?.contentDocument;
    if (!doc || !this.source || doc.readyState !== 'complete') return false;
    const was = [...doc.querySelectorAll(SLIDES)];
    const now = [...source.querySelectorAll(SLIDES)];
    const wasNotes = [...doc.querySelectorAll(NOTES)];
    const nowNotes = [...source.querySelectorAll(NOTES)];
    const wasStyles = [...doc.querySelectorAll('style')];
    const nowStyles = [...source.querySelectorAll('style')];
    if (was.length !== now.length || wasNotes.length !== nowNotes.length || wasStyles.length !== nowStyles.length)
      return false;
    // Marp's script reads fragments when the deck loads: a deck with them is loaded anew.
    if (source.querySelector('[data-marpit-fragment]') || skeleton(source) !== skeleton(this.source)) return false;
    const before = [...this.source.querySelectorAll(SLIDES)];
    const index = this.index();
    now.forEach((svg, i) => {
      if (svg.innerHTML === before[i]?.innerHTML) return;
      was[i]!.replaceChildren(...[...svg.childNodes].map((n) => doc.importNode(n, true)));
    });
    nowNotes.forEach((n, i) => {
      if (wasNotes[i]!.innerHTML !== n.innerHTML) wasNotes[i]!.innerHTML = n.innerHTML;
    });
    nowStyles.forEach((n, i) => {
      if (wasStyles[i]!.textContent !== n.textContent) wasStyles[i]!.textContent = n.textContent;
    });
    if (doc.title !== source.title) doc.title = source.title;
    const target = mapIndex(index, this.slides, slides);
    if (target !== index) this.frame!.contentWindow!.location.hash = `#${target + 1}`;
    return true;
  }

  /** Load a new build into a new iframe and swap it in once it has loaded. */
  async replace(url: string, slides: readonly string[]): Promise<void> {
    const load = this.loads;
    const target = this.frame ? mapIndex(this.index(), this.slides, slides) : 0;
    const next = document.createElement('iframe');
    next.title = 'Slide deck';
    next.className = 'loading';
    next.src = `${url}#${target + 1}`;
    this.pane.append(next);
    await new Promise((resolve) => next.addEventListener('load', resolve, { once: true }));
    await next.contentDocument?.fonts?.ready;
    if (load !== this.loads) {
      next.remove();
      return;
    }
    // The author may have moved on while it loaded.
    const now = this.frame ? mapIndex(this.index(), this.slides, slides) : target;
    if (now !== target) next.contentWindow!.location.hash = `#${now + 1}`;
    const focused = document.activeElement === this.frame;
    next.className = '';
    this.frame?.remove();
    this.frame = next;
    if (focused) next.focus();
  }
}
