import { useEffect, useRef, useState, type ReactNode } from 'react';
import { cx } from './cx';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row has this height in CSS pixels: that is what makes windowing O(visible rows). */
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  className?: string;
  overscan?: number;
  /** Used before the viewport has been measured (and in jsdom, where nothing has a size). */
  fallbackHeight?: number;
}

/**
 * A fixed-row-height windowed list: only the rows in view (plus `overscan`) are in the DOM, so 10,000 rows
 * cost the same as 30. Rows are `role="listitem"` with `aria-setsize`/`aria-posinset` so assistive tech
 * knows the full length.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  getKey,
  renderRow,
  label,
  className,
  overscan = 8,
  fallbackHeight = 600,
}: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const frame = useRef(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  function onScroll() {
    // One state update per frame at most, however fast the wheel spins.
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(ref.current?.scrollTop ?? 0));
  }

  const viewport = height > 0 ? height : fallbackHeight;
  const total = items.length;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i] as T;
    rows.push(
      <div
        key={getKey(item)}
        role="listitem"
        aria-setsize={total}
        aria-posinset={i + 1}
        className="vlist-row"
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div ref={ref} className={cx('vlist', className)} onScroll={onScroll} role="list" aria-label={label}>
      <div className="vlist-spacer" style={{ height: total * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
