import { describe, expect, it } from 'vitest';
import { makeAlbum, makeEpisode, makeLibrary, makeMovie, makeShow, makeTrack } from '../../../api/testing';
import { countLibrary, countsText, isEmptyLibrary } from './counts';

describe('library counts', () => {
  it('counts movies, shows with their episodes, and albums with their tracks', () => {
    const library = makeLibrary({
      movies: [makeMovie(), makeMovie({ title: 'Low Tide' })],
      shows: [makeShow({ seasons: [{ season: 1, episodes: [makeEpisode(), makeEpisode({ episode: 2 })] }, { season: 2, episodes: [makeEpisode({ season: 2 })] }] })],
      albums: [makeAlbum({ tracks: [makeTrack()] })],
    });
    expect(countLibrary(library)).toEqual({ movies: 2, shows: 1, episodes: 3, albums: 1, tracks: 1, unreadable: 0 });
    expect(countsText(countLibrary(library))).toBe('2 movies · 1 show (3 episodes) · 1 album');
  });

  it('says how many files could not be read, only when some could not', () => {
    const counts = { movies: 1, shows: 0, episodes: 0, albums: 0, tracks: 0, unreadable: 2 };
    expect(countsText(counts)).toBe('1 movie · 0 shows (0 episodes) · 0 albums · 2 files could not be read');
  });

  it('calls a library empty when nothing in it can be played, whatever could not be read', () => {
    expect(isEmptyLibrary({ movies: 0, shows: 1, episodes: 0, albums: 1, tracks: 0, unreadable: 4 })).toBe(true);
    expect(isEmptyLibrary({ movies: 0, shows: 0, episodes: 0, albums: 1, tracks: 1, unreadable: 0 })).toBe(false);
  });
});
