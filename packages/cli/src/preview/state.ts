// What the preview server tells its page: shared by the server (page.ts, preview-server.ts,
// watcher.ts) and the page's own code (client/), which imports only these types.
import type { Problem } from '@briefing/content';

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

/** What the page starts from, written into it as JSON (the `preview-boot` script element). */
export interface PageBoot {
  /** `briefing 0.1.0`: the status line names the tool that builds. */
  tool: string;
  /** The deck's address in its pane: slides.html with the live flag and Marp's sync key. */
  deck: string;
  /** Where the page loads pdf.js and its worker from. */
  pdfjs: { module: string; worker: string };
  /** The state when the page was served. */
  state: PreviewState;
}

/** What the live script added to a deck served with `?live` starts from (its data attributes). */
export interface LiveDeckBoot {
  /** The digest of the deck as served. */
  digest: string;
  /** Its slides' sections, as in PreviewState. */
  slides: readonly string[];
}
