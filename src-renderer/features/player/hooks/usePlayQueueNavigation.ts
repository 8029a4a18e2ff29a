import type { RefObject } from 'react';
import type { PlayQueue } from '../model/playQueue';

/** Previous restarts the track instead when this far into it (as every music player does). */
const RESTART_AFTER_SEC = 3;

/** Next and previous (n, p, the OS media keys): through the music play queue where there is one, else the given callbacks. */
export function usePlayQueueNavigation(mediaRef: RefObject<HTMLMediaElement | null>, playQueue: PlayQueue | undefined, onNext?: () => void, onPrevious?: () => void) {
  const goNext = playQueue ? () => void playQueue.next() : onNext;
  const goPrevious = playQueue
    ? () => {
        const el = mediaRef.current;
        if (el && el.currentTime > RESTART_AFTER_SEC) el.currentTime = 0;
        else if (!playQueue.previous() && el) el.currentTime = 0;
      }
    : onPrevious;
  return { goNext, goPrevious };
}
