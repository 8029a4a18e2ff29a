import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The element that scrolls a grid: its nearest scrolling ancestor (the shell's `main`), else the document's.
 * Found once per mount, in a layout effect, so the virtualizer sees it in its first commit.
 */
export function scrollParentOf(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/** How far below the top of its scroller's content `el` starts: the virtualizer's `scrollMargin`. */
function offsetWithin(el: HTMLElement, scroller: HTMLElement): number {
  const top = el.getBoundingClientRect().top;
  if (scroller === document.documentElement || scroller === document.body) return top + window.scrollY;
  return top - scroller.getBoundingClientRect().top + scroller.scrollTop - scroller.clientTop;
}

/** The element's content width, followed with a ResizeObserver; `fallback` until it has one (jsdom has none). */
export function useMeasuredWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setWidth(el.clientWidth);
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width > 0 ? width : fallback;
}

/**
 * The grid's scroller and where the grid starts in it. Re-measured when `layoutKey` changes (the grid's
 * width, or what stands above it), never on scroll: a layout read per scroll frame is what makes frames long.
 */
export function useScroller(ref: RefObject<HTMLElement | null>, layoutKey: string): { scrollerRef: RefObject<HTMLElement | null>; margin: number } {
  const scrollerRef = useRef<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    scrollerRef.current ??= scrollParentOf(el);
    setMargin(Math.max(0, Math.round(offsetWithin(el, scrollerRef.current))));
  }, [ref, layoutKey]);
  return { scrollerRef, margin };
}

/** Columns of at least `minWidth` that fit `width` with `gap` between them, and the width each gets. */
export function columnsFor(width: number, minWidth: number, gap: number): { columns: number; cellWidth: number } {
  const columns = Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
  return { columns, cellWidth: Math.floor(((width - gap * (columns - 1)) / columns) * 100) / 100 };
}
