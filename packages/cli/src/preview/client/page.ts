// The live preview page's code: the deck and the PDF panes, the status line and the problems,
// kept up to date from the server's events. What it starts from is the JSON in the page's
// `preview-boot` script element (PageBoot).
import type { PageBoot, PreviewState } from '../state.js';
import { DeckView } from './deck-view.js';
import { byId, note } from './dom.js';
import { PdfView, pdfjsLoader } from './pdf-view.js';

const boot = JSON.parse(byId('preview-boot').textContent as string) as PageBoot;
const { tool: TOOL, deck: DECK } = boot;
const loadPdfjs = pdfjsLoader(boot.pdfjs);

const deck = new DeckView(byId('deck'), DECK);
const briefing = new PdfView(byId('briefing'), loadPdfjs);
const status = byId('status');
const problems = byId('problems');

function showState(state: PreviewState): void {
  const time = state.builtAt ? new Date(state.builtAt).toLocaleTimeString() : '';
  status.textContent =
    state.version === 0
      ? `${state.building ? 'building the first preview… · ' : 'no build yet · '}${TOOL}`
      : `build ${state.version} · ${time} · ${state.ms} ms${state.building ? ' · building…' : ''} · ${TOOL}`;
  problems.hidden = state.ok;
  if (!state.ok) {
    problems.querySelector('h2')!.textContent = state.message || 'The report has problems';
    problems.querySelector('pre')!.textContent = state.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    problems.querySelector('p')!.textContent =
      state.version === 0
        ? 'Nothing to show yet: the preview appears with the first build that succeeds. Fix the report and save.'
        : `The panes show the last good build (build ${state.version}, ${time}). Fix the report and save.`;
  }
  const html = state.files['slides.html'];
  if (html && html !== deck.digest) void deck.show(html, state.slides);
  const pdf = state.files['briefing.pdf'];
  if (pdf && pdf !== briefing.digest) void briefing.show(`/briefing.pdf?v=${pdf}`, pdf);
  const panes: [HTMLElement, string, string | null][] = [
    [deck.pane, 'slides.html', deck.digest],
    [briefing.pane, 'briefing.pdf', briefing.digest],
  ];
  for (const [pane, file, view] of panes) {
    if (view) continue;
    note(
      pane,
      state.files[file]
        ? `Loading ${file}…`
        : state.version > 0
          ? `${file} is not among the formats this watch builds (see --format).`
          : state.building
            ? `Building ${file}…`
            : `No ${file} yet.`,
    );
  }
}

// The presenter view opens on the slide the deck pane shows (Marp keeps them together from there).
byId('presenter').addEventListener('click', (e) => {
  (e.currentTarget as HTMLAnchorElement).href = `${DECK}&view=presenter#${deck.index() + 1}`;
});

void loadPdfjs();
showState(boot.state);
new EventSource('/events').addEventListener('state', (e) =>
  showState(JSON.parse((e as MessageEvent<string>).data) as PreviewState),
);
