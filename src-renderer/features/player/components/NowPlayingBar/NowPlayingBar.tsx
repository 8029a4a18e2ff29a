import { useRef } from 'react';
import { ErrorText, Icon, useStore } from '../../../../ui';
import { useKeyBindings } from '../../hooks/useKeyBindings';
import { usePlayerCore } from '../../hooks/usePlayerCore';
import { runAction } from '../../model/actions';
import { musicActionForKey } from '../../model/keys';
import { currentEntry, type PlayQueue, type PlayQueueEntry } from '../../model/playQueue';
import type { Preloader } from '../../model/preloader';
import { BarQueue } from './BarQueue';
import { BarTransport } from './BarTransport';
import { CoverArt } from './CoverArt';
import { SeekBar } from './SeekBar';
import { VolumeControl } from './VolumeControl';
import '../../player.css';

export interface NowPlayingBarProps {
  playQueue: PlayQueue;
  /** Opens the next track ahead of time; its session is taken over when that track starts. */
  preloader?: Preloader | undefined;
  /** Stops the music and empties the queue. */
  onClose: () => void;
  /** The player keys drive the music (off while a video plays over everything). */
  keysEnabled?: boolean;
}

/** The music bar at the bottom of every screen, while the play queue has a track to play. */
export function NowPlayingBar(props: NowPlayingBarProps) {
  const state = useStore(props.playQueue);
  const entry = currentEntry(state);
  return entry ? <MusicBar {...props} entry={entry} epoch={state.epoch} /> : null;
}

const NOTHING = () => {};

/**
 * One `<audio>` element for the whole queue, never remounted (route changes, track changes), so music never
 * stops on navigation and the volume stays as set; each track is a new session on it (`nonce` is the queue's
 * epoch, so repeat-one and a jump to the same track start afresh).
 */
function MusicBar({ playQueue, preloader, onClose, keysEnabled = true, entry, epoch }: NowPlayingBarProps & { entry: PlayQueueEntry; epoch: number }) {
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const barRef = useRef<HTMLElement>(null);
  const { track, media, message } = usePlayerCore(mediaRef, { itemId: entry.itemId, nonce: epoch, resumeSec: null, playQueue, preloader });
  useKeyBindings(mediaRef, {
    enabled: keysEnabled,
    pick: (event) => musicActionForKey(event, event.target instanceof Node && !!barRef.current?.contains(event.target)),
    run: (action, el) =>
      runAction(action, el, { textTracks: [], subtitle: null, setSubtitle: NOTHING, audioTracks: [], chooseAudio: NOTHING, durationSec: entry.durationSec, next: track.goNext, previous: track.goPrevious, fullscreenTarget: null, showHelp: NOTHING, flash: NOTHING }),
  });
  const meta = [entry.artist, entry.album].filter(Boolean).join(' · ');
  return (
    <>
    <section ref={barRef} className="now-playing" aria-label="Now playing">
      <audio {...media} aria-label="Audio player" />
      <div className="np-track">
        <CoverArt thumbUrl={entry.thumbUrl} coverUrl={entry.coverUrl} />
        <p className="np-text">
          <span className="np-title" title={entry.title}>
            {entry.title}
          </span>
          {meta ? <span className="np-meta" title={meta}>{meta}</span> : null}
        </p>
      </div>
      <div className="np-middle">
        <BarTransport mediaRef={mediaRef} onPrevious={track.goPrevious} onNext={track.goNext} />
        <SeekBar mediaRef={mediaRef} fallbackDuration={entry.durationSec} />
      </div>
      <div className="np-end">
        <ErrorText>{message}</ErrorText>
        <VolumeControl mediaRef={mediaRef} />
        <BarQueue playQueue={playQueue} onNext={track.goNext ?? NOTHING} onPrevious={track.goPrevious ?? NOTHING} />
        <button type="button" className="np-icon" aria-label="Stop and close" title="Stop and close" onClick={onClose}>
          <Icon.Close />
        </button>
      </div>
    </section>
    {/* Outside the region on purpose: it is not what plays, only the next track's file warming up. */}
    {track.preloadUrl ? <audio className="preload" preload="auto" src={track.preloadUrl} muted hidden aria-hidden="true" /> : null}
    </>
  );
}
