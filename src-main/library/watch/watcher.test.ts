import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibrarySnapshot } from '../../contract/index.js';
import { generateDemoLibrary, openLibrary } from '../index.js';
import type { IndexChange, LibraryService } from '../index.js';
import { countingFfprobe, makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
let lib: LibraryService;
let root: string;
let dataDir: string;
let ffprobe: ReturnType<typeof countingFfprobe>;
let changes = 0;
/** What each change said it touched, in order. */
const heard: IndexChange[] = [];
let stopWatching: () => void;

/** Polls `probe` until it returns a value (bounded): the watcher applies changes asynchronously. */
async function until<T>(probe: () => T | undefined | null | false, what: string, limitMs = 15_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const movieTitled = (title: string) => (s: LibrarySnapshot) => s.movies.find((m) => m.title === title);

/** Reads or writes user state the way playback will, through a second connection to the index. */
function withIndex<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'library.db'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  temp = makeTempDir();
  root = path.join(temp.dir, 'media');
  await generateDemoLibrary(root);
  ffprobe = countingFfprobe(temp.dir);
  dataDir = path.join(temp.dir, 'data');
  lib = openLibrary(testLibraryOptions(dataDir, { ffprobe: ffprobe.path }));
  lib.addFolder(path.join(root, 'Movies'), 'movies');
  lib.addFolder(path.join(root, 'Shows'), 'shows');
  lib.addFolder(path.join(root, 'Music'), 'music');
  await lib.scan();
  stopWatching = lib.watch((change) => {
    changes++;
    heard.push(change);
  });
});

afterAll(() => {
  stopWatching();
  lib.close();
  temp.cleanup();
});

describe('the library watcher', () => {
  it('keeps the id and watched state of a renamed movie, without probing it again', async () => {
    const before = lib.snapshot().movies.find((m) => m.title === 'Night Train')!;
    withIndex((db) => db.prepare('UPDATE items SET watched = 1, resume_sec = 42.5 WHERE id = ?').run(before.id));
    ffprobe.reset();
    const changesBefore = changes;

    fs.renameSync(path.join(root, 'Movies', 'Night Train (1998).mp4'), path.join(root, 'Movies', 'Night Train Redux (1999).mp4'));

    const after = await until(() => movieTitled('Night Train Redux')(lib.snapshot()), 'the renamed movie');
    expect(after).toMatchObject({ id: before.id, year: 1999, container: 'mp4', videoCodec: 'h264' });
    expect(lib.snapshot().movies.map((m) => m.title)).not.toContain('Night Train');
    expect(withIndex((db) => db.prepare('SELECT watched, resume_sec FROM items WHERE id = ?').get(before.id))).toEqual({ watched: 1, resume_sec: 42.5 });
    expect(ffprobe.count()).toBe(0);
    expect(changes).toBeGreaterThan(changesBefore);
    expect(lib.search('redux', 5)[0]).toMatchObject({ id: before.id, kind: 'movie' });
  });

  it('keeps episode ids when a file moves to a new season folder and when a folder is renamed', async () => {
    const show = lib.snapshot().shows[0]!;
    const [first, second] = show.seasons[0]!.episodes;
    const seasonTwo = path.join(root, 'Shows', 'Harbour Lights', 'Season 02');
    fs.mkdirSync(seasonTwo);
    fs.renameSync(path.join(root, 'Shows', 'Harbour Lights', 'Season 01', 'Harbour Lights - S01E02.mkv'), path.join(seasonTwo, 'Harbour Lights - S02E01.mkv'));
    const moved = await until(() => lib.snapshot().shows[0]?.seasons.find((s) => s.season === 2)?.episodes[0], 'the moved episode');
    expect(moved).toMatchObject({ id: second!.id, season: 2, episode: 1 });

    fs.renameSync(path.join(root, 'Shows', 'Harbour Lights'), path.join(root, 'Shows', 'Harbour Lights (2020)'));
    const renamed = await until(() => lib.snapshot().shows.find((s) => s.title === 'Harbour Lights (2020)'), 'the renamed show');
    expect(renamed.seasons.flatMap((s) => s.episodes.map((e) => e.id)).sort()).toEqual([first!.id, second!.id].sort());
    expect(lib.snapshot().shows).toHaveLength(1);
  });

  it('moves a track to another album folder with its id, and picks up new and deleted files', async () => {
    const album = lib.snapshot().albums[0]!;
    const lantern = album.tracks.find((t) => t.title === 'Lantern')!;
    const elsewhere = path.join(root, 'Music', 'Glass Harbour', 'Singles');
    fs.mkdirSync(elsewhere);
    fs.renameSync(path.join(root, 'Music', 'Glass Harbour', 'Low Tide', '03 - Lantern.mp3'), path.join(elsewhere, '03 - Lantern.mp3'));
    await until(() => !lib.snapshot().albums[0]!.tracks.some((t) => t.title === 'Lantern') || lib.resolveItem(lantern.id)?.path.includes('Singles'), 'the moved track');
    expect(lib.resolveItem(lantern.id)?.path).toBe(path.join(fs.realpathSync(elsewhere), '03 - Lantern.mp3'));

    fs.copyFileSync(path.join(root, 'Movies', 'Paper Moons (2004).mp4'), path.join(root, 'Movies', 'Brand New (2021).mp4'));
    const added = await until(() => movieTitled('Brand New')(lib.snapshot()), 'the new movie');
    const paper = lib.snapshot().movies.find((m) => m.title === 'Paper Moons')!;
    expect(added.id).not.toBe(paper.id); // a copy is a new item, not a move

    fs.rmSync(path.join(root, 'Movies', 'Paper Moons (2004).mp4'));
    await until(() => !movieTitled('Paper Moons')(lib.snapshot()), 'the deleted movie to go');
    expect(lib.resolveItem(paper.id)).toBeNull();
    expect(lib.snapshot().movies.find((m) => m.title === 'Brand New')?.id).toBe(added.id);
  });

  it('tells its listeners which kinds of items each change touched, so windows refetch only those lists', async () => {
    const after = async (change: () => void, what: string): Promise<IndexChange> => {
      const count = heard.length;
      change();
      return until(() => heard[count], what);
    };
    const movies = path.join(root, 'Movies');
    const tracks = path.join(root, 'Music', 'Glass Harbour', 'Low Tide');
    const copyOf = (dir: string, name: string, to: string) => () => fs.copyFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith(name))!), path.join(dir, to));
    expect(await after(copyOf(movies, '.mp4', 'Kinds (2022).mp4'), 'a new movie')).toEqual({ kinds: ['movie'] });
    expect(await after(copyOf(tracks, '.mp3', '09 - Again.mp3'), 'a new track')).toEqual({ kinds: ['track'] });
    expect(await after(() => fs.rmSync(path.join(movies, 'Kinds (2022).mp4')), 'a movie gone')).toEqual({ kinds: ['movie'] });
    expect(await after(() => fs.rmSync(path.join(tracks, '09 - Again.mp3')), 'a track gone')).toEqual({ kinds: ['track'] });
  });

  it('keeps the items of a folder that disappears (an unplugged drive), marking it offline', async () => {
    const moviesDir = path.join(root, 'Movies');
    const before = lib.snapshot().movies;
    const changesBefore = changes;
    fs.renameSync(moviesDir, path.join(root, 'unplugged'));
    await until(() => lib.snapshot().folders.find((f) => f.name === 'Movies')?.online === false, 'the folder to go offline');
    expect(lib.snapshot().movies).toEqual(before);
    fs.renameSync(path.join(root, 'unplugged'), moviesDir);
    await lib.scan();
    expect(lib.snapshot().folders.every((f) => f.online)).toBe(true);
    expect(lib.snapshot().movies).toEqual(before);
    expect(changes).toBeGreaterThanOrEqual(changesBefore);
  });

  it('lets a full rescan agree with what the watcher did', async () => {
    const before = lib.snapshot();
    const summary = await lib.scan();
    expect(summary).toMatchObject({ added: 0, removed: 0, updated: 0 });
    expect(lib.snapshot()).toEqual(before);
  });
});
