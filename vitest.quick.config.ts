// `npm run test:quick`, the inner loop: every test file but those vitest.config.ts lists as
// SLOW (no browser, no LibreOffice, no real processes to stop, no fuzzing of whole builds).
//
// One worker per core: the quick files compute and seldom wait, and each worker loads the
// packages and warms the fonts' shaping afresh, so a third worker (the whole run's, which
// overlaps files that wait on processes) only added that work: 59 s of CPU with two workers,
// 71 s with three, for the same 620 tests.
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base, { SLOW } from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, ...SLOW],
      maxWorkers: Math.max(1, availableParallelism()),
      // Transformed modules kept on disk between runs (node_modules/.experimental-vitest-cache,
      // gone with `npm ci`; `npx vitest --clearCache` empties it): a rerun of the inner loop
      // skips turning the TypeScript into JavaScript again, 13% less wall and CPU time (median
      // of four paired runs with farm-bench). Not for the whole run, which CI makes once on a
      // fresh clone, where the cache is only written.
      experimental: { fsModuleCache: true },
    },
  }),
);
