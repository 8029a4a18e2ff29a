import { useCallback, type MouseEvent, type ReactNode } from 'react';
import { navigate, parseRoute } from '../../../app';
import { PosterSkeleton, VirtualGrid, posterCardHeight, type GridCellProps, type PosterShape } from '../../../ui';
import type { PagedView } from '../hooks/usePagedSection';

export interface SectionGridProps<T> {
  view: PagedView<T>;
  label: string;
  shape: PosterShape;
  /** Lines under each card's title; every card of the grid has as many, so rows have one height. */
  metaLines: number;
  /** One card; memoized by the caller on the item, so a page arriving re-renders only new cards. */
  renderCard: (item: T, tabbable: boolean) => ReactNode;
  /** The route's hash: Back to it restores the scroll offset and focused card. */
  memoryKey: string;
  minCellWidth?: number;
}

/**
 * A card's link followed through `navigate`, so Back (Esc, Backspace) returns to this grid rather than
 * climbing to the screen above: plain `<a href>` navigation is not counted by the router. Modified clicks
 * (a new window) are left to the browser.
 */
function followCardLink(event: MouseEvent<HTMLElement>) {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#/"]') : null;
  if (!link) return;
  event.preventDefault();
  navigate(parseRoute(link.getAttribute('href') ?? ''));
}

/** A section's virtual grid of cards over its paged data: skeletons where a page has not arrived. */
export function SectionGrid<T>({ view, label, shape, metaLines, renderCard, memoryKey, minCellWidth = 140 }: SectionGridProps<T>) {
  const { snapshot, show } = view;
  const { itemAt } = snapshot;
  const renderCell = useCallback(
    ({ index, tabbable }: GridCellProps) => {
      const item = itemAt(index);
      return item === undefined ? <PosterSkeleton shape={shape} metaLines={metaLines} /> : renderCard(item, tabbable);
    },
    [itemAt, renderCard, shape, metaLines],
  );
  const cellHeight = useCallback((width: number) => posterCardHeight(width, shape, metaLines), [shape, metaLines]);
  const pendingRows = snapshot.more ? (snapshot.loaded ? 1 : 3) : 0;
  return (
    <div className="section-grid" onClick={followCardLink}>
      <VirtualGrid
        count={snapshot.length}
        pendingRows={pendingRows}
        label={label}
        minCellWidth={minCellWidth}
        gap={18}
        cellHeight={cellHeight}
        renderCell={renderCell}
        onRangeChange={show}
        memoryKey={memoryKey}
        settled={!snapshot.more}
      />
    </div>
  );
}
