import type { RefObject } from 'react';
import type { PlaybackSource } from '../../../api';
import { createStore, useStore } from '../../../ui';
import { isHls } from '../model/hls';
import { EMPTY_PLAY_QUEUE, currentEntry, type PlayQueue, type PlayQueueState } from '../model/playQueue';
import type { PreloadState, Preloader } from '../model/preloader';
import { usePlayQueueNavigation } from './usePlayQueueNavigation';
import { usePreloadNext } from './usePreloadNext';

const NO_PLAY_QUEUE = createStore<PlayQueueState>(EMPTY_PLAY_QUEUE);
const NO_PRELOAD = createStore<PreloadState>(null);

interface PlayQueueTrackOptions {
  itemId: string;
  playQueue: PlayQueue | undefined;
  preloader: Preloader | undefined;
  source: PlaybackSource | null;
  /** Next and previous outside a play queue. */
  onNext: (() => void) | undefined;
  onPrevious: (() => void) | undefined;
}

/**
 * The item as a track of the play queue it plays from, if any: its entry (title, artist, album), next and
 * previous through the play queue (else the given callbacks), the next track opened near the end of this one
 * with its file warming up, and on to it when this one ends.
 */
export function usePlayQueueTrack(mediaRef: RefObject<HTMLMediaElement | null>, { itemId, playQueue, preloader, source, onNext, onPrevious }: PlayQueueTrackOptions) {
  const state = useStore(playQueue ?? NO_PLAY_QUEUE);
  const preloaded = useStore(preloader ?? NO_PRELOAD);
  const { goNext, goPrevious } = usePlayQueueNavigation(mediaRef, playQueue, onNext, onPrevious);
  const onTimeUpdate = usePreloadNext(playQueue, preloader, source);
  const entry = playQueue ? currentEntry(state) : null;
  return {
    /** The play queue entry that plays now, if it is this item. */
    entry: entry && entry.itemId === itemId ? entry : null,
    hasEntries: state.entries.length > 0,
    goNext,
    goPrevious,
    onTimeUpdate,
    onEnded: () => void playQueue?.next(true),
    /** The preloaded track's file, for an element that loads it ahead (an HLS stream only plays through hls.js). */
    preloadUrl: preloaded?.source && !isHls(preloaded.source.mime) ? preloaded.source.url : null,
  };
}
