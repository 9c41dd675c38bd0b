import type { z } from 'zod';
import { type Report, ReportSchema } from './schema.js';

/** One thing wrong with a report: where (`sections[2].blocks[0].items[3].text`) and what. */
export interface Problem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; report: Report } | { ok: false; problems: Problem[] };

/** `['sections', 2, 'blocks', 0]` as `sections[2].blocks[0]`; the root is `(report)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(report)';
}

function describe(issue: z.core.$ZodIssue): Problem[] {
  // A union failed on every branch: show the branch that got furthest rather than a vague
  // "invalid input", so the author sees the field inside the union that is wrong.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const deepest = issue.errors
      .map((branch) => branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })))
      .sort((a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)))[0];
    const longest = Math.max(...(deepest ?? []).map((i) => i.path.length));
    if (deepest && longest > issue.path.length) return deepest.flatMap((inner) => describe(inner as z.core.$ZodIssue));
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: 'unknown key (not part of the schema; check the spelling)',
    }));
  }
  if (issue.code === 'invalid_type') {
    // `reportInput` is on, so the offending value is known: a missing field says so plainly.
    const received = (issue as { input?: unknown }).input;
    if (received === undefined) return [{ path: formatPath(issue.path), message: 'is required' }];
    if (issue.message.startsWith('Invalid input: expected ')) {
      const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
      return [{ path: formatPath(issue.path), message: `must be ${article} ${issue.expected}, not ${kind(received)}` }];
    }
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/** The problems of a zod error, one per broken field, in document order, without repeats. */
export function problemsOf(error: z.ZodError): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const problem of error.issues.flatMap((issue) => describe(issue))) {
    const key = `${problem.path}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  }
  return out;
}

/** Check unknown input (parsed JSON, a module's export) against the schema; never throws. */
export function parseReport(input: unknown): ParseResult {
  const result = ReportSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, report: result.data } : { ok: false, problems: problemsOf(result.error) };
}

/** Thrown by `assertReport` and by the renderers for an invalid report. */
export class ReportValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], what = 'report') {
    super(`Invalid ${what}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'ReportValidationError';
    this.problems = problems;
  }
}

/** The validated report, or a `ReportValidationError` listing every problem by path. */
export function assertReport(input: unknown): Report {
  const result = parseReport(input);
  if (!result.ok) throw new ReportValidationError(result.problems);
  return result.report;
}
