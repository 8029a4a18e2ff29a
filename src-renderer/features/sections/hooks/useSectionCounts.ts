import type { LibraryChangeScope, MovieFilters } from '../../../api';
import type { LibraryCounts } from '../../../api';
import { useLibraryQuery } from '../../../data/useLibraryQuery';

const SCOPES: readonly LibraryChangeScope[] = ['movies', 'shows', 'albums', 'artists'];

/** The library's counts (section totals, and what each movie filter leaves), refetched when a section changes. */
export function useSectionCounts() {
  return useLibraryQuery('library.counts', {}, { scopes: SCOPES });
}

/** How many filters are on. */
export function activeFilters(f: MovieFilters): number {
  return (f.unwatched ? 1 : 0) + (f.resolution !== undefined ? 1 : 0) + (f.decade !== undefined ? 1 : 0) + (f.genre !== undefined ? 1 : 0);
}

/** Whether two genres are one to the index: case aside, ASCII only (SQLite's NOCASE). */
export function sameGenre(a: string, b: string): boolean {
  const fold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return fold(a) === fold(b);
}

/**
 * The exact number of movies `filters` leave, when the counts say it: all movies, or one filter's count.
 * Null with several filters at once (no count combines them: the grid grows as pages arrive), and for a
 * genre the counts do not list (they list the most common only); undefined while the counts load.
 */
export function movieTotal(counts: LibraryCounts | null, f: MovieFilters): number | null | undefined {
  if (!counts) return undefined;
  const active = activeFilters(f);
  if (active === 0) return counts.movies;
  if (active > 1) return null;
  if (f.unwatched) return counts.movieFilters.unwatched;
  if (f.resolution !== undefined) return counts.movieFilters.resolution[f.resolution] ?? 0;
  const { genre } = f;
  if (genre !== undefined) return counts.movieFilters.genres.find((g) => sameGenre(g.genre, genre))?.count ?? null;
  return counts.movieFilters.decades.find((d) => d.decade === f.decade)?.count ?? 0;
}
