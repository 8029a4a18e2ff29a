import { useCallback, useEffect, useRef } from 'react';
import { usePlayback } from '../../../app';

/**
 * `playItem` as a function that never changes, and the playing item's id: the player's own functions are
 * new whenever what plays changes, which would re-render every memoized card.
 */
export function useStablePlay(): { play: (id: string) => void; playingId: string | null } {
  const playback = usePlayback();
  const latest = useRef(playback.playItem);
  useEffect(() => {
    latest.current = playback.playItem;
  });
  const play = useCallback((id: string) => latest.current(id), []);
  return { play, playingId: playback.playingId };
}
