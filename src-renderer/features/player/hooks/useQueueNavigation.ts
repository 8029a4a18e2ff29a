import type { RefObject } from 'react';
import type { PlayQueue } from '../model/queue';

/** Previous restarts the track instead when this far into it (as every music player does). */
const RESTART_AFTER_SEC = 3;

/** Next and previous (n, p, the OS media keys): through the music queue where there is one, else the given callbacks. */
export function useQueueNavigation(mediaRef: RefObject<HTMLMediaElement | null>, queue: PlayQueue | undefined, onNext?: () => void, onPrevious?: () => void) {
  const goNext = queue ? () => void queue.next() : onNext;
  const goPrevious = queue
    ? () => {
        const el = mediaRef.current;
        if (el && el.currentTime > RESTART_AFTER_SEC) el.currentTime = 0;
        else if (!queue.previous() && el) el.currentTime = 0;
      }
    : onPrevious;
  return { goNext, goPrevious };
}
