// The preview page's HTML, served by preview-server.ts; its code is client/, bundled
// (client-bundle.ts) and written into the page.
import { escapeHtml } from '../edge/html.js';
import type { ClientScripts } from './client-bundle.js';
import type { LiveDeckBoot, PageBoot, PreviewState } from './state.js';

export type { PreviewState } from './state.js';

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
export function previewPage(config: PageConfig, state: PreviewState, scripts: ClientScripts): string {
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
<script type="application/json" id="preview-boot">${scriptJson({ tool: config.tool, deck: deckUrl, pdfjs: config.pdfjs, state } satisfies PageBoot)}</script>
<script type="module">
${scripts.page}</script>
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
export function liveDeckScript(digest: string, slides: readonly string[], scripts: ClientScripts): string {
  const boot: LiveDeckBoot = { digest, slides };
  return `<script data-boot="${escapeHtml(JSON.stringify(boot))}">\n${scripts.liveDeck}</script>`;
}
