// The figure pass: a Figure that only groups a chart and its caption becomes a Div, and a
// chart Figure Chromium left without /Alt takes the chart's description.
import { hasText, name, text } from './pdf-objects.js';
import type { Elem, StructTree } from './struct-tree.js';

/**
 * Figures: a Figure without alternative text that holds another Figure (Chromium's `<figure>`
 * around an `<svg role="img">` and a `<figcaption>`) groups a figure and its caption, so it
 * becomes a Div; a Figure without alternative text and without Figures inside gets the chart
 * description of the same position, when there is one description per such Figure.
 */
export function describeFigures(
  tree: StructTree,
  elements: readonly Elem[],
  chartAlt: readonly string[] | undefined,
): void {
  const figures = elements.filter((e) => tree.type(e.dict) === 'Figure');
  const inside = (outer: Elem) =>
    figures.some((f) => {
      for (let p = f.parent; p; p = p.parent) if (p === outer) return true;
      return false;
    });
  const described = (e: Elem) => hasText(e.dict, 'Alt') || hasText(e.dict, 'ActualText');
  const leaves = figures.filter((f) => !inside(f));
  for (const f of figures) if (!leaves.includes(f) && !described(f)) f.dict.set(name('S'), name('Div'));
  if (chartAlt && chartAlt.length === leaves.length)
    leaves.forEach((f, i) => {
      if (!described(f)) f.dict.set(name('Alt'), text(chartAlt[i] as string));
    });
}
