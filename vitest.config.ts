import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// One vitest run for the whole repo: every package's unit tests plus the cross-output
// tests in test/. Source files are resolved through the `@briefing/source` export
// condition, so tests never need a build step first.

/**
 * The test files that start Chromium or LibreOffice (directly, or through a build of the
 * slides' PDF or picture PPTX), drive real `briefing` processes, wait out timeouts, or spend
 * seconds of CPU on fuzzing and whole builds. Everything else is the quick project
 * (`npm run test:quick`, for the inner loop); test/lint/quick.test.ts fails when a quick file
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
  'test/contract/reproducible.test.ts',
  'packages/cli/test/build-set.test.ts',
  'packages/cli/test/glyphs.test.ts',
  'packages/cli/test/marp.test.ts',
  'packages/cli/test/preview.test.ts',
  'packages/cli/test/read-input.test.ts',
  'packages/cli/test/slides-pdf-a11y.test.ts',
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
];

/**
 * Slow files that assert how soon something happens (a stopped build exits within a second,
 * a hung module is given up in time). They run after the others, one file at a time, so that
 * another file's work cannot push them past their limits.
 */
export const TIMED = [
  'packages/cli/test/module-thread.test.ts',
  'packages/cli/test/read-input.test.ts',
  'test/robustness/browser-session.test.ts',
  'test/robustness/kill.test.ts',
];

export const ALL = ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  resolve: { conditions: ['@briefing/source'] },
  ssr: { resolve: { conditions: ['@briefing/source'] } },
  test: {
    setupFiles: ['./test/setup/fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker runs its files one after another in one process, loading the packages (the
    // CLI, marp, pdfkit, puppeteer) once rather than once per file: that loading was most of
    // the suite's time. No test leaves global state behind (environment variables, the
    // working folder and console spies are restored where they are changed).
    isolate: false,
    // Two files at a time even on two cores (vitest's default there is one): many tests
    // spend most of their time waiting on a process, a browser or a timer.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // For test/lint/quick.test.ts, which checks what the quick files import.
    provide: { slowTests: SLOW },
    projects: [
      {
        extends: true,
        test: {
          name: 'quick',
          include: ALL,
          exclude: [...configDefaults.exclude, ...SLOW],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'slow', include: SLOW, exclude: TIMED, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
