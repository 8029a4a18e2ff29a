import type { LibrarySnapshot, SearchHit } from '../../../api';

/**
 * The library narrowed to what `library.search` found, so the filter box agrees with search everywhere
 * else: prefix words, any case, any accents ("beyonce" finds "Beyoncé"), and the index's ranking.
 *
 * A hit on a container keeps all of it (a show with every episode, an album with every track); a hit on
 * an episode or a track keeps just those inside their show or album; an artist keeps the albums and
 * tracks credited to them. Movies, shows and albums come in the order of their best hit.
 */
export function filterByHits(lib: LibrarySnapshot, hits: readonly SearchHit[]): LibrarySnapshot {
  const rank = new Map<string, number>();
  hits.forEach((hit, i) => {
    if (!rank.has(hit.id)) rank.set(hit.id, i);
  });
  const artists = new Map<string, number>();
  hits.forEach((hit, i) => {
    if (hit.kind === 'artist' && !artists.has(hit.title.toLowerCase())) artists.set(hit.title.toLowerCase(), i);
  });
  const artistRank = (name: string | null): number | undefined => (name ? artists.get(name.toLowerCase()) : undefined);
  const best = (...ranks: (number | undefined)[]): number | undefined => {
    const found = ranks.filter((r): r is number => r !== undefined);
    return found.length > 0 ? Math.min(...found) : undefined;
  };
  const byRank = <T,>(ranked: [T, number][]): T[] => ranked.sort((a, b) => a[1] - b[1]).map(([item]) => item);

  const movies = byRank(lib.movies.flatMap((m) => (rank.has(m.id) ? [[m, rank.get(m.id)!] as [typeof m, number]] : [])));

  const shows = byRank(
    lib.shows.flatMap((show) => {
      const whole = rank.get(show.id);
      if (whole !== undefined) return [[show, whole] as [typeof show, number]];
      let top: number | undefined;
      const seasons = show.seasons
        .map((season) => ({
          ...season,
          episodes: season.episodes.filter((e) => {
            const r = rank.get(e.id);
            if (r !== undefined) top = best(top, r);
            return r !== undefined;
          }),
        }))
        .filter((season) => season.episodes.length > 0);
      return top === undefined ? [] : [[{ ...show, seasons }, top] as [typeof show, number]];
    }),
  );

  const albums = byRank(
    lib.albums.flatMap((album) => {
      const whole = best(rank.get(album.id), artistRank(album.artist));
      if (whole !== undefined) return [[album, whole] as [typeof album, number]];
      let top: number | undefined;
      const tracks = album.tracks.filter((t) => {
        const r = best(rank.get(t.id), artistRank(t.artist));
        if (r !== undefined) top = best(top, r);
        return r !== undefined;
      });
      return top === undefined ? [] : [[{ ...album, tracks }, top] as [typeof album, number]];
    }),
  );

  return { ...lib, movies, shows, albums };
}

/** The filter left every section empty: the screen says so once instead of three times. */
export function matchesNothing(shown: LibrarySnapshot): boolean {
  return shown.movies.length + shown.shows.length + shown.albums.length === 0;
}
