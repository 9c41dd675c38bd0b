import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// One vitest run for the whole repo: every package's unit tests plus the cross-output
// tests in test/. Source files are resolved through the `@briefing/source` export
// condition, so tests never need a build step first.

/**
 * The test files that start Chromium or LibreOffice (directly, or through a build of the
 * slides' PDF or picture PPTX), drive real `briefing` processes, wait out timeouts, or spend
 * seconds of CPU on fuzzing and whole builds. Everything else is the quick files
 * (`npm run test:quick`, vitest.quick.config.ts, for the inner loop); test/lint/quick.test.ts fails when a quick file
 * starts using the browser or LibreOffice helpers. Entries are paths or `folder/**\/*.test.ts`.
 */
export const SLOW = [
  'packages/cli/test/build.test.ts',
  'packages/cli/test/chromium.test.ts',
  'packages/cli/test/module-thread.test.ts',
  'packages/cli/test/watcher.test.ts',
  'packages/pdf/test/page-craft.test.ts',
  'packages/slides/test/escape.test.ts',
  'test/contract/check-fails.test.ts',
  'test/contract/check-editorial.test.ts',
  'test/contract/reproducible.test.ts',
  'packages/cli/test/build-set.test.ts',
  'packages/cli/test/glyphs.test.ts',
  'packages/cli/test/marp.test.ts',
  'packages/cli/test/preview.test.ts',
  'packages/cli/test/read-input.test.ts',
  'packages/cli/test/slides-pdf-a11y.test.ts',
  'packages/cli/test/startup.test.ts',
  'packages/cli/test/validate.test.ts',
  'packages/cli/test/watch.test.ts',
  'packages/cli/test/watch-resilience.test.ts',
  'packages/slides/test/balance.test.ts',
  'packages/slides/test/browser.test.ts',
  'packages/slides/test/measure.test.ts',
  'test/contract/characters.test.ts',
  'test/contract/coverage.test.ts',
  'test/robustness/**/*.test.ts',
  'test/workspace/briefings.test.ts',
  // Processes: npm, whole builds of a new briefing, and a test that keeps a core busy on purpose.
  'test/lint/newcomer.test.ts',
  'packages/cli/test/new.test.ts',
  'packages/testkit/test/stop-clock.test.ts',
  // Two fresh Node processes that load pdf.js, about 4 s of CPU.
  'packages/inspect/test/pdfjs.test.ts',
];

/**
 * Slow files that spend most of their time waiting on processes they stop, time out or hang
 * on purpose. They start early, spread among the others, so that their waiting overlaps other
 * work. They used to run alone at the end, because a loaded machine pushed their "exits within
 * a second" past the limit; they now time those stops with the testkit's stopClock, which
 * leaves out the time a busy machine kept a process waiting for a core.
 */
export const WAITING = [
  'test/robustness/browser-session.test.ts',
  'test/robustness/kill.test.ts',
  'packages/cli/test/read-input.test.ts',
  'packages/cli/test/module-thread.test.ts',
];

/** Whether a SLOW entry names `file` (relative to the root): a path, or `folder/**\/*.test.ts`. */
export function names(entry: string, file: string): boolean {
  const folder = /^(.+)\/\*\*\/\*\.test\.ts$/u.exec(entry)?.[1];
  return folder === undefined ? file === entry : file.startsWith(`${folder}/`);
}

const root = new URL('./', import.meta.url).pathname;

/**
 * The order files are handed to the workers: the SLOW files, then the quick ones, each part in
 * vitest's own order (failed first, then the longest last time, or the largest), so the run
 * does not end on a long file started late; and among the SLOW ones, a WAITING file at every
 * third place from the first, so that each waits while two files keep the cores busy rather
 * than three of them starting builds and browsers at once.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const relative = (spec: TestSpecification) =>
      spec.moduleId.startsWith(root) ? spec.moduleId.slice(root.length) : spec.moduleId;
    const sorted = await super.sort(files);
    const waiting = WAITING.flatMap((path) => sorted.filter((spec) => relative(spec) === path));
    const rest = sorted.filter((spec) => !waiting.includes(spec));
    const slow = rest.filter((spec) => SLOW.some((entry) => names(entry, relative(spec))));
    const quick = rest.filter((spec) => !slow.includes(spec));
    const order: TestSpecification[] = [];
    for (const spec of slow) {
      if (order.length % 3 === 0 && waiting.length > 0) order.push(waiting.shift() as TestSpecification);
      order.push(spec);
    }
    return [...order, ...waiting, ...quick];
  }
}

export const ALL = ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  resolve: { conditions: ['@briefing/source'] },
  ssr: { resolve: { conditions: ['@briefing/source'] } },
  test: {
    setupFiles: ['./test/setup/fail-on-console.ts'],
    // The run's temp folders in one folder, removed at its end (see the file).
    globalSetup: ['./test/setup/temp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker runs its files one after another in one process, loading the packages (the
    // CLI, marp, pdfkit, puppeteer) once rather than once per file: that loading was most of
    // the suite's time. No test leaves global state behind (environment variables, the
    // working folder and console spies are restored where they are changed).
    isolate: false,
    // Three files at a time even on two cores (vitest's default there is one): many files
    // spend most of their time waiting on a process, a browser or a timer, and a third keeps
    // both cores busy meanwhile.
    maxWorkers: Math.max(3, availableParallelism() + 1),
    sequence: { sequencer: SlowFirst },
    // For test/lint/quick.test.ts, which checks what the quick files import.
    provide: { slowTests: SLOW },
    // One project for the whole run: a worker runs the files of one project only, and each
    // worker loads the packages (about 3 s of CPU), so a quick and a slow project cost a set
    // of workers each. The quick files alone: vitest.quick.config.ts.
    include: ALL,
  },
});
