import type { Problem } from '@briefing/content';
import { FORMATS } from './formats.js';
import { escapeHtml } from './html.js';

/** What the preview page shows: the last good outputs, and the problems of the last edit if it failed. */
export interface PreviewState {
  version: number;
  ok: boolean;
  problems: Problem[];
  message?: string;
  builtAt?: string;
}

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

/**
 * The live preview page: slides (with Marp's presenter view one key away) and the PDF side
 * by side; it reloads both when a rebuild lands and shows the problems when an edit is invalid.
 */
export function previewPage(title: string, state: PreviewState): string {
  const slides = `/${FORMATS.html.file}`;
  const pdf = `/${FORMATS.pdf.file}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Preview: ${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1b2430; background: #eef2f7; display: grid; grid-template-rows: auto auto 1fr; height: 100vh; }
  header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #12355b; color: #fff; }
  header a { color: #fff; }
  #status { margin-left: auto; }
  #problems { display: none; margin: 0; padding: .75rem 1rem; background: #fdecea; color: #7a1d12; border-bottom: 2px solid #b4461b; white-space: pre-wrap; font-family: ui-monospace, monospace; }
  #problems.shown { display: block; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; padding: .5rem; min-height: 0; }
  iframe { width: 100%; height: 100%; border: 1px solid #c5cdd8; background: #fff; }
</style>
</head>
<body>
<header>
  <strong>${escapeHtml(title)}</strong>
  <a href="${slides}?view=presenter" target="_blank">Presenter view</a>
  <a href="${slides}" target="_blank">Slides</a>
  <a href="${pdf}" target="_blank">PDF</a>
  <span id="status" role="status">version ${state.version}</span>
</header>
<pre id="problems" role="alert"></pre>
<main>
  <iframe id="slides" title="Slide deck" src="${slides}?v=${state.version}"></iframe>
  <iframe id="pdf" title="PDF briefing" src="${pdf}?v=${state.version}"></iframe>
</main>
<script>
  const problems = document.getElementById('problems');
  const status = document.getElementById('status');
  function show(state) {
    if (state.ok) {
      problems.className = '';
      problems.textContent = '';
      status.textContent = 'version ' + state.version + ' built ' + (state.builtAt || '');
    } else {
      problems.className = 'shown';
      problems.textContent = (state.message || 'Invalid report') + '\\n' +
        state.problems.map((p) => '  ' + p.path + ': ' + p.message).join('\\n') +
        '\\n(showing the last good build)';
    }
  }
  let shown = ${state.version};
  show(${JSON.stringify(state).replace(/</g, '\\u003c')});
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    show(state);
    if (state.ok && state.version !== shown) {
      shown = state.version;
      document.getElementById('slides').src = '${slides}?v=' + state.version;
      document.getElementById('pdf').src = '${pdf}?v=' + state.version;
    }
  });
</script>
</body>
</html>
`;
}
