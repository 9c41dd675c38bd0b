// How each edit of the package pass (package.ts) fails: loudly, naming the part and what it
// expected, never as a silent no-op.

/**
 * The error when pptxgenjs's output is not what a step of the pass expects (a new version
 * writing its XML differently, say): better no file than one silently left unpatched.
 */
export class PptxPassError extends Error {
  constructor(part: string, expected: string) {
    super(`internal: pptxgenjs wrote ${part} unlike this pass expects (${expected}); see pptx/package.ts`);
    this.name = 'PptxPassError';
  }
}

/**
 * `pattern` replaced in `xml`, asserting how many times it matched: `count` exactly, or at
 * least `min` (default one). Every patch of the pass goes through here, so none can become
 * a silent no-op.
 */
export function replaceExpected(
  part: string,
  xml: string,
  pattern: RegExp,
  replace: (match: string, ...groups: string[]) => string,
  expected: { what: string; count?: number; min?: number },
): string {
  let n = 0;
  const out = xml.replace(pattern, (...args: unknown[]) => {
    n++;
    return replace(...(args as [string, ...string[]]));
  });
  const ok = expected.count !== undefined ? n === expected.count : n >= (expected.min ?? 1);
  if (!ok) {
    const want = expected.count !== undefined ? `exactly ${expected.count}` : `at least ${expected.min ?? 1}`;
    throw new PptxPassError(part, `${want} ${expected.what}, found ${n}`);
  }
  return out;
}
