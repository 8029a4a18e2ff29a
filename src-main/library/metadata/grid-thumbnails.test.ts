import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calls, type LibraryPage, type LibraryPageRequest } from '../../contract/index.js';
import type { Spawn } from '../../ports.js';
import { makeMp4 } from '../../test-support/media.js';
import { openLibrary, type LibraryService } from '../index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';
import { artworkDir, thumbsDir } from './artwork-cache.js';

// A real library (posters beside a movie and a show, covers embedded in an album's tracks) read by a real
// scan: what the grids get, and how often ffmpeg runs to give it.
let temp: ReturnType<typeof makeTempDir>;
let root: string;

const gradient = (size: string, c0: string): string[] => ['-f', 'lavfi', '-i', `gradients=size=${size}:c0=${c0}:c1=0x000000:duration=1:rate=1:seed=1`];

function picture(file: string, c0: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...gradient('600x900', c0), '-frames:v', '1', '-f', 'mjpeg', file]);
}

function mp3WithCover(file: string, title: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', ...gradient('500x500', '0x2a9d8f')],
    ...['-map', '0:a', '-map', '1:v', '-c:a', 'libmp3lame', '-c:v', 'mjpeg', '-frames:v', '1', '-disposition:v', 'attached_pic'],
    ...['-id3v2_version', '3', '-metadata', `title=${title}`, '-metadata', 'album=Low Tide', '-metadata', 'artist=Glass Harbour', '-f', 'mp3', file],
  ]);
}

/** A library over the fixture whose ffmpeg runs are counted (ffprobe's are not). */
function countingLibrary(name: string, warmThumbnails: boolean): { lib: LibraryService; dataDir: string; ffmpegRuns: () => number } {
  const dataDir = path.join(temp.dir, name);
  const options = testLibraryOptions(dataDir, { warmThumbnails, probeTimeoutMs: 10_000 });
  let runs = 0;
  const counting: Spawn = (command, args, opts) => {
    if (command === options.tools.ffmpeg) runs++;
    return spawn(command, args, opts);
  };
  const lib = openLibrary({ ...options, tools: { ...options.tools, spawn: counting } });
  for (const kind of ['movies', 'shows', 'music'] as const) lib.addFolder(path.join(root, kind), kind);
  return { lib, dataDir, ffmpegRuns: () => runs };
}

beforeAll(() => {
  temp = makeTempDir('glasswing-grid-thumbs-');
  root = path.join(temp.dir, 'media');
  makeMp4(path.join(root, 'movies/Dusk (2001)/Dusk (2001).mp4'), 1);
  picture(path.join(root, 'movies/Dusk (2001)/poster.jpg'), '0x1d3557');
  makeMp4(path.join(root, 'movies/Dawn (2003).mp4'), 1);
  makeMp4(path.join(root, 'shows/Harbour Lights/Season 01/Harbour Lights - S01E01.mp4'), 1);
  picture(path.join(root, 'shows/Harbour Lights/poster.jpg'), '0x6a4c93');
  mp3WithCover(path.join(root, 'music/Glass Harbour/Low Tide/01 - First Light.mp3'), 'First Light');
  mp3WithCover(path.join(root, 'music/Glass Harbour/Low Tide/02 - Undertow.mp3'), 'Undertow');
});
afterAll(() => temp.cleanup());

const ART = /^\/art\/([0-9a-f]{64})$/;
const THUMB = /^\/thumb\/([0-9a-f]{64})$/;
const pageOf = (lib: LibraryService, section: 'movies' | 'shows' | 'albums'): LibraryPage =>
  calls['library.page'].output.parse(lib.page(calls['library.page'].input.parse({ section }) as LibraryPageRequest));
/** Every grid tile's full-size picture and thumbnail URL. */
function tiles(lib: LibraryService): { title: string; full: string | null; thumb: string | null }[] {
  const movies = pageOf(lib, 'movies');
  const shows = pageOf(lib, 'shows');
  const albums = pageOf(lib, 'albums');
  return [
    ...(movies.section === 'movies' ? movies.items.map((m) => ({ title: m.title, full: m.posterUrl, thumb: m.thumbUrl })) : []),
    ...(shows.section === 'shows' ? shows.items.map((s) => ({ title: s.title, full: s.posterUrl, thumb: s.thumbUrl })) : []),
    ...(albums.section === 'albums' ? albums.items.map((a) => ({ title: a.title, full: a.coverUrl, thumb: a.thumbUrl })) : []),
  ];
}
const idOf = (url: string | null, pattern: RegExp): string => pattern.exec(url ?? '')?.[1] ?? '';

describe('grid pages and thumbnails', () => {
  let lib: LibraryService;
  let ffmpegRuns: () => number;
  beforeAll(async () => {
    ({ lib, ffmpegRuns } = countingLibrary('data-lazy', false));
    expect(await lib.scan()).toMatchObject({ added: 5, failed: [] });
  });
  afterAll(() => lib.close());

  it('gives every tile with a picture its thumbnail URL, by the picture’s id, never the full-size URL', () => {
    const all = tiles(lib);
    expect(all.map((t) => t.title).sort()).toEqual(['Dawn', 'Dusk', 'Harbour Lights', 'Low Tide']);
    for (const tile of all) {
      if (tile.title === 'Dawn') {
        expect(tile).toMatchObject({ full: null, thumb: null });
        continue;
      }
      expect(tile.thumb, tile.title).toMatch(THUMB);
      expect(tile.thumb, tile.title).not.toMatch(/\/art\//);
      expect(idOf(tile.thumb, THUMB), tile.title).toBe(idOf(tile.full, ART));
    }
    const album = pageOf(lib, 'albums');
    const detail = lib.detail({ kind: 'album', id: album.items[0]!.id });
    expect(detail.kind === 'album' && detail.album.thumbUrl).toMatch(THUMB);
  });

  it('makes each thumbnail on its first request only: a second request runs no ffmpeg', async () => {
    const ids = tiles(lib).filter((t) => t.thumb !== null).map((t) => idOf(t.thumb, THUMB));
    expect(ffmpegRuns()).toBe(0);
    for (const id of ids) {
      const first = await lib.thumbnail(id, 'GET');
      expect(first).toMatchObject({ status: 200, headers: { 'Content-Type': 'image/jpeg' } });
      expect(fs.readFileSync(first.body!.path).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
    expect(ffmpegRuns()).toBe(ids.length);
    for (const id of ids) expect(await lib.thumbnail(id, 'GET')).toMatchObject({ status: 200 });
    expect(await lib.thumbnail(ids[0]!, 'POST')).toMatchObject({ status: 405 });
    expect(await lib.thumbnail('0'.repeat(64), 'GET')).toMatchObject({ status: 404 });
    expect(ffmpegRuns()).toBe(ids.length);
  });
});

describe('thumbnails made by the scan', () => {
  it('are made in the background after a scan stores pictures, and swept with their pictures', async () => {
    const { lib, dataDir, ffmpegRuns } = countingLibrary('data-warm', true);
    try {
      await lib.scan();
      const ids = tiles(lib).filter((t) => t.thumb !== null).map((t) => idOf(t.thumb, THUMB));
      const made = (): string[] => (fs.existsSync(thumbsDir(artworkDir(dataDir))) ? fs.readdirSync(thumbsDir(artworkDir(dataDir))).sort() : []);
      // Waits for the background work; no duration is asserted.
      await vi.waitFor(() => expect(made()).toEqual(ids.map((id) => `${id}.jpg`).sort()), { timeout: 60_000, interval: 100 });
      expect(ffmpegRuns()).toBe(ids.length);
      for (const id of ids) expect(await lib.thumbnail(id, 'GET')).toMatchObject({ status: 200 });
      expect(ffmpegRuns()).toBe(ids.length);

      const showPoster = idOf(tiles(lib).find((t) => t.title === 'Harbour Lights')!.thumb, THUMB);
      lib.removeFolder(lib.listFolders().find((f) => f.kind === 'shows')!.id);
      await lib.scan();
      expect(made()).not.toContain(`${showPoster}.jpg`);
      expect(made()).toHaveLength(ids.length - 1);
    } finally {
      lib.close();
    }
  });
});
