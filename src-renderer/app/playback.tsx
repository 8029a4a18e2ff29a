import { createContext, useContext, type ReactNode } from 'react';
import type { PlayQueueTrack } from '../features/player';

/**
 * What any screen may ask of the player, without knowing how it plays: a movie or episode fills the window,
 * music plays in the now-playing bar across screens. Provided once by the shell.
 */
export interface Playback {
  /** Plays a movie, an episode or a track (a track plays its album from there on). */
  playItem(itemId: string, opts?: { fromStart?: boolean }): void;
  /** Replaces the play queue with `tracks` and plays from `startIndex`. */
  playTracks(tracks: readonly PlayQueueTrack[], startIndex?: number): void;
  /** Adds to the end of the play queue (starting it when nothing plays). */
  queueTracks(tracks: readonly PlayQueueTrack[]): void;
  /** The item playing now, to mark it in lists. */
  playingId: string | null;
}

const PlaybackContext = createContext<Playback | null>(null);

export function PlaybackProvider({ value, children }: { value: Playback; children: ReactNode }) {
  return <PlaybackContext.Provider value={value}>{children}</PlaybackContext.Provider>;
}

/** The shell's player; throws outside the shell (a wiring bug). */
export function usePlayback(): Playback {
  const playback = useContext(PlaybackContext);
  if (!playback) throw new Error('usePlayback() needs a <PlaybackProvider> above it.');
  return playback;
}
