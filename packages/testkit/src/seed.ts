// The one seed for every fast-check property in the repository (test/ and the packages'
// own tests), so that a failure anywhere replays with `FC_SEED=<seed> npm test`.

/** A whole number from the environment, or `fallback` when unset; anything else is an error. */
function fromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return n;
}

/** Fixed in CI so a run is repeatable; FC_SEED reproduces a reported failure anywhere. */
export const seed = fromEnv('FC_SEED', process.env.CI ? 20240223 : Date.now() % 2 ** 31);

/**
 * Parameters for `fc.assert`: the shared seed (plus `offset`, for a second property over
 * the same arbitrary that should see other values) and `numRuns`, which FC_RUNS overrides.
 */
export function seeded(numRuns: number, offset = 0): { seed: number; numRuns: number } {
  return { seed: seed + offset, numRuns: fromEnv('FC_RUNS', numRuns) };
}
