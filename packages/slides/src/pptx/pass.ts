// How the package pass (package.ts) fails when a part lacks what an edit needs: loudly, naming
// the part and what it expected, never as a silent no-op (the edits: xml/tree.ts's `need` and
// the checks beside each edit).

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
