import { describe, expect, it } from 'vitest';
import { chapterAt } from './useCurrentChapter';

const CHAPTERS = [
  { title: 'Opening', startSec: 0 },
  { title: 'The Pier', startSec: 42 },
  { title: 'Night Falls', startSec: 90 },
];

describe('chapterAt', () => {
  it('is the last chapter that started at or before the time', () => {
    expect([0, 41.9, 42, 89, 90, 5000].map((t) => chapterAt(CHAPTERS, t))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('is none before the first chapter or without chapters', () => {
    expect(chapterAt([{ title: 'Late', startSec: 10 }], 3)).toBeNull();
    expect(chapterAt([], 3)).toBeNull();
  });
});
