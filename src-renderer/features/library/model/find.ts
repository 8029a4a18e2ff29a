import type { Album, Episode, LibrarySnapshot, Movie, Track } from '../../../api';

type Found =
  | { kind: 'movie'; item: Movie }
  | { kind: 'episode'; item: Episode }
  | { kind: 'track'; item: Track; album: Album; index: number };

/** An item of the snapshot by id, with its album for a track. */
export function findItem(library: LibrarySnapshot | null, itemId: string): Found | null {
  if (!library) return null;
  const movie = library.movies.find((m) => m.id === itemId);
  if (movie) return { kind: 'movie', item: movie };
  for (const show of library.shows) {
    for (const season of show.seasons) {
      const episode = season.episodes.find((e) => e.id === itemId);
      if (episode) return { kind: 'episode', item: episode };
    }
  }
  for (const album of library.albums) {
    const index = album.tracks.findIndex((t) => t.id === itemId);
    if (index >= 0) return { kind: 'track', item: album.tracks[index]!, album, index };
  }
  return null;
}
