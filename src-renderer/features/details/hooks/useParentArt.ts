import { useLibraryQuery } from '../../../data/useLibraryQuery';

export interface ParentArt {
  poster: string | null;
  fanart: string | null;
}

const NONE: ParentArt = { poster: null, fanart: null };

/**
 * The artwork of an episode's show or a track's album, which their item detail does not carry: read from
 * the parent's detail (bounded by one show or album). Best effort: without it the page keeps its
 * placeholder art. Remove once the item detail names its parent's pictures.
 */
export function useParentArt(kind: 'show' | 'album', id: string | null): ParentArt {
  const query = useLibraryQuery('library.detail', { kind, id: id ?? '' }, { scopes: kind === 'show' ? ['shows'] : ['albums'], enabled: id !== null });
  const data = query.data;
  if (data?.kind === 'show') return { poster: data.show.posterUrl, fanart: data.show.fanartUrl };
  if (data?.kind === 'album') return { poster: data.album.coverUrl, fanart: null };
  return NONE;
}
