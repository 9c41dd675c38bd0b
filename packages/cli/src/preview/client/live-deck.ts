// The script the preview adds to a deck it serves with `?live`. In a window of its own (the
// presenter view, or the deck opened from the preview's "Slides" link) it reloads the deck
// when a build changes it, on the slide of the same section. Inside the preview's pane it
// does nothing: the page replaces the pane itself. Marp's sync key (`?sync=`) keeps every
// window of the deck on the same slide. What it starts from is in its script element's data
// attributes (LiveDeckBoot).
import type { LiveDeckBoot, PreviewState } from '../state.js';
import { mapIndex } from './map-index.js';

const data = (document.currentScript as HTMLScriptElement).dataset;

if (window.top === window) {
  const { digest, slides } = JSON.parse(data.boot as string) as LiveDeckBoot;
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => {
    const state = JSON.parse((e as MessageEvent<string>).data) as PreviewState;
    const next = state.files['slides.html'];
    if (!next || next === digest) return;
    events.close();
    const index = Math.max(0, (Number.parseInt(location.hash.slice(1), 10) || 1) - 1);
    const hash = `#${mapIndex(index, slides, state.slides) + 1}`;
    history.replaceState(history.state, '', location.pathname + location.search + hash);
    location.reload();
  });
}
