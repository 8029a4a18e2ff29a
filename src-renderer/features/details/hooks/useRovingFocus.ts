import { useState, type KeyboardEvent } from 'react';
import { isTextField } from '../../../ui';

export interface RovingFocus {
  /** Spread on each focusable cell: `col` is its place in its row (0 for the row's main control). */
  cellProps(id: string, col?: number): { tabIndex: number; 'data-roving-id': string; 'data-roving-col': number; onFocus: () => void };
  /** On the list's element: arrows, Home, End, Page Up/Down move the focus. */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

const PAGE = 10;

interface Cell {
  id: string;
  col: number;
  el: HTMLElement;
}

function cellsIn(list: HTMLElement): Cell[] {
  return [...list.querySelectorAll<HTMLElement>('[data-roving-id]')].map((el) => ({ id: el.dataset.rovingId ?? '', col: Number(el.dataset.rovingCol ?? 0), el }));
}

/** How many items sit on the first line of a wrapping grid (1 where layout is unknown, as in tests). */
function columnsOf(cells: readonly Cell[]): number {
  const top = cells[0]?.el.getBoundingClientRect().top;
  const n = cells.filter((c) => c.el.getBoundingClientRect().top === top).length;
  return n > 0 && n < cells.length ? n : 1;
}

/** The row and column a key moves to from (row, col), or null for keys that are not the list's. */
function step(key: string, row: number, col: number, rows: number, grid: number): [number, number] | null {
  const vertical = grid > 0 ? grid : 1;
  const last = rows - 1;
  switch (key) {
    case 'ArrowDown':
      return [Math.min(last, row + vertical), col];
    case 'ArrowUp':
      return [Math.max(0, row - vertical), col];
    case 'ArrowRight':
      return grid > 0 ? [Math.min(last, row + 1), col] : [row, col + 1];
    case 'ArrowLeft':
      return grid > 0 ? [Math.max(0, row - 1), col] : [row, Math.max(0, col - 1)];
    case 'Home':
      return [0, col];
    case 'End':
      return [last, col];
    case 'PageDown':
      return [Math.min(last, row + PAGE * vertical), col];
    case 'PageUp':
      return [Math.max(0, row - PAGE * vertical), col];
    default:
      return null;
  }
}

/**
 * One tab stop for a whole list (WAI-ARIA roving tabindex): arrows move between rows and, in a row with
 * more than one control, Left/Right between its controls; in a `grid` (a wrapping row of cards) Left/Right
 * step one card and Up/Down a line. The focused row is kept by id, so a refetch never moves the user.
 * Enter and clicks are the cells' own (links open, buttons press); Space is never taken here.
 */
export function useRovingFocus(ids: readonly string[], opts: { grid?: boolean } = {}): RovingFocus {
  const [active, setActive] = useState<{ id: string | null; col: number }>({ id: null, col: 0 });
  const current = active.id !== null && ids.includes(active.id) ? active : { id: ids[0] ?? null, col: 0 };

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextField(event.target)) return;
    const cells = cellsIn(event.currentTarget);
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-roving-id]');
    const rowIds = [...new Set(cells.map((c) => c.id))];
    const row = rowIds.indexOf(from?.dataset.rovingId ?? '');
    if (row < 0) return;
    const to = step(event.key, row, Number(from?.dataset.rovingCol ?? 0), rowIds.length, opts.grid ? columnsOf(cells) : 0);
    if (!to) return;
    event.preventDefault();
    const inRow = cells.filter((c) => c.id === rowIds[to[0]]);
    const target = inRow.find((c) => c.col === to[1]) ?? inRow[inRow.length - 1];
    if (!target) return;
    setActive({ id: target.id, col: target.col });
    target.el.focus();
    target.el.scrollIntoView?.({ block: 'nearest' });
  }

  return {
    cellProps: (id, col = 0) => ({
      tabIndex: id === current.id && col === current.col ? 0 : -1,
      'data-roving-id': id,
      'data-roving-col': col,
      onFocus: () => setActive({ id, col }),
    }),
    onKeyDown,
  };
}
