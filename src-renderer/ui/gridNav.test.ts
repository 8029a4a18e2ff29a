import { describe, expect, it } from 'vitest';
import { gridMove } from './gridNav';

// 23 cells, 5 to a row: the last row (20–22) is short.
const shape = { count: 23, columns: 5, pageRows: 2 };

describe('gridMove', () => {
  it('moves by a cell with Left and Right, across row ends, and stops at the ends', () => {
    expect(gridMove('ArrowRight', 4, shape)).toBe(5);
    expect(gridMove('ArrowLeft', 5, shape)).toBe(4);
    expect(gridMove('ArrowLeft', 0, shape)).toBe(0);
    expect(gridMove('ArrowRight', 22, shape)).toBe(22);
  });

  it('moves by a row with Up and Down, landing on the last cell above a short last row', () => {
    expect(gridMove('ArrowDown', 2, shape)).toBe(7);
    expect(gridMove('ArrowUp', 7, shape)).toBe(2);
    expect(gridMove('ArrowUp', 2, shape)).toBe(2);
    expect(gridMove('ArrowDown', 19, shape)).toBe(22);
    expect(gridMove('ArrowDown', 21, shape)).toBe(21);
  });

  it('goes to the first and last cell with Home and End, and a screenful of rows with Page Up and Down', () => {
    expect(gridMove('Home', 13, shape)).toBe(0);
    expect(gridMove('End', 3, shape)).toBe(22);
    expect(gridMove('PageDown', 1, shape)).toBe(11);
    expect(gridMove('PageDown', 14, shape)).toBe(22);
    expect(gridMove('PageDown', 11, shape)).toBe(21);
    expect(gridMove('PageUp', 13, shape)).toBe(3);
    expect(gridMove('PageUp', 8, shape)).toBe(3);
  });

  it('ignores other keys and empty grids', () => {
    expect(gridMove(' ', 0, shape)).toBeNull();
    expect(gridMove('Enter', 0, shape)).toBeNull();
    expect(gridMove('ArrowRight', 0, { ...shape, count: 0 })).toBeNull();
  });
});
