import type { PlaybackSource } from '../../../api';
import type { Preloader } from '../model/preloader';
import { upcoming, type PlayQueue } from '../model/playQueue';

/** The next track's session is opened this close to the end of the current one. */
const PRELOAD_LEAD_SEC = 10;

/**
 * Near the end of a track, opens the next one in the play queue so its file is already loading when this one
 * ends (or drops a preload that is no longer next). Returns the `timeupdate` part of that.
 */
export function usePreloadNext(playQueue: PlayQueue | undefined, preloader: Preloader | undefined, source: PlaybackSource | null) {
  return function onTimeUpdate(event: { currentTarget: HTMLMediaElement }) {
    if (!playQueue || !preloader || source?.kind !== 'track') return;
    const el = event.currentTarget;
    const duration = Number.isFinite(el.duration) && el.duration > 0 ? el.duration : (source.durationSec ?? 0);
    if (duration <= 0 || duration - el.currentTime > PRELOAD_LEAD_SEC) return;
    const up = upcoming(playQueue.get());
    if (up) preloader.preload(up.itemId);
    else preloader.discard();
  };
}
