import { defineConfig } from 'vitest/config';

// One vitest run for the whole repo: every package's unit tests plus the cross-output
// tests in test/. Source files are resolved through the `@briefing/source` export
// condition, so tests never need a build step first.
export default defineConfig({
  resolve: { conditions: ['@briefing/source'] },
  ssr: { resolve: { conditions: ['@briefing/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup/fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
