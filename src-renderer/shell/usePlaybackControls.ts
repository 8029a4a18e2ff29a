import { useMemo } from 'react';
import type { Playback } from '../app';
import type { useNowPlaying } from './useNowPlaying';

/** The shell's player as screens see it. */
export function usePlaybackControls(now: ReturnType<typeof useNowPlaying>): Playback {
  const { nowPlaying, playingId } = now;
  return useMemo(
    () => ({
      playItem: (itemId, opts) => void nowPlaying.playItem(itemId, opts),
      playTracks: (tracks, startIndex = 0) => nowPlaying.playTracks(tracks, startIndex),
      queueTracks: (tracks) => nowPlaying.queueTracks(tracks),
      playingId,
    }),
    [nowPlaying, playingId],
  );
}
