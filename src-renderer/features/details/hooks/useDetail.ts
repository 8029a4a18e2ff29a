import type { DetailRequest, LibraryChangeScope, LibraryDetail } from '../../../api';
import { useLibraryQuery, type LibraryQuery } from '../../../data/useLibraryQuery';
import { episodeIds } from '../model/upNext';

/** The lists a page's answer depends on: an item page does not know before the answer whose item it shows. */
const SCOPES: Record<DetailRequest['kind'], readonly LibraryChangeScope[]> = {
  item: ['movies', 'shows', 'albums'],
  show: ['shows'],
  album: ['albums'],
  artist: ['albums', 'artists'],
};

/** The items a page shows, so a watched mark or resume point on any of them refetches the page. */
export function itemsShown(detail: LibraryDetail): string[] {
  switch (detail.kind) {
    case 'movie':
      return [detail.movie.id, ...detail.movie.extras.map((e) => e.id)];
    case 'episode':
      return detail.next ? [detail.episode.id, detail.next.id] : [detail.episode.id];
    case 'track':
      return [detail.track.id];
    case 'show':
      return [...episodeIds(detail.show), ...detail.show.extras.map((e) => e.id)];
    case 'album':
      return detail.album.discs.flatMap((d) => d.tracks.map((t) => t.id));
    case 'artist':
      return [];
  }
}

/** One thing's page data, refetched when a change touches what the page shows. */
export function useDetail(kind: DetailRequest['kind'], id: string, enabled = true): LibraryQuery<LibraryDetail> {
  return useLibraryQuery('library.detail', { kind, id }, { scopes: SCOPES[kind], itemsOf: itemsShown, enabled });
}
