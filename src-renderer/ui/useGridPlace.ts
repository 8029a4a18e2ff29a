import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { recallGridPlace, rememberGridPlace } from './gridMemory';
import type { GridFocus } from './useGridFocus';

interface PlaceOptions {
  gridRef: RefObject<HTMLElement | null>;
  scrollerRef: RefObject<HTMLElement | null>;
  memoryKey?: string;
  /** No more rows are coming, so an offset beyond them will never be reachable. */
  settled: boolean;
  focus: GridFocus;
  margin: number;
}

/**
 * Saves where the grid was left (scroll offset, focused card, whether focus was in it) under `memoryKey`
 * and restores it when the grid comes back under that key: at once when the rows are there (a cached
 * section), or as soon as enough have arrived. A key it has never seen starts at the top.
 */
export function useGridPlace(virtualizer: Virtualizer<HTMLElement, HTMLDivElement>, o: PlaceOptions) {
  const pendingScroll = useRef<number | null>(null);
  const activeRef = useRef(o.focus.active);
  useEffect(() => {
    activeRef.current = o.focus.active;
  });
  const { memoryKey, gridRef, scrollerRef } = o;
  const { setActive, pendingRef } = o.focus;

  useLayoutEffect(() => {
    const grid = gridRef.current;
    const scroller = scrollerRef.current;
    if (!memoryKey) return;
    const saved = recallGridPlace(memoryKey);
    pendingScroll.current = saved?.scrollTop ?? 0;
    setActive(saved?.active ?? 0);
    pendingRef.current = saved?.hadFocus ? saved.active : null;
    return () => {
      // A place never shown (the rows had not arrived) is kept as it was, not replaced by where the scroller is.
      const scrollTop = pendingScroll.current ?? scroller?.scrollTop ?? 0;
      rememberGridPlace(memoryKey, { scrollTop, active: activeRef.current, hadFocus: !!grid && grid.contains(document.activeElement) });
    };
  }, [memoryKey, gridRef, scrollerRef, setActive, pendingRef]);

  useLayoutEffect(() => {
    const want = pendingScroll.current;
    const el = scrollerRef.current;
    if (want === null || !el) return;
    const reachable = virtualizer.getTotalSize() + o.margin - el.clientHeight;
    if (want > 0 && want > reachable && !o.settled) return;
    el.scrollTop = Math.max(0, Math.min(want, reachable));
    pendingScroll.current = null;
  });
}
