/** Where a key moves focus in a grid of `count` cells laid out `columns` to a row. */
export interface GridShape {
  count: number;
  columns: number;
  /** Whole rows that fit in the viewport: what Page Up and Page Down move by. */
  pageRows: number;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

/**
 * The index focus moves to for `key` from `from`, or null when the key is not a grid key. Arrows move by
 * one cell or one row (Down on the row above a short last row lands on its last cell), Home and End go to
 * the first and last cell, Page Up and Page Down move by a screenful of rows in the same column.
 */
export function gridMove(key: string, from: number, { count, columns, pageRows }: GridShape): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const at = clamp(from, last);
  const cols = Math.max(1, columns);
  const page = Math.max(1, pageRows) * cols;
  switch (key) {
    case 'ArrowRight':
      return clamp(at + 1, last);
    case 'ArrowLeft':
      return clamp(at - 1, last);
    case 'ArrowDown':
      return Math.floor(at / cols) === Math.floor(last / cols) ? at : clamp(at + cols, last);
    case 'ArrowUp':
      return at - cols >= 0 ? at - cols : at;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return at + page <= last ? at + page : lastInColumn(at, last, cols);
    case 'PageUp':
      return at - page >= 0 ? at - page : at % cols;
    default:
      return null;
  }
}

/** The lowest cell of `at`'s column, or the last cell when the last row is too short to reach it. */
function lastInColumn(at: number, last: number, cols: number): number {
  const col = at % cols;
  const lastRowStart = last - (last % cols);
  return Math.min(lastRowStart + col, last);
}
