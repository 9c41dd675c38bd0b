import { afterEach, beforeEach, vi } from 'vitest';

// A test that makes any code path print a warning or an error fails: such output is
// either a bug or something a test should assert on explicitly (by mocking console).
let unexpected: string[] = [];

beforeEach(() => {
  unexpected = [];
  for (const level of ['warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      unexpected.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console output:\n${unexpected.join('\n')}`);
  }
});
