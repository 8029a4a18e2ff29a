import { Icon } from '../../../../ui';
import type { PlayQueue, PlayQueueEntry } from '../../model/playQueue';
import { PlayQueuePanel } from '../PlayQueuePanel/PlayQueuePanel';
import type { MediaProps } from '../VideoSurface/VideoSurface';

export interface AudioPlayerProps {
  media: MediaProps;
  /** The play queue entry that plays now, for its title, artist and album; null outside a play queue. */
  entry: PlayQueueEntry | null;
  /** Shown under the player while it has entries. */
  playQueue?: PlayQueue | undefined;
  showQueue: boolean;
  onNext: () => void;
  onPrevious: () => void;
}

/** A music track: what plays now beside the audio element, and the play queue under it. */
export function AudioPlayer({ media, entry, playQueue, showQueue, onNext, onPrevious }: AudioPlayerProps) {
  return (
    <div className="audio-column">
      <div className="audio-stage">
        <span className="audio-art" aria-hidden="true">
          <Icon.Music />
        </span>
        <div className="audio-main">
          {entry ? (
            <p className="audio-now">
              <span className="audio-now-title">{entry.title}</span>
              <span className="audio-now-meta">{[entry.artist, entry.album].filter(Boolean).join(' · ')}</span>
            </p>
          ) : null}
          <audio aria-label="Audio player" {...media} />
        </div>
      </div>
      {playQueue && showQueue ? <PlayQueuePanel playQueue={playQueue} onNext={onNext} onPrevious={onPrevious} /> : null}
    </div>
  );
}
