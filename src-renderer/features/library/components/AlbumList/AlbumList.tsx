import type { Album } from '../../../../api';
import { Icon, formatDuration, plural } from '../../../../ui';
import { hueOf, initialsOf } from '../../labels';
import { Artwork } from '../Artwork/Artwork';

export interface AlbumListProps {
  albums: readonly Album[];
  onPlay: (itemId: string) => void;
  playingId: string | null;
  /** Adds a track to the end of the play queue. */
  onAddToPlayQueue?: (itemId: string) => void;
}

/** Albums with title and artist; each track a button named "Play <Track title>", and "Add <Track> to queue". */
export function AlbumList({ albums, onPlay, playingId, onAddToPlayQueue }: AlbumListProps) {
  return (
    <div className="album-list">
      {albums.map((album) => (
        <article key={album.id} className="card album" aria-labelledby={`album-${album.id}`}>
          <header className="card-head">
            <span className="thumb square" style={{ ['--hue' as string]: hueOf(album.title) }} aria-hidden="true">
              {initialsOf(album.title)}
              <Artwork src={album.coverUrl} />
            </span>
            <div>
              <h3 id={`album-${album.id}`} className="card-title">
                {album.title}
              </h3>
              <p className="muted small">
                {[album.artist ?? 'Unknown artist', album.year, plural(album.tracks.length, 'track')].filter((x) => x != null).join(' · ')}
              </p>
            </div>
          </header>
          <ul className="rows">
            {album.tracks.map((track, i) => (
              <li key={track.id} className="track-row">
                <button
                  type="button"
                  className={playingId === track.id ? 'row-button is-playing' : 'row-button'}
                  aria-label={`Play ${track.title}`}
                  onClick={() => onPlay(track.id)}
                >
                  <span className="row-code">{track.trackNo ?? i + 1}</span>
                  <span className="row-title">
                    {track.title}
                    {track.artist && track.artist !== album.artist ? <span className="muted"> · {track.artist}</span> : null}
                  </span>
                  <span className="row-dur">{formatDuration(track.durationSec)}</span>
                </button>
                {onAddToPlayQueue ? (
                  <button type="button" className="add-queue" aria-label={`Add ${track.title} to queue`} title="Add to queue" onClick={() => onAddToPlayQueue(track.id)}>
                    <Icon.Plus />
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}
