import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderPlaces } from './folder-paths.js';

const p = (...segments: string[]) => path.join(path.parse(process.cwd()).root, ...segments);
const place = (...segments: string[]) => `…${path.sep}${segments.join(path.sep)}`;

describe('folderPlaces', () => {
  it('names the last two folders that hold a folder, never all of them', () => {
    expect(folderPlaces([p('home', 'you', 'media', 'Movies'), p('srv', 'Music')])).toEqual([place('you', 'media'), '']);
    expect(folderPlaces([p('home', 'you', 'Movies')])).toEqual([place('you')]);
  });

  it('names as many more as tell folders of the same name apart, and only for those', () => {
    expect(folderPlaces([p('a', 'x', 'y', 'Movies'), p('b', 'x', 'y', 'Movies'), p('c', 'x', 'y', 'Shows')])).toEqual([
      place('a', 'x', 'y'),
      place('b', 'x', 'y'),
      place('x', 'y'),
    ]);
    expect(folderPlaces([p('a', 'Movies'), p('b', 'Movies')])).toEqual([place('a'), place('b')]);
  });
});
