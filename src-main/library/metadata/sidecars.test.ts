import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sidecarsChangedFor } from './sidecar-dirs.js';
import { isSidecarName, linkSubtitles, locateSidecars } from './sidecars.js';
import type { DirListing } from './sidecars.js';

const ROOT = '/lib';

/** Listings by folder: sidecar names and how many media files each holds. */
function listings(dirs: Record<string, { names: string[]; media?: number }>): (relDir: string) => DirListing | null {
  return (relDir) => {
    const dir = dirs[relDir];
    return dir ? { names: dir.names, mediaCount: dir.media ?? 1 } : null;
  };
}

const abs = (rel: string): string => path.join(ROOT, ...rel.split('/'));

describe('finding local artwork and nfo files', () => {
  it('takes a movie folder’s generic poster, fanart and movie.nfo when the movie is alone in it', () => {
    const found = locateSidecars('Dusk (2001)/Dusk.mkv', 'movie', listings({ 'Dusk (2001)': { names: ['Poster.JPG', 'fanart.jpg', 'movie.nfo', 'notes.txt'] } }), ROOT);
    expect(found).toEqual({
      nfo: abs('Dusk (2001)/movie.nfo'),
      poster: abs('Dusk (2001)/Poster.JPG'),
      fanart: abs('Dusk (2001)/fanart.jpg'),
      show: null,
      embeddedCover: false,
    });
  });

  it('prefers <name>-poster.jpg and <name>.nfo, and ignores generic names in a folder shared by several movies', () => {
    const dirs = listings({ '': { names: ['Dusk-poster.jpg', 'Dusk-fanart.png', 'Dusk.nfo', 'poster.jpg', 'movie.nfo'], media: 2 } });
    expect(locateSidecars('Dusk.mkv', 'movie', dirs, ROOT)).toMatchObject({ nfo: abs('Dusk.nfo'), poster: abs('Dusk-poster.jpg'), fanart: abs('Dusk-fanart.png') });
    expect(locateSidecars('Dawn.mkv', 'movie', dirs, ROOT)).toEqual({ nfo: null, poster: null, fanart: null, show: null, embeddedCover: true });
  });

  it('takes folder.jpg or cover.jpg as a poster when there is no poster.jpg', () => {
    expect(locateSidecars('Dusk/Dusk.mp4', 'movie', listings({ Dusk: { names: ['cover.jpg', 'folder.jpg'] } }), ROOT).poster).toBe(abs('Dusk/folder.jpg'));
  });

  it('finds an episode’s nfo, and its show’s tvshow.nfo and poster one folder up from a season folder', () => {
    const dirs = listings({
      'Harbour Lights': { names: ['tvshow.nfo', 'poster.jpg', 'fanart.jpg'], media: 0 },
      'Harbour Lights/Season 01': { names: ['Harbour Lights - S01E01.nfo'] },
    });
    expect(locateSidecars('Harbour Lights/Season 01/Harbour Lights - S01E01.mkv', 'episode', dirs, ROOT)).toEqual({
      nfo: abs('Harbour Lights/Season 01/Harbour Lights - S01E01.nfo'),
      poster: null,
      fanart: null,
      show: { nfo: abs('Harbour Lights/tvshow.nfo'), poster: abs('Harbour Lights/poster.jpg'), fanart: abs('Harbour Lights/fanart.jpg') },
      embeddedCover: false,
    });
    // Episodes straight in the show folder use it directly; the shows folder's root is no show's folder.
    expect(locateSidecars('Harbour Lights/S01E02.mkv', 'episode', dirs, ROOT).show?.poster).toBe(abs('Harbour Lights/poster.jpg'));
    expect(locateSidecars('S01E02.mkv', 'episode', dirs, ROOT).show).toBeNull();
  });

  it('finds an album’s cover beside its tracks or one folder up from a CD folder, else asks for the embedded one', () => {
    const dirs = listings({ 'Artist/Album': { names: ['cover.jpg'] }, 'Artist/Album/CD2': { names: [] } });
    expect(locateSidecars('Artist/Album/01.mp3', 'track', dirs, ROOT)).toMatchObject({ poster: abs('Artist/Album/cover.jpg'), embeddedCover: false });
    expect(locateSidecars('Artist/Album/CD2/01.mp3', 'track', dirs, ROOT)).toMatchObject({ poster: abs('Artist/Album/cover.jpg'), embeddedCover: false });
    expect(locateSidecars('Artist/Other/01.mp3', 'track', dirs, ROOT)).toMatchObject({ poster: null, embeddedCover: true });
  });

  it('knows which names are sidecars', () => {
    expect(['a.nfo', 'poster.JPG', 'x.webp', 'M.en.srt', 'M.ssa', 'M.vtt'].every(isSidecarName)).toBe(true);
    expect(['a.mkv', 'a.txt', 'a.nfo.bak', 'noext'].some(isSidecarName)).toBe(false);
  });

  it('reruns a video when its folder’s sidecars change, or its show folder’s from a season folder', () => {
    const changed = new Set(['Harbour Lights', 'Dusk']);
    expect(sidecarsChangedFor(changed, 'Dusk/Dusk.mkv')).toBe(true);
    expect(sidecarsChangedFor(changed, 'Harbour Lights/Season 01/e1.mkv')).toBe(true);
    expect(sidecarsChangedFor(changed, 'Harbour Lights/Behind/e1.mkv')).toBe(false);
    expect(sidecarsChangedFor(new Set(['']), 'Dusk/Dusk.mkv')).toBe(false);
  });
});

describe('linking external subtitles by name', () => {
  it('links <base>.<lang>[.forced].<ext> files with their language, forced flag and format', () => {
    const listing = { names: ['Movie.en.srt', 'Movie.fr.forced.ass', 'Movie.srt', 'Movie.pt-BR.sdh.vtt', 'Movie.ssa', 'Movie 2.en.srt', 'Other.en.srt', 'poster.jpg'], mediaCount: 2 };
    expect(linkSubtitles('Movie.mkv', listing)).toEqual([
      { fileName: 'Movie.en.srt', language: 'en', forced: false, format: 'srt' },
      { fileName: 'Movie.fr.forced.ass', language: 'fr', forced: true, format: 'ass' },
      { fileName: 'Movie.pt-BR.sdh.vtt', language: 'pt-br', forced: false, format: 'vtt' },
      { fileName: 'Movie.srt', language: null, forced: false, format: 'srt' },
      { fileName: 'Movie.ssa', language: null, forced: false, format: 'ass' },
    ]);
    expect(linkSubtitles('Movie.mkv', null)).toEqual([]);
  });

  it('does not take a note such as sdh for a language', () => {
    expect(linkSubtitles('M.mp4', { names: ['M.sdh.en.srt', 'M.forced.srt'], mediaCount: 1 })).toEqual([
      { fileName: 'M.forced.srt', language: null, forced: true, format: 'srt' },
      { fileName: 'M.sdh.en.srt', language: 'en', forced: false, format: 'srt' },
    ]);
  });
});
