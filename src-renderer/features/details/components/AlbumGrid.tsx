import type { AlbumSummary } from '../../../api';
import { formatRoute } from '../../../app';
import { plural } from '../../../ui';
import { useRovingFocus } from '../hooks/useRovingFocus';
import { Poster } from './Artwork';

/** An artist's albums as covers (grid thumbnails, never full-size art) linking to their pages; arrows move. */
export function AlbumGrid({ albums, label }: { albums: readonly AlbumSummary[]; label: string }) {
  const roving = useRovingFocus(
    albums.map((a) => a.id),
    { grid: true },
  );
  return (
    <ul className="dt-album-grid" aria-label={label} onKeyDown={roving.onKeyDown}>
      {albums.map((album) => (
        <li key={album.id}>
          <a className="dt-album-card" href={formatRoute({ screen: 'album', id: album.id })} title={album.title} {...roving.cellProps(album.id)}>
            <Poster title={album.title} src={album.thumbUrl} shape="square" />
            <span className="dt-card-title">{album.title}</span>
            <span className="dt-card-meta">{[album.year, plural(album.trackCount, 'track')].filter((x) => x !== null).join(' · ')}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
