/**
 * Moving focus along a list whose items carry `attr` (one tab stop; arrows move): the list is read from the
 * page in order, so it holds whatever is rendered, however it is grouped.
 */
export function itemsIn(container: HTMLElement | null, attr: string): HTMLElement[] {
  return container ? [...container.querySelectorAll<HTMLElement>(`[${attr}]`)] : [];
}

/** The item `key` asks for from `current` (ArrowDown/Up, Home/End, and Left/Right when `horizontal`), or null when the key is not a move. */
export function targetOf(items: readonly HTMLElement[], current: HTMLElement | null, key: string, horizontal = false): HTMLElement | null | undefined {
  const at = current ? items.indexOf(current) : -1;
  const forward = horizontal ? 'ArrowRight' : 'ArrowDown';
  const back = horizontal ? 'ArrowLeft' : 'ArrowUp';
  switch (key) {
    case forward:
      return items[Math.min(items.length - 1, at + 1)];
    case back:
      return at <= 0 ? null : items[at - 1];
    case 'Home':
      return items[0];
    case 'End':
      return items[items.length - 1];
    default:
      return undefined;
  }
}

/** Focuses an item and keeps it in view (the reduced-motion setting is the browser's: no smooth scrolling asked). */
export function focusItem(el: HTMLElement): void {
  el.focus();
  el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}
