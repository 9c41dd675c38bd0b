/**
 * The slide a deck opens on after a rebuild (shared by the page and the live script): the
 * same slide of the same section, counted from the section's first slide, when slides were
 * added or removed before it; else the same index.
 */
export function mapIndex(index: number, before: readonly string[], after: readonly string[]): number {
  const last = Math.max(0, after.length - 1);
  const key = before[index];
  const first = before.indexOf(key as string);
  const now = after.indexOf(key as string);
  if (key === undefined || first < 0 || now < 0) return Math.min(index, last);
  let count = 0;
  while (after[now + count] === key) count++;
  return Math.min(now + Math.min(index - first, count - 1), last);
}
