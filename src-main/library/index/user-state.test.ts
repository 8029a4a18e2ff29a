import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../ports.js';
import { makeMp4 } from '../../test-support/media.js';
import { openLibrary, type LibraryService } from '../index.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let dir: string;
let library: LibraryService;
const clock = new ManualClock();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-state-'));
  makeMp4(path.join(dir, 'media', 'Night Train (1998).mp4'), 20);
  makeMp4(path.join(dir, 'media', 'Paper Moons (2004).mp4'), 20);
  library = openLibrary(testLibraryOptions(path.join(dir, 'data'), { clock }));
  library.addFolder(path.join(dir, 'media'), 'movies');
  await library.scan();
});

afterAll(() => {
  library?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const movie = (title: string) => library.snapshot().movies.find((m) => m.title === title)!;

describe('resume position and watched state', () => {
  it('keeps a resume point, lists it under Continue watching, and marks watched at 90 %', () => {
    const night = movie('Night Train');
    expect(night).toMatchObject({ resumeSec: null, watched: false });
    expect(library.saveProgress(night.id, 3)).toEqual({ kind: 'movie', watched: false, resume: false }); // too early to be worth resuming
    expect(movie('Night Train').resumeSec).toBeNull();

    expect(library.saveProgress(night.id, 12)).toEqual({ kind: 'movie', watched: false, resume: true });
    expect(library.saveProgress(night.id, 14.5)).toEqual({ kind: 'movie', watched: false, resume: false });
    expect(movie('Night Train')).toMatchObject({ resumeSec: 14.5, watched: false });
    expect(library.snapshot().continueWatching).toEqual([night.id]);

    expect(library.saveProgress(night.id, 18.5)).toEqual({ kind: 'movie', watched: true, resume: true });
    expect(movie('Night Train')).toMatchObject({ resumeSec: null, watched: true });
    expect(library.snapshot().continueWatching).toEqual([]);
  });

  it('lists the most recently played first, and survives a rescan', async () => {
    const night = movie('Night Train');
    const paper = movie('Paper Moons');
    library.saveProgress(paper.id, 11);
    clock.advance(60_000);
    library.saveProgress(night.id, 12);
    expect(library.snapshot().continueWatching).toEqual([night.id, paper.id]);
    await library.scan();
    expect(movie('Night Train')).toMatchObject({ resumeSec: 12, watched: true });
    expect(library.snapshot().continueWatching).toEqual([night.id, paper.id]);
  });

  it('refuses unknown items', () => {
    expect(library.saveProgress('AAAAAAAAAAAAAAAAAAAAAA', 30)).toBeNull();
  });
});
