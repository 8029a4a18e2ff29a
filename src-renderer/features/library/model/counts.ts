import type { LibrarySnapshot } from '../../../api';
import { plural } from '../../../ui';

/** How much the library holds, kind by kind, and how many files could not be read. */
export interface LibraryCounts {
  movies: number;
  shows: number;
  episodes: number;
  albums: number;
  tracks: number;
  unreadable: number;
}

/** Counts what the snapshot holds. */
export function countLibrary(library: LibrarySnapshot): LibraryCounts {
  return {
    movies: library.movies.length,
    shows: library.shows.length,
    episodes: library.shows.reduce((n, s) => n + s.seasons.reduce((m, se) => m + se.episodes.length, 0), 0),
    albums: library.albums.length,
    tracks: library.albums.reduce((n, a) => n + a.tracks.length, 0),
    unreadable: library.unparseableCount,
  };
}

/** Nothing to play yet: no movie, episode or track (there may be folders, and unreadable files). */
export function isEmptyLibrary(counts: LibraryCounts): boolean {
  return counts.movies + counts.episodes + counts.tracks === 0;
}

/** "2 movies · 1 show (3 episodes) · 1 album", and " · 1 file could not be read" where some could not. */
export function countsText(counts: LibraryCounts): string {
  const text = `${plural(counts.movies, 'movie')} · ${plural(counts.shows, 'show')} (${plural(counts.episodes, 'episode')}) · ${plural(counts.albums, 'album')}`;
  return counts.unreadable > 0 ? `${text} · ${plural(counts.unreadable, 'file')} could not be read` : text;
}
