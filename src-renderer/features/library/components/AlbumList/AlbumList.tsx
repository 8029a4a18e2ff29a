import type { Album, Track } from '../../../../api';
import { Icon, cx, formatDuration, plural } from '../../../../ui';
import type { PlayProps } from '../../playing';
import { CardHead } from '../CardHead/CardHead';

export interface AlbumListProps extends PlayProps {
  albums: readonly Album[];
  /** Adds a track to the end of the play queue. */
  onAddToPlayQueue?: (itemId: string) => void;
}

/** Albums with title and artist; each track a button named "Play <Track title>", and "Add <Track> to queue". */
export function AlbumList({ albums, ...play }: AlbumListProps) {
  return (
    <div className="album-list">
      {albums.map((album) => (
        <article key={album.id} className="card album" aria-labelledby={`album-${album.id}`}>
          <CardHead id={`album-${album.id}`} title={album.title} artUrl={album.coverUrl} square>
            <p className="muted small">{[album.artist ?? 'Unknown artist', album.year, plural(album.tracks.length, 'track')].filter((x) => x != null).join(' · ')}</p>
          </CardHead>
          <ul className="rows">
            {album.tracks.map((track, i) => (
              <TrackRow key={track.id} track={track} position={i + 1} album={album} {...play} />
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}

interface TrackRowProps extends Omit<AlbumListProps, 'albums'> {
  track: Track;
  /** Its place in the album, shown where the track has no number of its own. */
  position: number;
  album: Album;
}

/** One track: a button that plays it (its artist shown where it is not the album's), and one that queues it. */
function TrackRow({ track, position, album, onPlay, playingId, onAddToPlayQueue }: TrackRowProps) {
  return (
    <li className="track-row">
      <button type="button" className={cx('row-button', playingId === track.id && 'is-playing')} aria-label={`Play ${track.title}`} onClick={() => onPlay(track.id)}>
        <span className="row-code">{track.trackNo ?? position}</span>
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
  );
}
