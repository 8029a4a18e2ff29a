import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibrarySnapshot } from '../../contract/index.js';
import { openLibrary } from '../index.js';
import type { LibraryService } from '../index.js';
import { makeClip } from '../test-support/clips.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
let lib: LibraryService;
let snap: LibrarySnapshot;
let movies: string;

beforeAll(async () => {
  temp = makeTempDir();
  const clip = path.join(temp.dir, 'clip.mp4');
  makeClip(clip, 3);
  movies = path.join(temp.dir, 'Movies');
  const shows = path.join(temp.dir, 'Shows');
  for (const rel of [
    'Night Train (1998)/Night Train (1998).mp4',
    'Night Train (1998)/Extras/Making of.mp4',
    'Night Train (1998)/Night Train (1998)-trailer.mp4',
    'Long Walk (2001)/Long Walk (2001) - cd1.mp4',
    'Long Walk (2001)/Long Walk (2001) - cd2.mp4',
    'Paper Moons (2004)/CD1/movie.mp4',
    'Paper Moons (2004)/CD2/movie.mp4',
  ]) {
    fs.mkdirSync(path.dirname(path.join(movies, rel)), { recursive: true });
    fs.copyFileSync(clip, path.join(movies, rel));
  }
  for (const rel of ['Harbour Lights/Season 01/Harbour Lights - S01E01.mp4', 'Harbour Lights/Featurettes/On the pier.mp4']) {
    fs.mkdirSync(path.dirname(path.join(shows, rel)), { recursive: true });
    fs.copyFileSync(clip, path.join(shows, rel));
  }
  lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'data')));
  lib.addFolder(movies, 'movies');
  lib.addFolder(shows, 'shows');
  const summary = await lib.scan();
  expect(summary.failed).toEqual([]);
  snap = LibrarySnapshot.parse(lib.snapshot());
});
afterAll(() => {
  lib.close();
  temp.cleanup();
});

describe('extras', () => {
  it('are listed under their movie, with their type, and not among the movies', () => {
    expect(snap.movies.map((m) => m.title)).toEqual(['Long Walk', 'Night Train', 'Paper Moons']);
    const nightTrain = snap.movies.find((m) => m.title === 'Night Train')!;
    expect(nightTrain.extras.map((e) => [e.title, e.type])).toEqual([
      ['Making of', 'extra'],
      ['Night Train (1998)-trailer', 'trailer'],
    ]);
    expect(nightTrain.extras[0]!.durationSec).toBeCloseTo(3, 0);
  });

  it('of a show are listed under the show', () => {
    expect(snap.shows[0]!.extras.map((e) => [e.title, e.type])).toEqual([['On the pier', 'featurette']]);
  });

  it('are playable by id but found by neither search nor continue watching', () => {
    const extra = snap.movies.find((m) => m.title === 'Night Train')!.extras[0]!;
    expect(lib.resolveItem(extra.id)).toMatchObject({ id: extra.id, title: 'Making of', parts: null });
    expect(lib.search('making')).toEqual([]);
    const raw = new Database(path.join(temp.dir, 'data', 'library.db'));
    raw.prepare('UPDATE items SET resume_sec = 1.5, state_at = 1 WHERE id = ?').run(extra.id);
    raw.close();
    expect(lib.snapshot().continueWatching).toEqual([]);
  });
});

describe("Home's shelves", () => {
  it('list each movie once, a movie in parts with both parts, and never an extra of a movie or a show', () => {
    const home = lib.home();
    const movies = home.recentlyAdded.movies.map((e) => (e.kind === 'movie' ? [e.movie.title, e.movie.parts] : null));
    expect(movies.sort()).toEqual([['Long Walk', 2], ['Night Train', 1], ['Paper Moons', 2]]);
    expect(home.recentlyAdded.episodes.map((e) => (e.kind === 'episode' ? [e.show.title, e.episode.season, e.episode.episode] : null))).toEqual([['Harbour Lights', 1, 1]]);
    // The extra given a resume point above is still not something to go on with.
    expect(home.continueWatching).toEqual([]);
  });
});

describe('a movie in parts', () => {
  it('is one movie whose length is the sum of its parts, from cd1/cd2 names and CD1/CD2 folders', () => {
    for (const title of ['Long Walk', 'Paper Moons']) {
      const movie = snap.movies.find((m) => m.title === title)!;
      expect(movie.parts).toBe(2);
      expect(movie.durationSec).toBeGreaterThan(5.9);
      expect(movie.durationSec).toBeLessThan(6.2);
    }
    expect(lib.search('long walk').map((h) => h.title)).toEqual(['Long Walk']);
  });

  it('resolves to all its parts in order, inside the library folder', () => {
    const movie = snap.movies.find((m) => m.title === 'Long Walk')!;
    const resolved = lib.resolveItem(movie.id)!;
    expect(resolved.parts).toEqual([
      path.join(fs.realpathSync(movies), 'Long Walk (2001)', 'Long Walk (2001) - cd1.mp4'),
      path.join(fs.realpathSync(movies), 'Long Walk (2001)', 'Long Walk (2001) - cd2.mp4'),
    ]);
    expect(resolved.path).toBe(resolved.parts![0]);
    expect(resolved.durationSec).toBeCloseTo(movie.durationSec!, 3);
  });

  it('keeps its watched state on the movie, and an unchanged rescan reads nothing', async () => {
    const movie = snap.movies.find((m) => m.title === 'Long Walk')!;
    // 4 s is past 90 % of the first part, but not of the movie.
    lib.saveProgress(movie.id, 4);
    expect(lib.snapshot().movies.find((m) => m.id === movie.id)?.watched).toBe(false);
    expect(lib.saveProgress(movie.id, 5.8)).toMatchObject({ watched: true });
    const summary = await lib.scan();
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 9 });
    const after = lib.snapshot();
    expect(after.movies.find((m) => m.id === movie.id)).toMatchObject({ watched: true, parts: 2 });
  });

  it('keeps its watched mark and resume point when its first part is deleted (the resume point moved back by that part)', async () => {
    const longWalk = lib.snapshot().movies.find((m) => m.title === 'Long Walk')!;
    expect(longWalk.watched).toBe(true);
    const paperMoons = lib.snapshot().movies.find((m) => m.title === 'Paper Moons')!;
    // Resume points under 10 s are not kept by playback; these clips are 3 s, so set one by hand.
    const raw = new Database(path.join(temp.dir, 'data', 'library.db'));
    raw.prepare('UPDATE items SET resume_sec = 4.5, state_at = 7 WHERE id = ?').run(paperMoons.id);
    raw.close();
    fs.rmSync(path.join(movies, 'Long Walk (2001)', 'Long Walk (2001) - cd1.mp4'));
    fs.rmSync(path.join(movies, 'Paper Moons (2004)', 'CD1', 'movie.mp4'));
    expect(await lib.scan()).toMatchObject({ removed: 2 });
    const after = lib.snapshot();
    expect(after.movies.find((m) => m.title === 'Long Walk')).toMatchObject({ watched: true, parts: 1 });
    const moved = after.movies.find((m) => m.title === 'Paper Moons')!;
    expect(moved.id).not.toBe(paperMoons.id);
    expect(moved.resumeSec).toBeCloseTo(4.5 - paperMoons.durationSec! / 2, 1);
    expect(after.continueWatching).toContain(moved.id);
  });
});
