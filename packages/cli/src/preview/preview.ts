import type { Problem } from '@briefing/content';
import { escapeHtml } from '../edge/html.js';

/** What the preview shows: the state of the last build, sent to every open page as it changes. */
export interface PreviewState {
  /** Builds that succeeded so far (0 until the first one has). */
  version: number;
  /** Whether the last saved report built; if not, `problems` and `message` say why and the panes keep the last good build. */
  ok: boolean;
  problems: Problem[];
  message?: string | undefined;
  /** A build is running: the first one, or one after a save. */
  building: boolean;
  /** When the last good build was shown (ISO time) and how long it took from the save, in ms. */
  builtAt?: string | undefined;
  ms?: number | undefined;
  /** Every output the preview serves, by file name, with a digest of its bytes: a pane reloads when its file's digest changes. */
  files: Record<string, string>;
  /**
   * What each slide of slides.html shows, in order: its section's id, or its kind (title,
   * agenda...). After a rebuild the deck opens on the slide of the section it was on.
   */
  slides: string[];
}

/** The preview's first state: nothing built yet. */
export const FIRST_STATE: PreviewState = { version: 0, ok: true, problems: [], building: true, files: {}, slides: [] };

/**
 * Whether a request's Host header names this preview server itself: `127.0.0.1`, `localhost`
 * or `[::1]` with the port it is bound to. Anything else is a page on another origin whose
 * name was rebound to 127.0.0.1 (DNS rebinding) and must not read the outputs.
 */
export function isPreviewHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}` || h === `[::1]:${port}`;
}

/** JSON inside an inline script: `<` escaped, so no text can close the script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The slide a deck opens on after a rebuild (browser code, shared by the page and the live
 * script): the same slide of the same section, counted from the section's first slide, when
 * slides were added or removed before it; else the same index.
 */
const MAP_INDEX = `function mapIndex(index, before, after) {
  const last = Math.max(0, after.length - 1);
  const key = before[index];
  const first = before.indexOf(key);
  const now = after.indexOf(key);
  if (key === undefined || first < 0 || now < 0) return Math.min(index, last);
  let count = 0;
  while (after[now + count] === key) count++;
  return Math.min(now + Math.min(index - first, count - 1), last);
}`;

/** What the page and the deck's live script know of the server: where pdf.js is, the deck's sync key. */
export interface PageConfig {
  /** The report's short title. */
  title: string;
  /** `briefing 0.1.0`: the status line names the tool that builds. */
  tool: string;
  /** Marp's key for keeping the deck pane and the presenter window on the same slide. */
  syncKey: string;
  /** Where the page loads pdf.js and its worker from. */
  pdfjs: { module: string; worker: string };
}

/**
 * The live preview page: the slides (with Marp's presenter view one key away) and the PDF
 * side by side, each filling its half of the window. A build that lands replaces a pane only
 * when its file changed, behind the scenes, then on the slide or page the author was on
 * (the same section's, when the build added pages or slides before it). Problems are laid
 * over the panes without moving them; a status line says which build is shown, when, how
 * fast it came and which tool made it.
 */
export function previewPage(config: PageConfig, state: PreviewState): string {
  const deckUrl = `/slides.html?live&sync=${encodeURIComponent(config.syncKey)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: ${escapeHtml(config.title)}</title>
<style>
  html, body { height: 100%; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1b2430; background: #eef2f7; display: grid; grid-template-rows: auto minmax(0, 1fr); }
  header { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; padding: .45rem 1rem; background: #12355b; color: #fff; }
  header a { color: #fff; }
  header nav { display: flex; gap: 1rem; }
  #status { margin-left: auto; font-variant-numeric: tabular-nums; opacity: .9; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: .5rem; padding: .5rem; min-height: 0; }
  @media (max-width: 760px) { main { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr) minmax(0, 1fr); } }
  .pane { position: relative; min-height: 0; border: 1px solid #c5cdd8; background: #fff; overflow: hidden; }
  .pane > iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
  .pane > iframe.loading { visibility: hidden; }
  .pane > .note { position: absolute; inset: 0; display: grid; place-items: center; padding: 1rem; text-align: center; color: #4a5565; }
  .pdf { position: absolute; inset: 0; overflow: auto; background: #5b6470; }
  .pdf .pages { display: flex; flex-direction: column; align-items: center; gap: 10px; padding: 10px 0; }
  .pdf .page { position: relative; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / .35); --scale-round-x: 1px; --scale-round-y: 1px; }
  .pdf .page canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
  .textLayer { position: absolute; inset: 0; overflow: clip; line-height: 1; text-size-adjust: none; forced-color-adjust: none; transform-origin: 0 0; caret-color: CanvasText; z-index: 0;
    --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size)); --min-font-size-inv: calc(1 / var(--min-font-size)); }
  .textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text; transform-origin: 0% 0%; }
  .textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) { z-index: 1; --font-height: 0; font-size: calc(var(--text-scale-factor) * var(--font-height)); --scale-x: 1; --rotate: 0deg; transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
  .textLayer .markedContent { display: contents; }
  .textLayer ::selection { background: rgb(0 0 255 / .25); }
  .textLayer br::selection { background: transparent; }
  .textLayer .endOfContent { display: block; position: absolute; inset: 100% 0 0; z-index: 0; cursor: default; user-select: none; }
  #problems { position: fixed; z-index: 10; left: 1rem; right: 1rem; bottom: 1rem; max-height: 45vh; overflow: auto; margin: 0; padding: .75rem 1rem; background: #fdecea; color: #7a1d12; border: 2px solid #b4461b; border-radius: 4px; box-shadow: 0 4px 16px rgb(0 0 0 / .25); }
  #problems[hidden] { display: none; }
  #problems h2 { margin: 0 0 .35rem; font-size: 1rem; }
  #problems pre { margin: 0; white-space: pre-wrap; font: 13px/1.45 ui-monospace, monospace; }
  #problems p { margin: .4rem 0 0; }
</style>
</head>
<body>
<header>
  <strong>${escapeHtml(config.title)}</strong>
  <nav>
    <a id="presenter" href="${deckUrl}&view=presenter" target="briefing-presenter">Presenter view</a>
    <a href="${deckUrl}" target="_blank">Slides</a>
    <a href="/briefing.pdf" target="_blank">PDF</a>
  </nav>
  <span id="status" role="status"></span>
</header>
<main>
  <section class="pane" id="deck" aria-label="Slide deck"></section>
  <section class="pane" id="briefing" aria-label="PDF briefing"></section>
</main>
<div id="problems" role="alert" hidden><h2></h2><pre></pre><p></p></div>
<script type="module">
const TOOL = ${scriptJson(config.tool)};
const DECK = ${scriptJson(deckUrl)};
${MAP_INDEX}

let pdfjs;
/** pdf.js and one worker for every PDF the page opens (a worker per document would load pdf.js's worker script each time). */
const loadPdfjs = () => (pdfjs ??= import(${scriptJson(config.pdfjs.module)}).then((lib) => {
  lib.GlobalWorkerOptions.workerSrc = ${scriptJson(config.pdfjs.worker)};
  return { lib, worker: new lib.PDFWorker() };
}));

function note(pane, text) {
  let el = pane.querySelector(':scope > .note');
  if (text === undefined) { el?.remove(); return; }
  if (!el) { el = document.createElement('div'); el.className = 'note'; pane.append(el); }
  el.textContent = text;
}

const SLIDES = 'svg[data-marpit-svg]';
const NOTES = '.bespoke-marp-note';

/**
 * What a deck is apart from its slides, its notes and its style sheets: when two builds agree
 * on it, the new one can be put into the page in place (the slides' content and the styles),
 * which is faster than loading it anew.
 */
function skeleton(doc) {
  const copy = doc.documentElement.cloneNode(true);
  for (const el of copy.querySelectorAll(SLIDES + ', ' + NOTES + ', style')) el.replaceChildren();
  return copy.outerHTML;
}

/**
 * The deck pane: slides.html in an iframe. A new build with the same skeleton and number of
 * slides is patched into the page (each changed slide, note and style sheet); anything else is
 * loaded into a new iframe, swapped in once it has loaded. Either way the deck then shows the
 * slide the author was on, or the same slide of the same section.
 */
class DeckView {
  constructor(pane) { this.pane = pane; this.frame = null; this.slides = []; this.source = null; this.digest = null; this.wanted = null; this.loads = 0; }
  index() {
    const n = Number.parseInt((this.frame?.contentWindow?.location.hash ?? '').slice(1), 10);
    return n > 0 ? n - 1 : 0;
  }
  async show(digest, slides) {
    if (digest === this.wanted) return;
    this.wanted = digest;
    const load = ++this.loads;
    const url = DECK + '&v=' + digest;
    // The file as built (without the live script the window of its own gets).
    const text = await (await fetch('/slides.html?v=' + digest)).text();
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
  patch(source, slides) {
    const doc = this.frame?.contentDocument;
    if (!doc || !this.source || doc.readyState !== 'complete') return false;
    const was = [...doc.querySelectorAll(SLIDES)];
    const now = [...source.querySelectorAll(SLIDES)];
    const wasNotes = [...doc.querySelectorAll(NOTES)];
    const nowNotes = [...source.querySelectorAll(NOTES)];
    const wasStyles = [...doc.querySelectorAll('style')];
    const nowStyles = [...source.querySelectorAll('style')];
    if (was.length !== now.length || wasNotes.length !== nowNotes.length || wasStyles.length !== nowStyles.length) return false;
    // Marp's script reads fragments when the deck loads: a deck with them is loaded anew.
    if (source.querySelector('[data-marpit-fragment]') || skeleton(source) !== skeleton(this.source)) return false;
    const before = [...this.source.querySelectorAll(SLIDES)];
    const index = this.index();
    now.forEach((svg, i) => {
      if (svg.innerHTML === before[i]?.innerHTML) return;
      was[i].replaceChildren(...[...svg.childNodes].map((n) => doc.importNode(n, true)));
    });
    nowNotes.forEach((n, i) => { if (wasNotes[i].innerHTML !== n.innerHTML) wasNotes[i].innerHTML = n.innerHTML; });
    nowStyles.forEach((n, i) => { if (wasStyles[i].textContent !== n.textContent) wasStyles[i].textContent = n.textContent; });
    if (doc.title !== source.title) doc.title = source.title;
    const target = mapIndex(index, this.slides, slides);
    if (target !== index) this.frame.contentWindow.location.hash = '#' + (target + 1);
    return true;
  }
  /** Load a new build into a new iframe and swap it in once it has loaded. */
  async replace(url, slides) {
    const load = this.loads;
    const target = this.frame ? mapIndex(this.index(), this.slides, slides) : 0;
    const next = document.createElement('iframe');
    next.title = 'Slide deck';
    next.className = 'loading';
    next.src = url + '#' + (target + 1);
    this.pane.append(next);
    await new Promise((resolve) => next.addEventListener('load', resolve, { once: true }));
    await next.contentDocument?.fonts?.ready;
    if (load !== this.loads) { next.remove(); return; }
    // The author may have moved on while it loaded.
    const now = this.frame ? mapIndex(this.index(), this.slides, slides) : target;
    if (now !== target) next.contentWindow.location.hash = '#' + (now + 1);
    const focused = document.activeElement === this.frame;
    next.className = '';
    this.frame?.remove();
    this.frame = next;
    if (focused) next.focus();
  }
}

/**
 * Where each named destination of a PDF (the sections' ids) is: its page and how far down the
 * page, as one number (page index + fraction of the page from its top).
 */
async function destinations(doc) {
  const at = new Map();
  const dests = (await doc.getDestinations()) ?? {};
  await Promise.all(Object.entries(dests).map(async ([name, dest]) => {
    if (!Array.isArray(dest) || !dest[0] || typeof dest[0] !== 'object') return;
    const index = await doc.getPageIndex(dest[0]);
    const [, y1, , y2] = (await doc.getPage(index + 1)).view;
    const kind = dest[1]?.name;
    const top = kind === 'XYZ' ? dest[3] : kind === 'FitH' || kind === 'FitBH' ? dest[2] : null;
    const down = typeof top === 'number' && y2 > y1 ? Math.min(1, Math.max(0, (y2 - top) / (y2 - y1))) : 0;
    at.set(name, index + down);
  }));
  return at;
}

/**
 * The same place in a new build of the PDF: as far from the same section's start as before,
 * the section being the one that starts nearest the pane's top edge (the edit may have moved
 * everything around it); the same page when the PDF has no sections.
 */
function mapPlace(place, before, after, count) {
  let best;
  for (const [name, at] of before) {
    if (after.has(name) && (best === undefined || Math.abs(at - place) < Math.abs(before.get(best) - place))) best = name;
  }
  const next = best === undefined ? place : after.get(best) + (place - before.get(best));
  return Math.max(0, Math.min(next, count - 1e-6));
}

/** A PDF pane: pdf.js draws every page (canvas and selectable text), the visible ones first. */
class PdfView {
  constructor(pane) {
    this.pane = pane;
    this.el = document.createElement('div');
    this.el.className = 'pdf';
    this.el.tabIndex = 0;
    pane.append(this.el);
    this.doc = null; this.dests = new Map(); this.pages = []; this.width = 0; this.digest = null; this.wanted = null; this.loads = 0;
    // Pages on screen are drawn at once; the ones a screen away when the browser is idle, so
    // that they never hold up a pane that is still to show a new build.
    this.visible = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) void this.draw(e.target);
    }, { root: this.el });
    this.near = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) requestIdleCallback(() => void this.draw(e.target), { timeout: 2000 });
    }, { root: this.el, rootMargin: '100% 0px' });
    let resized;
    new ResizeObserver(() => {
      clearTimeout(resized);
      resized = setTimeout(() => void this.refit(), 150);
    }).observe(this.el);
  }
  /** Where the pane's top edge is: page index + how far down that page. */
  place() {
    const top = this.el.scrollTop;
    const i = this.pages.findIndex((p) => p.offsetTop + p.offsetHeight > top);
    if (i < 0) return 0;
    const p = this.pages[i];
    return i + Math.max(0, (top - p.offsetTop) / p.offsetHeight);
  }
  async show(url, digest) {
    if (digest === this.wanted) return;
    this.wanted = digest;
    const load = ++this.loads;
    const { lib, worker } = await loadPdfjs();
    const doc = await lib.getDocument({ url, worker, isEvalSupported: false }).promise;
    if (load !== this.loads) { void doc.destroy(); return; }
    const dests = await destinations(doc);
    const place = this.doc ? mapPlace(this.place(), this.dests, dests, doc.numPages) : 0;
    if (!(await this.layout(doc, dests, place, load))) { void doc.destroy(); return; }
    this.digest = digest;
    note(this.pane);
  }
  /** The pane's width changed: the pages drawn again at the new width, at the same place. */
  async refit() {
    if (!this.doc || Math.abs(this.el.clientWidth - this.width) < 8) return;
    await this.layout(this.doc, this.dests, this.place(), ++this.loads);
  }
  /**
   * Pages for \`doc\` as wide as the pane, the one at \`place\` drawn first, then swapped in for
   * the pages shown so far in one go, scrolled to that place: no flash, no jump. False when a
   * newer load overtook this one.
   */
  async layout(doc, dests, place, load) {
    const target = Math.floor(place);
    const width = Math.max(100, this.el.clientWidth - 24);
    const box = document.createElement('div');
    box.className = 'pages';
    const pages = await Promise.all(Array.from({ length: doc.numPages }, async (_, i) => {
      const page = await doc.getPage(i + 1);
      const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
      const div = document.createElement('div');
      div.className = 'page';
      div.dataset.page = String(i + 1);
      div.style.width = viewport.width + 'px';
      div.style.height = viewport.height + 'px';
      div.style.setProperty('--total-scale-factor', String(viewport.scale));
      div.pdfPage = page;
      div.viewport = viewport;
      return div;
    }));
    box.append(...pages);
    await this.draw(pages[target]);
    if (load !== this.loads) return false;
    const old = this.el.firstElementChild;
    this.visible.disconnect();
    this.near.disconnect();
    if (old) old.replaceWith(box); else this.el.append(box);
    const at = pages[target];
    this.el.scrollTop = at.offsetTop + (place - target) * at.offsetHeight;
    for (const p of pages) { this.visible.observe(p); this.near.observe(p); }
    const before = this.doc;
    this.doc = doc; this.dests = dests; this.pages = pages; this.width = this.el.clientWidth;
    if (before !== doc) void before?.destroy();
    return true;
  }
  async draw(div) {
    if (!div || div.drawn) return div?.drawn;
    div.drawn = (async () => {
      const { pdfPage: page, viewport } = div;
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      await page.render({ canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
      const text = document.createElement('div');
      text.className = 'textLayer';
      const { lib } = await loadPdfjs();
      await new lib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
      div.append(canvas, text);
    })();
    return div.drawn;
  }
}

const deck = new DeckView(document.getElementById('deck'));
const briefing = new PdfView(document.getElementById('briefing'));
const status = document.getElementById('status');
const problems = document.getElementById('problems');

function showState(state) {
  const time = state.builtAt ? new Date(state.builtAt).toLocaleTimeString() : '';
  status.textContent = state.version === 0
    ? (state.building ? 'building the first preview… · ' : 'no build yet · ') + TOOL
    : 'build ' + state.version + ' · ' + time + ' · ' + state.ms + ' ms' + (state.building ? ' · building…' : '') + ' · ' + TOOL;
  problems.hidden = state.ok;
  if (!state.ok) {
    problems.querySelector('h2').textContent = state.message || 'The report has problems';
    problems.querySelector('pre').textContent = state.problems.map((p) => p.path + ': ' + p.message).join('\\n');
    problems.querySelector('p').textContent = state.version === 0
      ? 'Nothing to show yet: the preview appears with the first build that succeeds. Fix the report and save.'
      : 'The panes show the last good build (build ' + state.version + ', ' + time + '). Fix the report and save.';
  }
  const html = state.files['slides.html'];
  if (html && html !== deck.digest) void deck.show(html, state.slides);
  const pdf = state.files['briefing.pdf'];
  if (pdf && pdf !== briefing.digest) void briefing.show('/briefing.pdf?v=' + pdf, pdf);
  for (const [pane, file, view] of [[deck.pane, 'slides.html', deck.digest], [briefing.pane, 'briefing.pdf', briefing.digest]]) {
    if (view) continue;
    note(pane, state.files[file] ? 'Loading ' + file + '…'
      : state.version > 0 ? file + ' is not among the formats this watch builds (see --format).'
      : state.building ? 'Building ' + file + '…' : 'No ' + file + ' yet.');
  }
}

// The presenter view opens on the slide the deck pane shows (Marp keeps them together from there).
document.getElementById('presenter').addEventListener('click', (e) => {
  e.currentTarget.href = DECK + '&view=presenter#' + (deck.index() + 1);
});

void loadPdfjs();
showState(${scriptJson(state)});
new EventSource('/events').addEventListener('state', (e) => showState(JSON.parse(e.data)));
</script>
</body>
</html>
`;
}

/**
 * The script the preview adds to a deck it serves with `?live`. In a window of its own (the
 * presenter view, or the deck opened from the preview's "Slides" link) it reloads the deck
 * when a build changes it, on the slide of the same section. Inside the preview's pane it does
 * nothing: the page replaces the pane itself. Marp's sync key (`?sync=`) keeps every window
 * of the deck on the same slide.
 */
export function liveDeckScript(digest: string, slides: readonly string[]): string {
  return `<script>(() => {
  if (window.top !== window) return;
  ${MAP_INDEX}
  const digest = ${scriptJson(digest)};
  const slides = ${scriptJson(slides)};
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    const next = state.files['slides.html'];
    if (!next || next === digest) return;
    events.close();
    const index = Math.max(0, (Number.parseInt(location.hash.slice(1), 10) || 1) - 1);
    const hash = '#' + (mapIndex(index, slides, state.slides) + 1);
    history.replaceState(history.state, '', location.pathname + location.search + hash);
    location.reload();
  });
})();</script>`;
}
