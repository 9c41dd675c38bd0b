/** An element of the page by id; the page is ours, so a missing one is a bug. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the preview page has no #${id}`);
  return el as T;
}

/** Show a note over a pane (a text), or take it away (undefined). */
export function note(pane: HTMLElement, text?: string): void {
  let el = pane.querySelector(':scope > .note');
  if (text === undefined) {
    el?.remove();
    return;
  }
  if (!el) {
    el = document.createElement('div');
    el.className = 'note';
    pane.append(el);
  }
  el.textContent = text;
}
