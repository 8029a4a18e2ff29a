import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { cx } from './cx';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** A row's usual height in CSS pixels: rows not yet seen are placed at it, and each is measured once drawn. */
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  className?: string;
  overscan?: number;
  /** Used before the viewport has been measured (and in jsdom, where nothing has a size). */
  fallbackHeight?: number;
}

/** The viewport's size, or `fallbackHeight` tall while it has none (before layout, and always in jsdom). */
const viewportOr =
  (fallbackHeight: number) =>
  (instance: Virtualizer<HTMLDivElement, HTMLDivElement>, report: (rect: { width: number; height: number }) => void) =>
    observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : { ...rect, height: fallbackHeight }));

/** A drawn row's height; jsdom lays nothing out, and a row measured as 0 would pull every row into view. */
const measuredOr = (estimate: number) => (row: Element) => row.getBoundingClientRect().height || estimate;

/**
 * A windowed list: only the rows in view (plus `overscan`) are in the DOM, so 10,000 rows cost the same as
 * 30. Rows take the height their content needs (a narrow window wraps a row onto more lines, and nothing in
 * it is cut off or overlaps the next); each is measured as it is drawn and the rest are placed at
 * `rowHeight`. Rows are `role="listitem"` with `aria-setsize`/`aria-posinset` so assistive tech knows the
 * full length.
 */
export function VirtualList<T>({ items, rowHeight, getKey, renderRow, label, className, overscan = 8, fallbackHeight = 600 }: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  // The compiler cannot memoize around the virtualizer's methods; rows are cheap and keyed.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: items.length,
    getScrollElement: () => ref.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => getKey(items[index] as T),
    measureElement: measuredOr(rowHeight),
    overscan,
    initialRect: { width: 0, height: fallbackHeight },
    observeElementRect: viewportOr(fallbackHeight),
  });
  const total = items.length;
  return (
    <div ref={ref} className={cx('vlist', className)} role="list" aria-label={label}>
      <div className="vlist-spacer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            role="listitem"
            aria-setsize={total}
            aria-posinset={row.index + 1}
            className="vlist-row"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {renderRow(items[row.index] as T, row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
