import { useMemo } from 'react';
import type { Playback } from '../app';
import type { useNowPlaying } from './useNowPlaying';

/** The shell's player as screens see it. */
export function usePlaybackControls(now: ReturnType<typeof useNowPlaying>): Playback {
  const { play, playQueue, addToPlayQueue: _add, playingId } = now;
  return useMemo(
    () => ({
      playItem: (itemId) => play(itemId),
      playTracks: (tracks, startIndex = 0) => playQueue.playFrom(tracks.slice(startIndex)),
      queueTracks: (tracks) => tracks.forEach((t) => playQueue.add(t)),
      playingId,
    }),
    [play, playQueue, playingId],
  );
}
