import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type ReactNode } from 'react';
import { cx } from './cx';
import { columnsFor, useMeasuredWidth, useScroller } from './useGridLayout';
import { useGridFocus } from './useGridFocus';
import { useGridPlace } from './useGridPlace';
import './grid.css';

export interface GridCellProps {
  index: number;
  /** The grid's one tab stop: the card's own link gets `tabIndex={0}`, every other `-1`. */
  tabbable: boolean;
}

export interface VirtualGridProps {
  /** Cells focus can reach: every item, loaded or not (unloaded ones render as skeletons). */
  count: number;
  /** Rows of skeletons after them, while a list of unknown length loads its next page. */
  pendingRows?: number;
  label: string;
  minCellWidth: number;
  gap?: number;
  /** A card's height for a cell `width` wide: every row has it, which keeps windowing exact and cheap. */
  cellHeight: (width: number) => number;
  /**
   * One card. Its focus target (the link that opens it) carries `data-cell-focus` and the `tabIndex` of
   * `tabbable`; a skeleton has none, and the cell itself takes focus until the card arrives.
   */
  renderCell: (cell: GridCellProps) => ReactNode;
  /** The cells in and near the viewport, for paging data in. */
  onRangeChange?: (first: number, last: number) => void;
  /** Where Back should land: the route's hash. */
  memoryKey?: string;
  /** The count is final (a total is known or the list ended), so a remembered offset beyond it is given up. */
  settled?: boolean;
  /** Changes when something above the grid changes height (a notice), so where it starts is measured again. */
  layoutKey?: string;
  className?: string;
}

const OVERSCAN_ROWS = 2;

/**
 * A virtualized grid of cards (WAI-ARIA grid): rows are windowed over the page's own scroller, so 100,000
 * cells cost what 40 do. Columns follow the width. One tab stop (roving tabindex); arrows move by a cell or a
 * row, Home/End to the ends, Page Up/Down by a screen; the focused card is scrolled into view, and its row is
 * always rendered so focus is never dropped by windowing. Back restores the scroll offset and focused card.
 * Cards may use `--cell-w` (a cell's width) in their CSS.
 */
export function VirtualGrid(props: VirtualGridProps) {
  const { count, pendingRows = 0, label, minCellWidth, gap = 16, cellHeight, renderCell, memoryKey, className } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(gridRef, 960);
  const { columns, cellWidth } = columnsFor(width, minCellWidth, gap);
  // What stands above the grid changes with the address (a toolbar that wraps once a filter is on).
  const { scrollerRef, margin } = useScroller(gridRef, `${width}:${count > 0}:${memoryKey ?? ''}:${props.layoutKey ?? ''}`);
  const rowHeight = Math.round(cellHeight(cellWidth)) + gap;
  const cellCount = pendingRows > 0 ? (Math.ceil(count / columns) + pendingRows) * columns : count;
  const rowCount = Math.ceil(cellCount / columns);
  const focus = useGridFocus(gridRef, { count, columns, memoryKey });
  const activeRow = Math.floor(focus.active / columns);
  // The compiler cannot memoize around the virtualizer's methods; this component is memoized by hand instead.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLDivElement>({
    count: rowCount,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN_ROWS,
    scrollMargin: margin,
    rangeExtractor: useCallback((range: Range) => withRow(defaultRangeExtractor(range), activeRow, range.count), [activeRow]),
  });
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);
  useGridPlace(virtualizer, { gridRef, scrollerRef, memoryKey, settled: props.settled ?? true, focus, margin });
  useRangeReport(virtualizer, columns, cellCount, props.onRangeChange);
  // The viewport's height is read when a key asks for it, never while rendering: a layout read per scroll frame is a long frame.
  const pageRows = () => Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 0) / rowHeight));
  const onKeyDown = focus.keyHandler(pageRows, (index) => virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' }));
  return (
    <div ref={gridRef} role="grid" aria-label={label} aria-rowcount={rowCount} aria-colcount={columns} className={cx('vgrid', className)} style={{ height: virtualizer.getTotalSize(), ['--cell-w' as string]: `${cellWidth}px` }} onKeyDown={onKeyDown} onFocus={focus.onFocus}>
      {virtualizer.getVirtualItems().map((row) => (
        <GridRow
          key={row.key}
          row={row.index}
          top={row.start - margin}
          height={rowHeight - gap}
          columns={columns}
          cellWidth={cellWidth}
          gap={gap}
          cellCount={cellCount}
          tabbable={activeRow === row.index ? focus.active : -1}
          renderCell={renderCell}
        />
      ))}
    </div>
  );
}

/** The rows to render, with the focused card's row kept in even when scrolled far away. */
function withRow(rows: number[], row: number, count: number): number[] {
  if (row < 0 || row >= count || rows.includes(row)) return rows;
  return [...rows, row].sort((a, b) => a - b);
}

/** Reports the cells of the visible rows and a little around them, when they change. */
function useRangeReport(virtualizer: Virtualizer<HTMLElement, HTMLDivElement>, columns: number, cellCount: number, onRangeChange?: (first: number, last: number) => void) {
  const range = virtualizer.range;
  const startRow = range ? range.startIndex : 0;
  const endRow = range ? range.endIndex : 0;
  useEffect(() => {
    if (!onRangeChange || cellCount === 0) return;
    const first = Math.max(0, startRow - OVERSCAN_ROWS) * columns;
    const last = Math.min(cellCount - 1, (endRow + OVERSCAN_ROWS + 1) * columns - 1);
    onRangeChange(first, Math.max(first, last));
  }, [onRangeChange, startRow, endRow, columns, cellCount]);
}

interface GridRowProps {
  row: number;
  top: number;
  height: number;
  columns: number;
  cellWidth: number;
  gap: number;
  cellCount: number;
  /** The tab stop's index when it is in this row, else -1: only the rows it leaves and enters re-render. */
  tabbable: number;
  renderCell: (cell: GridCellProps) => ReactNode;
}

/** One row of cells, memoized: scrolling renders only the rows that come into view. */
const GridRow = memo(function GridRow({ row, top, height, columns, cellWidth, gap, cellCount, tabbable, renderCell }: GridRowProps) {
  const cells: ReactNode[] = [];
  for (let c = 0, index = row * columns; c < columns && index < cellCount; c++, index++) {
    cells.push(
      <div key={c} role="gridcell" aria-colindex={c + 1} data-cell={index} tabIndex={-1} className="vgrid-cell" style={{ width: cellWidth }}>
        {renderCell({ index, tabbable: index === tabbable })}
      </div>,
    );
  }
  return (
    <div role="row" aria-rowindex={row + 1} className="vgrid-row" style={{ transform: `translateY(${top}px)`, height, columnGap: gap }}>
      {cells}
    </div>
  );
});
