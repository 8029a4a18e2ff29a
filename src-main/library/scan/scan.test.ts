import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibrarySnapshot, ScanProgress, ScanSummary } from '../../contract/index.js';
import { generateDemoLibrary, openLibrary } from '../index.js';
import type { LibraryService } from '../index.js';
import { countingFfprobe, makeTempDir, progressLog } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

const ID = /^[A-Za-z0-9_-]{22}$/;

let temp: ReturnType<typeof makeTempDir>;
let media: string;
let ffprobe: ReturnType<typeof countingFfprobe>;
let dataDirs = 0;

/** A library with its own data dir, over copies of the demo media (so tests may change files freely). */
function freshLibrary(): { lib: LibraryService; root: string } {
  const n = ++dataDirs;
  const root = path.join(temp.dir, `media-${n}`);
  fs.cpSync(media, root, { recursive: true });
  const lib = openLibrary(testLibraryOptions(path.join(temp.dir, `data-${n}`), { ffprobe: ffprobe.path, probeTimeoutMs: 1500 }));
  return { lib, root };
}

function addDemoFolders(lib: LibraryService, root: string) {
  return {
    movies: lib.addFolder(path.join(root, 'Movies'), 'movies'),
    shows: lib.addFolder(path.join(root, 'Shows'), 'shows'),
    music: lib.addFolder(path.join(root, 'Music'), 'music'),
  };
}

beforeAll(async () => {
  temp = makeTempDir();
  media = path.join(temp.dir, 'demo');
  await generateDemoLibrary(media);
  ffprobe = countingFfprobe(temp.dir);
});

afterAll(() => temp.cleanup());

describe('scanning the demo library', () => {
  let lib: LibraryService;
  let root: string;
  let first: LibrarySnapshot;

  beforeAll(async () => {
    ({ lib, root } = freshLibrary());
    addDemoFolders(lib, root);
    const summary = await lib.scan();
    expect(summary).toMatchObject({ added: 7, updated: 0, removed: 0, unchanged: 0, failed: [] });
    first = lib.snapshot();
  });
  afterAll(() => lib.close());

  it('finds two movies with their years', () => {
    expect(first.movies.map((m) => [m.title, m.year])).toEqual([
      ['Night Train', 1998],
      ['Paper Moons', 2004],
    ]);
    expect(first.movies[0]).toMatchObject({ container: 'mp4', videoCodec: 'h264', audioCodec: 'aac', width: 640, height: 360 });
    expect(first.movies[0]!.durationSec).toBeCloseTo(6, 0);
  });

  it('reads the genres the demo’s nfo files give, so its Movies screen offers the genre filter', () => {
    expect(lib.counts().movieFilters.genres).toEqual([
      { genre: 'Comedy', count: 1 },
      { genre: 'Drama', count: 2 },
      { genre: 'Mystery', count: 1 },
      { genre: 'Thriller', count: 1 },
    ]);
  });

  it('finds one show with two episodes in season 1', () => {
    expect(first.shows).toHaveLength(1);
    const show = first.shows[0]!;
    expect(show.title).toBe('Harbour Lights');
    expect(show.seasons.map((s) => s.season)).toEqual([1]);
    expect(show.seasons[0]!.episodes.map((e) => e.episode)).toEqual([1, 2]);
    expect(show.seasons[0]!.episodes[0]).toMatchObject({ container: 'matroska', videoCodec: 'h264' });
  });

  it('finds one album with three tracks in order and its artist', () => {
    expect(first.albums).toHaveLength(1);
    const album = first.albums[0]!;
    expect(album).toMatchObject({ title: 'Low Tide', artist: 'Glass Harbour', year: 2021 });
    expect(album.tracks.map((t) => [t.trackNo, t.title, t.artist])).toEqual([
      [1, 'First Light', 'Glass Harbour'],
      [2, 'Undertow', 'Glass Harbour'],
      [3, 'Lantern', 'Glass Harbour'],
    ]);
    expect(album.tracks[0]).toMatchObject({ container: 'mp3', audioCodec: 'mp3', videoCodec: null });
  });

  it('produces a snapshot the contract accepts, with 22-character random ids and no paths', () => {
    expect(() => LibrarySnapshot.parse(first)).not.toThrow();
    const ids = [
      ...first.folders.map((f) => f.id),
      ...first.movies.map((m) => m.id),
      ...first.shows.flatMap((s) => [s.id, ...s.seasons.flatMap((season) => season.episodes.map((e) => e.id))]),
      ...first.albums.flatMap((a) => [a.id, ...a.tracks.map((t) => t.id)]),
    ];
    expect(ids).toHaveLength(3 + 2 + 3 + 4);
    for (const id of ids) expect(id).toMatch(ID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.stringify(first)).not.toContain(temp.dir);
    expect(first.folders.map((f) => [f.name, f.itemCount, f.online])).toEqual([
      ['Movies', 2, true],
      ['Shows', 2, true],
      ['Music', 3, true],
    ]);
  });

  it('resolves an item to its real path inside its folder, from the index', () => {
    const movie = first.movies[0]!;
    const resolved = lib.resolveItem(movie.id)!;
    expect(resolved).toMatchObject({ id: movie.id, kind: 'movie', title: 'Night Train', mime: 'video/mp4', container: 'mp4' });
    expect(resolved.path).toBe(fs.realpathSync(path.join(root, 'Movies', 'Night Train (1998).mp4')));
    expect(resolved.folderRoot).toBe(fs.realpathSync(path.join(root, 'Movies')));
    const episode = lib.resolveItem(first.shows[0]!.seasons[0]!.episodes[1]!.id)!;
    expect(episode).toMatchObject({ kind: 'episode', title: 'Harbour Lights – S01E02', mime: 'video/x-matroska' });
    expect(lib.resolveItem(first.albums[0]!.tracks[0]!.id)).toMatchObject({ kind: 'track', mime: 'audio/mpeg' });
    expect(lib.resolveItem('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(lib.resolveItem('../../etc/passwd')).toBeNull();
  });

  it('rescans an unchanged library without reading a single file and keeps every id', async () => {
    ffprobe.reset();
    const log = progressLog();
    const summary = await lib.scan({ onProgress: log.onProgress });
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 7, failed: [] });
    expect(ffprobe.count()).toBe(0);
    expect(log.last()).toMatchObject({ phase: 'done', seen: 7, parsed: 0, failed: 0 });
    expect(lib.snapshot()).toEqual(first);
  });

  it('re-reads only a changed file and keeps its id; removes a deleted one', async () => {
    const file = path.join(root, 'Movies', 'Paper Moons (2004).mp4');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    fs.rmSync(path.join(root, 'Music', 'Glass Harbour', 'Low Tide', '03 - Lantern.mp3'));
    ffprobe.reset();
    const summary = await lib.scan();
    expect(summary).toMatchObject({ added: 0, updated: 1, removed: 1, unchanged: 5 });
    expect(ffprobe.count()).toBe(0); // MP4 and Matroska headers are read in-process, not by ffprobe
    const after = lib.snapshot();
    expect(after.movies.map((m) => m.id)).toEqual(first.movies.map((m) => m.id));
    expect(after.albums[0]!.id).toBe(first.albums[0]!.id);
    expect(after.albums[0]!.tracks.map((t) => t.title)).toEqual(['First Light', 'Undertow']);
  });
});

describe('progress and concurrency', () => {
  it('reports throttled progress that the contract accepts, ending with one final update', async () => {
    const { lib, root } = freshLibrary();
    addDemoFolders(lib, root);
    const log = progressLog();
    await lib.scan({ onProgress: log.onProgress });
    lib.close();
    for (const update of log.updates) expect(() => ScanProgress.parse(update)).not.toThrow();
    expect(log.updates.filter((u) => u.phase === 'done')).toHaveLength(1);
    expect(log.last()).toMatchObject({ phase: 'done', seen: 7, parsed: 7, failed: 0, currentFolder: null });
    expect(log.updates.some((u) => u.currentFolder === 'Shows')).toBe(true);
  });

  it('joins a second scan of the same scope instead of running two at once', async () => {
    const { lib, root } = freshLibrary();
    addDemoFolders(lib, root);
    const a = lib.scan();
    const b = lib.scan();
    expect(b).toBe(a);
    const summary = await a;
    expect(() => ScanSummary.parse(summary)).not.toThrow();
    expect(summary.added).toBe(7);
    lib.close();
  });

  it('queues a scan of another scope behind the running one', async () => {
    const { lib, root } = freshLibrary();
    const { movies, music } = addDemoFolders(lib, root);
    const [a, b] = await Promise.all([lib.scan({ folderId: movies.id }), lib.scan({ folderId: music.id })]);
    expect(a.added).toBe(2);
    expect(b.added).toBe(3);
    lib.close();
  });

  it('stops on abort, keeps what was read, and reports cancelled', async () => {
    const { lib, root } = freshLibrary();
    addDemoFolders(lib, root);
    const controller = new AbortController();
    controller.abort();
    const log = progressLog();
    const summary = await lib.scan({ signal: controller.signal, onProgress: log.onProgress });
    expect(summary.added).toBe(0);
    expect(log.last()?.phase).toBe('cancelled');
    expect((await lib.scan()).added).toBe(7);
    lib.close();
  });

  it('refuses to scan a folder id it does not know', async () => {
    const { lib } = freshLibrary();
    await expect(lib.scan({ folderId: 'AAAAAAAAAAAAAAAAAAAAAA' })).rejects.toMatchObject({ name: 'AppError', code: 'not-found' });
    lib.close();
  });
});

describe('folders', () => {
  it('adds folders by realpath and refuses missing, file, duplicate and nested paths', () => {
    const { lib, root } = freshLibrary();
    const movies = lib.addFolder(path.join(root, 'Movies', '..', 'Movies'), 'movies');
    expect(movies).toMatchObject({ name: 'Movies', kind: 'movies', itemCount: 0, online: true });
    expect(lib.folderPath(movies.id)).toBe(fs.realpathSync(path.join(root, 'Movies')));
    const link = path.join(root, 'movies-link');
    fs.symlinkSync(path.join(root, 'Movies'), link);
    expect(() => lib.addFolder(link, 'movies')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => lib.addFolder(path.join(root, 'Nope'), 'movies')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => lib.addFolder(path.join(root, 'Movies', 'Night Train (1998).mp4'), 'movies')).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
    expect(() => lib.addFolder(path.join(root, 'Movies'), 'mixed')).toThrow(expect.objectContaining({ code: 'conflict' }));
    fs.mkdirSync(path.join(root, 'Movies', 'Inner'));
    expect(() => lib.addFolder(path.join(root, 'Movies', 'Inner'), 'movies')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => lib.addFolder(root, 'mixed')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(lib.listFolders()).toHaveLength(1);
    lib.close();
  });

  it('removing a folder removes only its items', async () => {
    const { lib, root } = freshLibrary();
    const { shows } = addDemoFolders(lib, root);
    await lib.scan();
    const before = lib.snapshot();
    expect(lib.removeFolder(shows.id)).toEqual({ removedItems: 2 });
    const after = lib.snapshot();
    expect(after.shows).toEqual([]);
    expect(after.movies).toEqual(before.movies);
    expect(after.albums).toEqual(before.albums);
    expect(after.folders.map((f) => f.name)).toEqual(['Movies', 'Music']);
    expect(fs.existsSync(path.join(root, 'Shows', 'Harbour Lights', 'Season 01', 'Harbour Lights - S01E01.mkv'))).toBe(true);
    expect(() => lib.removeFolder(shows.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    lib.close();
  });

  it('drops the writes of a folder removed while it is being scanned', async () => {
    const { lib, root } = freshLibrary();
    const { movies } = addDemoFolders(lib, root);
    const scanning = lib.scan();
    expect(lib.removeFolder(movies.id)).toEqual({ removedItems: 0 });
    const summary = await scanning;
    expect(summary.failed).toEqual([]);
    const after = lib.snapshot();
    expect(after.movies).toEqual([]);
    expect(after.folders.map((f) => f.name)).toEqual(['Shows', 'Music']);
    expect(after.albums[0]!.tracks).toHaveLength(3);
    lib.close();
  });

  it('marks a missing folder offline and keeps its items, then brings it back with the same ids', async () => {
    const { lib, root } = freshLibrary();
    addDemoFolders(lib, root);
    await lib.scan();
    const before = lib.snapshot();
    const moviesDir = path.join(root, 'Movies');
    const away = path.join(root, 'unplugged');
    fs.renameSync(moviesDir, away);

    const offline = await lib.scan();
    expect(offline.removed).toBe(0);
    const during = lib.snapshot();
    expect(during.folders.find((f) => f.name === 'Movies')).toMatchObject({ online: false, itemCount: 2 });
    expect(during.movies).toEqual(before.movies);

    // An unplugged drive often leaves an empty mount point behind: still offline, nothing deleted.
    fs.mkdirSync(moviesDir);
    await lib.scan();
    expect(lib.snapshot().folders.find((f) => f.name === 'Movies')).toMatchObject({ online: false, itemCount: 2 });
    fs.rmdirSync(moviesDir);

    fs.renameSync(away, moviesDir);
    const back = await lib.scan();
    expect(back).toMatchObject({ added: 0, removed: 0, unchanged: 7 });
    const after = lib.snapshot();
    expect(after.folders.every((f) => f.online)).toBe(true);
    expect(after.movies).toEqual(before.movies);
    lib.close();
  });
});
