import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryPageRequest, LibrarySnapshot } from '../../contract/index.js';
import { makeMp4 } from '../../test-support/media.js';
import { artworkDir } from './artwork-cache.js';
import { openLibrary } from '../index.js';
import type { LibraryService } from '../index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
let lib: LibraryService;
let root: string;
let dataDir: string;
let artDir: string;
const folders: Record<'movies' | 'shows' | 'music', string> = { movies: '', shows: '', music: '' };

const ART_URL = /^\/art\/([0-9a-f]{64})$/;
const gradient = (size: string, c0: string): string[] => ['-f', 'lavfi', '-i', `gradients=size=${size}:c0=${c0}:c1=0x000000:duration=1:rate=1:seed=1`];

function picture(file: string, c0: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...gradient('60x90', c0), '-frames:v', '1', '-f', 'mjpeg', file]);
}

function mp3WithCover(file: string, title: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', ...gradient('64x64', '0x2a9d8f'),
    '-map', '0:a', '-map', '1:v', '-c:a', 'libmp3lame', '-c:v', 'mjpeg', '-frames:v', '1', '-disposition:v', 'attached_pic',
    '-metadata:s:v', 'comment=Cover (front)', '-id3v2_version', '3', '-metadata', `title=${title}`, '-metadata', 'album=Low Tide',
    '-metadata', 'artist=Glass Harbour', '-f', 'mp3', file,
  ]);
}

const write = (rel: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
const artFiles = (): string[] => (fs.existsSync(artDir) ? fs.readdirSync(artDir).sort() : []);
const artIdOf = (url: string | null | undefined): string => ART_URL.exec(url ?? '')?.[1] ?? '';
const snapshot = (): LibrarySnapshot => LibrarySnapshot.parse(lib.snapshot());
const movie = (title: string) => snapshot().movies.find((m) => m.title === title);
const genresOf = (title: string) => {
  const found = lib.detail({ kind: 'item', id: movie(title)!.id });
  return found.kind === 'movie' ? found.movie.genres : null;
};
const genreCounts = () => lib.counts().movieFilters.genres;

beforeAll(async () => {
  temp = makeTempDir();
  root = path.join(temp.dir, 'media');
  dataDir = path.join(temp.dir, 'data');
  artDir = artworkDir(dataDir);
  makeMp4(path.join(root, 'Movies/Dusk (2001)/Dusk (2001).mp4'), 1);
  picture(path.join(root, 'Movies/Dusk (2001)/poster.jpg'), '0x1d3557');
  write('Movies/Dusk (2001)/movie.nfo', '\ufeff<movie><title>Dusk at Sea</title><year>2002</year><plot>Boats &amp; &lt;b&gt;fog&lt;/b&gt;.</plot><genre>Drama / Mystery</genre><genre>drama</genre></movie>');
  write('Movies/Dusk (2001)/Dusk (2001).en.srt', '1\n00:00:00,000 --> 00:00:01,000\nHi\n');
  write('Movies/Dusk (2001)/Dusk (2001).fr.forced.ass', '[Script Info]\n');
  makeMp4(path.join(root, 'Movies/Dawn (2003).mp4'), 1);
  write('Movies/Dawn (2003).nfo', '<movie><title>Broken');
  makeMp4(path.join(root, 'Shows/Harbour Lights/Season 01/Harbour Lights - S01E01.mp4'), 1);
  write('Shows/Harbour Lights/tvshow.nfo', '<tvshow><title>Harbour Lights</title><plot>Ships in the night.</plot></tvshow>');
  picture(path.join(root, 'Shows/Harbour Lights/poster.jpg'), '0x6a4c93');
  mp3WithCover(path.join(root, 'Music/Glass Harbour/Low Tide/01 - First Light.mp3'), 'First Light');
  mp3WithCover(path.join(root, 'Music/Glass Harbour/Low Tide/02 - Undertow.mp3'), 'Undertow');

  lib = openLibrary(testLibraryOptions(dataDir, { probeTimeoutMs: 10_000 }));
  folders.movies = lib.addFolder(path.join(root, 'Movies'), 'movies').id;
  folders.shows = lib.addFolder(path.join(root, 'Shows'), 'shows').id;
  folders.music = lib.addFolder(path.join(root, 'Music'), 'music').id;
  expect(await lib.scan()).toMatchObject({ added: 5, failed: [] });
});

afterAll(() => {
  lib.close();
  temp.cleanup();
});

describe('local metadata in the index', () => {
  it('reads a movie’s nfo (title and year over the name, plot as text) and its poster', () => {
    const dusk = movie('Dusk at Sea')!;
    expect(dusk).toMatchObject({ year: 2002, plot: 'Boats & <b>fog</b>.', fanartUrl: null });
    expect(dusk.posterUrl).toMatch(ART_URL);
    expect(fs.readFileSync(path.join(artDir, `${artIdOf(dusk.posterUrl)}.jpg`))).toEqual(fs.readFileSync(path.join(root, 'Movies/Dusk (2001)/poster.jpg')));
    // A malformed nfo gives nothing: the name's title stands.
    expect(movie('Dawn')).toMatchObject({ year: 2003, plot: null, posterUrl: null });
  });

  it('reads a movie’s genres from its nfo, for its page, the counts and the genre filter', () => {
    expect(genresOf('Dusk at Sea')).toEqual(['Drama', 'Mystery']);
    expect(genresOf('Dawn')).toEqual([]);
    expect(genreCounts()).toEqual([
      { genre: 'Drama', count: 1 },
      { genre: 'Mystery', count: 1 },
    ]);
    const page = lib.page(LibraryPageRequest.parse({ section: 'movies', filters: { genre: 'mystery' } }));
    expect(page.section === 'movies' && page.items.map((m) => m.title)).toEqual(['Dusk at Sea']);
  });

  it('links external subtitles to their video with language, forced flag and format', () => {
    expect(movie('Dusk at Sea')!.subtitleLanguages).toEqual(['en', 'fr']);
    const db = new Database(path.join(dataDir, 'library.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT file_name, language, forced, format FROM item_subtitles ORDER BY file_name').all();
      expect(rows).toEqual([
        { file_name: 'Dusk (2001).en.srt', language: 'en', forced: 0, format: 'srt' },
        { file_name: 'Dusk (2001).fr.forced.ass', language: 'fr', forced: 1, format: 'ass' },
      ]);
    } finally {
      db.close();
    }
  });

  it('reads the show folder’s tvshow.nfo and poster for its show', () => {
    const show = snapshot().shows[0]!;
    expect(show).toMatchObject({ title: 'Harbour Lights', plot: 'Ships in the night.' });
    expect(show.posterUrl).toMatch(ART_URL);
  });

  it('extracts an album’s embedded cover once into the cache, shared by its tracks', () => {
    const album = snapshot().albums[0]!;
    expect(album.coverUrl).toMatch(ART_URL);
    const file = path.join(artDir, `${artIdOf(album.coverUrl)}.jpg`);
    const head = fs.readFileSync(file).subarray(0, 3);
    expect([...head]).toEqual([0xff, 0xd8, 0xff]);
    expect(artFiles(), artFiles().join()).toHaveLength(3); // movie poster, show poster, one cover for both tracks
  });

  it('rescans unchanged files without reading them and without rewriting the cache', async () => {
    const before = new Map(artFiles().map((name) => [name, fs.statSync(path.join(artDir, name)).mtimeMs]));
    expect(await lib.scan()).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 5 });
    // A track whose file changed is read again, but its cover is already cached: not written again.
    const track = path.join(root, 'Music/Glass Harbour/Low Tide/01 - First Light.mp3');
    fs.utimesSync(track, new Date(), new Date(Date.now() + 5000));
    expect(await lib.scan()).toMatchObject({ updated: 1 });
    expect(new Map(artFiles().map((name) => [name, fs.statSync(path.join(artDir, name)).mtimeMs]))).toEqual(before);
  });

  it('notices a new poster and an edited nfo beside videos that did not change', async () => {
    picture(path.join(root, 'Movies/Dawn (2003)-poster.jpg'), '0xe76f51');
    write('Shows/Harbour Lights/tvshow.nfo', '<tvshow><title>Harbour Lights</title><plot>Lights on the water.</plot></tvshow>');
    const summary = await lib.scan();
    expect(summary).toMatchObject({ added: 0, updated: 2, removed: 0 });
    expect(movie('Dawn')!.posterUrl).toMatch(ART_URL);
    expect(snapshot().shows[0]!.plot).toBe('Lights on the water.');
    expect(await lib.scan()).toMatchObject({ updated: 0 });
  });

  it('replaces a movie’s genres when its nfo is edited, and drops them when the nfo goes', async () => {
    const nfo = path.join(root, 'Movies/Dusk (2001)/movie.nfo');
    const before = fs.readFileSync(nfo, 'utf8');
    write('Movies/Dusk (2001)/movie.nfo', before.replace(/<genre>.*<\/genre>/, '<genre>Thriller</genre>'));
    expect(await lib.scan()).toMatchObject({ updated: 1 });
    expect(genresOf('Dusk at Sea')).toEqual(['Thriller']);
    expect(genreCounts()).toEqual([{ genre: 'Thriller', count: 1 }]);
    fs.rmSync(nfo);
    expect(await lib.scan()).toMatchObject({ updated: 1 });
    expect(genresOf('Dusk')).toEqual([]);
    expect(genreCounts()).toEqual([]);
    write('Movies/Dusk (2001)/movie.nfo', before);
    expect(await lib.scan()).toMatchObject({ updated: 1 });
    expect(genresOf('Dusk at Sea')).toEqual(['Drama', 'Mystery']);
  });

  it('deletes a removed movie’s pictures from the cache, and a removed folder’s after the next scan', async () => {
    const duskArt = artIdOf(movie('Dusk at Sea')!.posterUrl);
    const coverArt = artIdOf(snapshot().albums[0]!.coverUrl);
    fs.rmSync(path.join(root, 'Movies/Dusk (2001)'), { recursive: true });
    expect(await lib.scan()).toMatchObject({ removed: 1 });
    expect(genreCounts()).toEqual([]);
    expect(artFiles().some((name) => name.startsWith(duskArt))).toBe(false);
    expect(artFiles().some((name) => name.startsWith(coverArt))).toBe(true);

    lib.removeFolder(folders.music);
    await lib.scan({ folderId: folders.movies });
    expect(artFiles().some((name) => name.startsWith(coverArt))).toBe(false);
    expect(artFiles()).toHaveLength(2); // Dawn's poster and the show's
  });

  it('extracts pictures again after the cache folder was deleted', async () => {
    const before = artFiles();
    fs.rmSync(artDir, { recursive: true });
    expect(await lib.scan()).toMatchObject({ updated: 2, removed: 0 }); // Dawn (poster) and the episode (show poster)
    expect(artFiles()).toEqual(before);
    expect(await lib.scan()).toMatchObject({ updated: 0 });
  });

  it('picks up a new poster and an nfo’s genres through the watcher, without a scan', async () => {
    let changes = 0;
    const stop = lib.watch(() => changes++);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      makeMp4(path.join(root, 'Movies/Noon (2010)/Noon (2010).mp4'), 1);
      const deadline = Date.now() + 15_000;
      while (!movie('Noon') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(movie('Noon')!.posterUrl).toBeNull();
      picture(path.join(root, 'Movies/Noon (2010)/folder.jpg'), '0xffb703');
      while (!movie('Noon')?.posterUrl && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(movie('Noon')!.posterUrl).toMatch(ART_URL);
      write('Movies/Noon (2010)/Noon (2010).nfo', '<movie><genre>Western|Drama</genre></movie>');
      while (genresOf('Noon')?.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(genresOf('Noon')).toEqual(['Western', 'Drama']);
      expect(genreCounts()).toEqual([
        { genre: 'Drama', count: 1 },
        { genre: 'Western', count: 1 },
      ]);
      expect(changes).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });
});
