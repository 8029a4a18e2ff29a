import { useCallback, useEffect, useLayoutEffect, useRef, useState, type Dispatch, type FocusEvent, type KeyboardEvent, type RefObject, type SetStateAction } from 'react';
import { recallGridPlace } from './gridMemory';
import { gridMove } from './gridNav';

export interface GridFocus {
  /** The cell holding the grid's tab stop. */
  active: number;
  setActive: Dispatch<SetStateAction<number>>;
  /** A cell to move focus to once it is rendered (after a key, or a return with Back). */
  pendingRef: RefObject<number | null>;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** The grid's key handler, given how to count the rows a page holds and how to scroll a cell into view. */
  keyHandler: (pageRows: () => number, reveal: (index: number) => void) => (event: KeyboardEvent<HTMLElement>) => void;
}

/** The cell index of the element `target` is in, or null outside a cell. */
function cellOf(target: EventTarget | null): number | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>('[data-cell]') : null;
  const index = cell ? Number(cell.dataset.cell) : NaN;
  return Number.isInteger(index) ? index : null;
}

/**
 * Roving focus over a grid's cells. Focus goes to a cell's `[data-cell-focus]` (its link) or, while it is a
 * skeleton, to the cell itself, and moves on to the link when the card arrives. It is only ever taken back
 * from the body (a card that was unmounted), never from an element elsewhere the user chose.
 */
export function useGridFocus(gridRef: RefObject<HTMLElement | null>, { count, columns, memoryKey }: { count: number; columns: number; memoryKey?: string }): GridFocus {
  const [raw, setActive] = useState(() => (memoryKey ? recallGridPlace(memoryKey)?.active : undefined) ?? 0);
  const active = Math.max(0, Math.min(raw, count - 1));
  const pendingRef = useRef<number | null>(null);

  useLayoutEffect(() => {
    const want = pendingRef.current;
    const grid = gridRef.current;
    if (want === null || !grid) return;
    const current = document.activeElement;
    if (current && current !== document.body && !grid.contains(current)) {
      pendingRef.current = null;
      return;
    }
    const cell = grid.querySelector<HTMLElement>(`[data-cell="${want}"]`);
    const target = cell?.querySelector<HTMLElement>('[data-cell-focus]') ?? cell;
    if (!target) return;
    if (document.activeElement !== target) target.focus({ preventScroll: true });
    if (target !== cell) pendingRef.current = null;
  });

  useEffect(() => {
    const onFocusIn = (event: Event) => {
      if (!gridRef.current?.contains(event.target as Node)) pendingRef.current = null;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [gridRef]);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const index = cellOf(event.target);
      if (index !== null && index < count) setActive(index);
    },
    [count],
  );

  const keyHandler = (pageRows: () => number, reveal: (index: number) => void) => (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.metaKey || event.shiftKey || event.defaultPrevented || cellOf(event.target) === null) return;
    const paging = event.key === 'PageUp' || event.key === 'PageDown';
    const next = gridMove(event.key, active, { count, columns, pageRows: paging ? pageRows() : 1 });
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    pendingRef.current = next;
    reveal(next);
  };

  return { active, setActive, pendingRef, onFocus, keyHandler };
}
