import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetGridPlaces } from './gridMemory';
import { mockGridLayout } from './layoutForTests';
import { posterCardHeight } from './PosterCard';
import { VirtualGrid, type GridCellProps } from './VirtualGrid';

let undoLayout: () => void;
beforeEach(() => {
  undoLayout = mockGridLayout({ width: 1000, height: 800 });
  forgetGridPlaces();
});
afterEach(() => {
  cleanup();
  undoLayout();
});

function Cell({ index, tabbable }: GridCellProps) {
  return (
    <a href={`#/item/${index}`} data-cell-focus="" tabIndex={tabbable ? 0 : -1}>
      Cell {index}
    </a>
  );
}

function Grid({ count, memoryKey, onRangeChange }: { count: number; memoryKey?: string; onRangeChange?: (a: number, b: number) => void }) {
  return <VirtualGrid count={count} label="Things" minCellWidth={150} gap={18} cellHeight={(w) => posterCardHeight(w, 'poster', 1)} renderCell={Cell} memoryKey={memoryKey} onRangeChange={onRangeChange} />;
}

const cells = () => screen.getAllByRole('gridcell');
const focusedCell = () => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell');

describe('VirtualGrid', () => {
  it('renders only the rows near the viewport of 100,000 cells, and says how many there are', () => {
    const onRange = vi.fn();
    render(<Grid count={100_000} onRangeChange={onRange} />);
    const grid = screen.getByRole('grid', { name: 'Things' });
    // 1000 px fit 6 columns of at least 150 px; 800 px show about 3 rows, plus 2 rows of overscan.
    expect(grid.getAttribute('aria-colcount')).toBe('6');
    expect(grid.getAttribute('aria-rowcount')).toBe(String(Math.ceil(100_000 / 6)));
    expect(cells().length).toBeLessThan(60);
    expect(screen.getByText('Cell 0')).toBeTruthy();
    expect(onRange).toHaveBeenLastCalledWith(0, expect.any(Number));
    expect(onRange.mock.lastCall![1]).toBeLessThan(60);
  });

  it('is one tab stop, and arrows, Home, End and Page keys move focus over the cards', async () => {
    const user = userEvent.setup();
    render(<Grid count={1000} />);
    expect(screen.getAllByRole('link').filter((a) => a.tabIndex === 0)).toHaveLength(1);
    await user.tab();
    expect(focusedCell()).toBe('0');
    await user.keyboard('{ArrowRight}');
    expect(focusedCell()).toBe('1');
    await user.keyboard('{ArrowDown}');
    expect(focusedCell()).toBe('7');
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(focusedCell()).toBe('0');
    await user.keyboard('{PageDown}');
    expect(Number(focusedCell())).toBeGreaterThanOrEqual(6);
    await user.keyboard('{End}');
    expect(focusedCell()).toBe('999');
    expect(screen.getAllByRole('link').filter((a) => a.tabIndex === 0).map((a) => a.textContent)).toEqual(['Cell 999']);
    await user.keyboard('{Home}');
    expect(focusedCell()).toBe('0');
  });

  it('gives the focused card back, and where it was, when the grid comes back under the same key', async () => {
    const user = userEvent.setup();
    function Toggle() {
      const [shown, setShown] = useState(true);
      return (
        <>
          <button onClick={() => setShown((s) => !s)}>toggle</button>
          {shown ? <Grid count={500} memoryKey="#/things" /> : <p>elsewhere</p>}
        </>
      );
    }
    render(<Toggle />);
    await user.tab();
    await user.tab();
    await user.keyboard('{PageDown}{PageDown}{ArrowRight}');
    expect(focusedCell()).toBe('25');
    const scroller = document.documentElement;
    const left = scroller.scrollTop;
    expect(left).toBeGreaterThan(0);
    // Leave with focus in the grid (as Enter on a card does); the next screen starts at the top; come back.
    act(() => screen.getByRole('button', { name: 'toggle' }).click());
    expect(screen.getByText('elsewhere')).toBeTruthy();
    scroller.scrollTop = 0;
    act(() => screen.getByRole('button', { name: 'toggle' }).click());
    expect(focusedCell()).toBe('25');
    expect(scroller.scrollTop).toBe(left);
  });
});
