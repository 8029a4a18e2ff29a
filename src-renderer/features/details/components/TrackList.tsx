import type { AlbumDetail, Track } from '../../../api';
import { usePlayback } from '../../../app';
import { DrawnText, Icon, cx, formatRuntime } from '../../../ui';
import { useRovingFocus, type RovingFocus } from '../hooks/useRovingFocus';
import { albumQueue, orderedDiscs, toQueueTrack } from '../model/queue';

type Album = Pick<AlbumDetail, 'title' | 'artist' | 'discs'>;

interface RowProps {
  track: Track;
  album: Album;
  /** Its place in the album's playing order (what Play starts from). */
  index: number;
  /** Its place on its disc, shown where the track has no number of its own. */
  position: number;
  roving: RovingFocus;
}

/**
 * The play button's name, "Play Undertow · Other Artist, 3:35": the words the row shows, in their order, after
 * "Play", so a speech user can say what they see (WCAG 2.5.3). The number column is drawn like a list's marker.
 */
function playName(track: Track, otherArtist: string | null, length: string): string {
  return [`Play ${track.title}${otherArtist ? ` · ${otherArtist}` : ''}`, length].filter(Boolean).join(', ');
}

/** One track: a button that plays the album from it (Enter), and one that queues it (Right arrow reaches it). */
function TrackRow({ track, album, index, position, roving }: RowProps) {
  const { playTracks, queueTracks, playingId } = usePlayback();
  const playing = playingId === track.id;
  const otherArtist = track.artist && track.artist !== album.artist ? track.artist : null;
  const length = formatRuntime(track.durationSec, 'clock');
  return (
    <li className={cx('dt-row', playing && 'is-playing')}>
      <button type="button" className="dt-row-main dt-track" aria-label={playName(track, otherArtist, length)} aria-current={playing ? 'true' : undefined} title={track.title} {...roving.cellProps(track.id, 0)} onClick={() => playTracks(albumQueue(album), index)}>
        {playing ? (
          <span className="dt-row-num">
            <Icon.Volume />
          </span>
        ) : (
          <DrawnText className="dt-row-num" text={String(track.trackNo ?? position)} />
        )}
        <span className="dt-row-title">
          {track.title}
          {otherArtist ? <span className="dt-row-artist"> · {otherArtist}</span> : null}
        </span>
        {playing ? <span className="sr-only">Now playing</span> : null}{' '}
        <span className="dt-row-dur">{length}</span>
      </button>
      <button type="button" className="dt-row-play dt-row-queue" aria-label={`Add ${track.title} to queue`} title="Add to queue" {...roving.cellProps(track.id, 1)} onClick={() => queueTracks([toQueueTrack(track, album)])}>
        <Icon.Plus />
      </button>
    </li>
  );
}

function discLabel(disc: number | null): string {
  return disc === null ? 'Other tracks' : `Disc ${disc}`;
}

/**
 * An album's tracks by disc ("Disc 1", "Disc 2" headings only when there is more than one; untagged ones
 * last), numbered and timed. One tab stop for all of them; arrows move across discs.
 */
export function TrackList({ album }: { album: Album }) {
  const discs = orderedDiscs(album.discs);
  const roving = useRovingFocus(discs.flatMap((d) => d.tracks.map((t) => t.id)));
  const many = discs.length > 1;
  let index = 0;
  return (
    <div className="dt-tracklist" onKeyDown={roving.onKeyDown}>
      {discs.map((disc) => (
        <div key={disc.disc ?? 'none'} className="dt-disc">
          {many ? <h3 className="dt-disc-title">{discLabel(disc.disc)}</h3> : null}
          <ol className="dt-rows dt-tracks" aria-label={many ? discLabel(disc.disc) : 'Tracks'}>
            {disc.tracks.map((track, i) => (
              <TrackRow key={track.id} track={track} album={album} index={index++} position={i + 1} roving={roving} />
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
